import { tokenMatcher, type CstNode, type IToken, type IRecognitionException } from "chevrotain";
import type * as A from "./ast.js";
import { CovenantGrammar } from "./grammar.js";
import * as T from "./tokens.js";
import { lex, unquote, type LexResult } from "./lexer.js";
import { blockBounds, blockLength } from "./blocks.js";
import { LineMap, type SourceRange } from "./position.js";
import { tokenRange, tokenStart, tokenEnd, isVirtual } from "./token-range.js";
import { isTopLevelKind, maxNestingDepth } from "./keywords.js";
import { blankRegions, findDeepRegions } from "./nesting.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Codes } from "../diagnostics/codes.js";

export interface ParseResult {
  readonly file: A.SourceFile;
  readonly diagnostics: readonly Diagnostic[];
  readonly lines: LineMap;
}

let grammar: CovenantGrammar | undefined;

/** The one grammar instance, built lazily; grammar validation runs in a unit test, not here. */
export function getGrammar(): CovenantGrammar {
  grammar ??= new CovenantGrammar({ skipValidations: true });
  return grammar;
}

/**
 * Parses any text into a syntax tree plus diagnostics. It never throws for bad input: top-level
 * items are parsed one at a time, so an error in one declaration never hides the next one.
 */
export function parse(text: string, uri: string): ParseResult {
  return parseInBlocks(text, uri, blockLength);
}

/**
 * `parse`, lexing blocks of at least `minimumBlock` characters one after another (see blocks.ts).
 * Exported for the test that proves the result does not depend on the block length.
 */
export function parseInBlocks(text: string, uri: string, minimumBlock: number): ParseResult {
  const lines = new LineMap(text);
  const deep = findDeepRegions(text);
  const source = blankRegions(text, deep);
  const skipped: A.SkippedDeclaration[] = [];
  for (const region of deep) {
    const declaration = skippedFromText(text, region.start, region.end, lines);
    if (declaration) skipped.push(declaration);
  }
  const diagnostics: Diagnostic[] = deep.map((region) => ({
    code: Codes.NestingTooDeep,
    severity: "error" as const,
    message: `Braces, brackets or parentheses are nested more than ${maxNestingDepth} deep here; this declaration is skipped`,
    uri,
    range: lines.rangeOf(region.at, region.at + 1),
  }));
  // The lexer's findings come before the parser's, as if the whole text had been lexed first.
  const parserDiagnostics: Diagnostic[] = [];
  const builder = new AstBuilder(lines, uri, parserDiagnostics);
  const imports: A.ImportStatement[] = [];
  const declarations: A.Declaration[] = [];
  const comments: A.Comment[] = [];
  const parser = getGrammar();

  const bounds = blockBounds(source, minimumBlock);
  const lexBlock = (k: number): LexResult => lex(source, uri, lines, bounds[k], bounds[k + 1]);
  let next: LexResult | undefined = lexBlock(0);
  for (let k = 0; next; k++) {
    const lexed: LexResult = next;
    // The next block is lexed first: its first token is what follows this block's last item.
    next = k + 2 < bounds.length ? lexBlock(k + 1) : undefined;
    for (const d of lexed.diagnostics) diagnostics.push(d);
    for (const c of lexed.comments) comments.push(c);
    builder.docs = collectDocComments(lexed.commentTokens, lexed.tokens);
    // Blocks exist only where the file's braces balance; a single block finds out from its tokens.
    const chunks = segment(lexed.tokens, bounds.length > 2 || braceBalance(lexed.tokens) === 0);
    for (const [index, chunk] of chunks.entries()) {
      const tooDeep = findExcessiveNesting(chunk);
      if (tooDeep) {
        parserDiagnostics.push({
          code: Codes.NestingTooDeep,
          severity: "error",
          message:
            tooDeep.tokenType === T.Not
              ? `'not' is repeated or nested more than ${maxNestingDepth} deep here; this declaration is skipped`
              : `Braces, brackets or parentheses are nested more than ${maxNestingDepth} deep here; this declaration is skipped`,
          uri,
          range: tokenRange(tooDeep),
        });
        const declaration = skippedFromTokens(chunk, lines);
        if (declaration) skipped.push(declaration);
        continue;
      }
      parser.input = chunk;
      const cst = parser.sourceFile();
      const following = chunks[index + 1]?.[0] ?? next?.tokens[0];
      for (const error of parser.errors) parserDiagnostics.push(syntaxDiagnostic(error, chunk, following, lines, uri, text.length));
      for (const item of children(cst, "importStatement")) imports.push(builder.importStatement(item));
      for (const item of children(cst, "declaration")) {
        const declaration = builder.declaration(item);
        if (declaration) declarations.push(declaration);
      }
    }
  }
  for (const d of parserDiagnostics) diagnostics.push(d);

  const file: A.SourceFile = {
    type: "SourceFile",
    uri,
    imports,
    declarations,
    // Both kinds of skip are found in text order within themselves; the file lists them in text order.
    skipped: skipped.sort((a, b) => a.range.start.offset - b.range.start.offset),
    comments,
    range: lines.rangeOf(0, text.length),
  };
  return { file, diagnostics, lines };
}

const wordPattern = /[A-Za-z_][A-Za-z0-9_]*/g;

/** A skipped item's header (`force_majeure fm`) and words, read from its tokens; undefined unless it starts with a declaration keyword. */
function skippedFromTokens(chunk: readonly IToken[], lines: LineMap): A.SkippedDeclaration | undefined {
  const [keyword, name] = chunk;
  if (!keyword || !tokenMatcher(keyword, T.Word) || !isTopLevelKind(keyword.image)) return undefined;
  const mentions = new Set<string>();
  for (const token of chunk) if (tokenMatcher(token, T.Word)) mentions.add(token.image);
  const last = chunk[chunk.length - 1]!;
  return {
    type: "SkippedDeclaration",
    keyword: { type: "Name", text: keyword.image, range: tokenRange(keyword) },
    name: name && tokenMatcher(name, T.Word) ? { type: "Name", text: name.image, range: tokenRange(name) } : undefined,
    mentions,
    range: lines.rangeOf(keyword.startOffset, tokenEnd(last)),
  };
}

/**
 * The same from the text of an item blanked before lexing (brackets nested too deep): the header is
 * its first two words; strings and comments are not told apart from words, which at worst counts a
 * name as used.
 */
function skippedFromText(text: string, start: number, end: number, lines: LineMap): A.SkippedDeclaration | undefined {
  const header = /^([A-Za-z_][A-Za-z0-9_]*)(?:[ \t]+([A-Za-z_][A-Za-z0-9_]*))?/.exec(text.slice(start, Math.min(end, start + 200)));
  if (!header || !isTopLevelKind(header[1]!)) return undefined;
  const mentions = new Set(text.slice(start, end).match(wordPattern) ?? []);
  const nameAt = header[2] ? start + header[0].length - header[2].length : undefined;
  return {
    type: "SkippedDeclaration",
    keyword: { type: "Name", text: header[1]!, range: lines.rangeOf(start, start + header[1]!.length) },
    name: nameAt !== undefined ? { type: "Name", text: header[2]!, range: lines.rangeOf(nameAt, nameAt + header[2]!.length) } : undefined,
    mentions,
    range: lines.rangeOf(start, end),
  };
}

function braceBalance(tokens: readonly IToken[]): number {
  let balance = 0;
  for (const token of tokens) {
    if (token.tokenType === T.LBrace) balance++;
    else if (token.tokenType === T.RBrace) balance--;
  }
  return balance;
}

/**
 * Splits the token stream into top-level items. A declaration ends where its braces balance. A
 * declaration keyword at the start of a line also starts a new item outside braces (so stray words
 * before a declaration do not swallow its header) and, when the file's braces do not balance, inside
 * them too, so one missing `}` costs one declaration, not the rest of the file.
 */
function segment(tokens: readonly IToken[], balanced: boolean): IToken[][] {
  const chunks: IToken[][] = [];
  let current: IToken[] = [];
  let depth = 0;
  const flush = (): void => {
    if (current.length > 0) chunks.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (depth === 0 && token.tokenType === T.Import) flush();
    else if (
      (depth === 0 || !balanced) &&
      token.startColumn === 1 &&
      tokenMatcher(token, T.Word) &&
      isTopLevelKind(token.image) &&
      tokens[i + 1]?.tokenType !== T.Colon
    ) {
      flush();
      depth = 0;
    }
    current.push(token);
    if (token.tokenType === T.LBrace) depth++;
    else if (token.tokenType === T.RBrace) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) flush();
    } else if (depth === 0 && tokenMatcher(token, T.Text) && current[0]?.tokenType === T.Import && current.length === 2) flush();
  }
  flush();
  return chunks;
}

/**
 * The first token nested deeper than `maxNestingDepth`. Each `not` of a run nests its operand one
 * level deeper in the tree (`not not x` is Not(Not(x))), so a run counts as depth until it ends.
 */
function findExcessiveNesting(chunk: readonly IToken[]): IToken | undefined {
  let depth = 0;
  let nots = 0;
  for (const token of chunk) {
    const type = token.tokenType;
    if (type === T.Not) {
      if (depth + ++nots > maxNestingDepth) return token;
      continue;
    }
    nots = 0;
    if (type === T.LBrace || type === T.LBracket || type === T.LParen) {
      if (++depth > maxNestingDepth) return token;
    } else if (type === T.RBrace || type === T.RBracket || type === T.RParen) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** `following` is the first token of the next item, if any: the parser sees the end of its chunk, not of the file. */
function syntaxDiagnostic(
  error: IRecognitionException,
  chunk: readonly IToken[],
  following: IToken | undefined,
  lines: LineMap,
  uri: string,
  textLength: number,
): Diagnostic {
  const token = error.token;
  let range: SourceRange;
  let message = error.message;
  if (!isVirtual(token) && token.tokenType.name !== "EOF") range = tokenRange(token);
  else {
    if (following) message = message.replace(/the end of the file$/, `'${following.image}'`);
    // At the end of a chunk: point just after its last real token.
    const before = (error as { previousToken?: IToken }).previousToken;
    const previous = before && !isVirtual(before) && before.tokenType.name !== "EOF" ? before : chunk[chunk.length - 1];
    const at = previous ? tokenEnd(previous) : textLength;
    range = lines.rangeOf(at, at);
  }
  return { code: Codes.UnexpectedToken, severity: "error", message, uri, range };
}

/** Maps the start offset of the token after a run of `///` comments to the comments' text. */
function collectDocComments(comments: readonly IToken[], tokens: readonly IToken[]): Map<number, string> {
  const docs = new Map<number, string[]>();
  for (const comment of comments) {
    if (comment.tokenType !== T.DocComment) continue;
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tokens[mid]!.startOffset > comment.startOffset) high = mid;
      else low = mid + 1;
    }
    const next = tokens[low];
    if (!next) continue;
    const lines = docs.get(next.startOffset) ?? [];
    lines.push(comment.image.slice(3).replace(/^ /, ""));
    docs.set(next.startOffset, lines);
  }
  return new Map([...docs].map(([offset, lines]) => [offset, lines.join("\n")]));
}

function children(node: CstNode, name: string): CstNode[] {
  return (node.children[name] as CstNode[] | undefined) ?? [];
}

/** The first real token labelled `name`, without allocating. */
function token(node: CstNode, name: string): IToken | undefined {
  const list = node.children[name] as IToken[] | undefined;
  if (!list) return undefined;
  for (const t of list) if (!isVirtual(t)) return t;
  return undefined;
}

/** The first child node labelled `name`. */
function child(node: CstNode, name: string): CstNode | undefined {
  return (node.children[name] as CstNode[] | undefined)?.[0];
}

/**
 * Builds the typed syntax tree from the parser's concrete tree; tolerant of nodes cut short by
 * recovery. The tree of a large file is most of the memory a check holds, so a node's range reuses
 * the positions of its first and last parts instead of allocating its own.
 */
class AstBuilder {
  /** Doc comments of the block being built, by the offset of the token they document. */
  docs: ReadonlyMap<number, string> = new Map();

  constructor(
    private readonly lines: LineMap,
    private readonly uri: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** The range from `first` to `last` (token or range), falling back to the tokens under `node` after recovery. */
  private between(node: CstNode, first: IToken | SourceRange | undefined, last: IToken | SourceRange | undefined): SourceRange {
    if (first !== undefined && last !== undefined) {
      const start = "image" in first ? tokenStart(first) : first.start;
      const end = "image" in last ? tokenRange(last).end : last.end;
      if (end.offset >= start.offset) return { start, end };
    }
    return this.walkRange(node) ?? this.lines.rangeOf(0, 0);
  }

  /** Slow path for nodes cut short by recovery, whose tracked location is incomplete. */
  private walkRange(node: CstNode): SourceRange | undefined {
    let first: IToken | undefined;
    let last: IToken | undefined;
    const visit = (n: CstNode): void => {
      for (const key in n.children) {
        for (const child of n.children[key]!) {
          if ("tokenType" in child) {
            if (isVirtual(child)) continue;
            if (!first || child.startOffset < first.startOffset) first = child;
            if (!last || tokenEnd(child) > tokenEnd(last)) last = child;
          } else visit(child);
        }
      }
    };
    visit(node);
    return first && last ? { start: tokenStart(first), end: tokenRange(last).end } : undefined;
  }

  private name(token: IToken): A.Name {
    return { type: "Name", text: token.image, range: tokenRange(token) };
  }

  private text(token: IToken): A.TextLiteral {
    return { type: "Text", value: unquote(token.image), raw: token.image, range: tokenRange(token) };
  }

  importStatement(node: CstNode): A.ImportStatement {
    const keyword = token(node, "Import");
    const pathToken = token(node, "path");
    const path = pathToken ? this.text(pathToken) : undefined;
    return { type: "Import", path, range: this.between(node, keyword, path?.range ?? keyword) };
  }

  declaration(node: CstNode): A.Declaration | undefined {
    const keywordToken = token(node, "keyword");
    if (!keywordToken) return undefined;
    const keyword = this.name(keywordToken);
    const nameToken = token(node, "name");
    const name = nameToken ? this.name(nameToken) : undefined;
    const titleToken = token(node, "title");
    const title = titleToken ? this.text(titleToken) : undefined;
    const subjectToken = token(node, "subject");
    const subject = subjectToken ? this.name(subjectToken) : undefined;
    const members: A.Member[] = [];
    for (const member of children(node, "member")) {
      const built = this.member(member);
      if (built) members.push(built);
    }
    const close = token(node, "RBrace");
    const last =
      close ??
      members[members.length - 1]?.range ??
      token(node, "LBrace") ??
      subject?.range ??
      title?.range ??
      name?.range ??
      keyword.range;
    return {
      type: "Declaration",
      keyword,
      name,
      title,
      subject,
      members,
      doc: this.docs.get(keywordToken.startOffset),
      range: this.between(node, keyword.range, last),
      closed: close !== undefined,
    };
  }

  private member(node: CstNode): A.Member | undefined {
    const row = child(node, "row");
    if (row) return this.row(row);
    const field = child(node, "field");
    if (field) return this.field(field);
    const declaration = child(node, "declaration");
    return declaration ? this.declaration(declaration) : undefined;
  }

  private field(node: CstNode): A.Field | undefined {
    const nameToken = token(node, "name");
    if (!nameToken) return undefined;
    const name = this.name(nameToken);
    const valueNode = child(node, "expression");
    const value = valueNode ? this.expression(valueNode) : undefined;
    const colon = token(node, "Colon");
    const range = this.between(node, name.range, value?.range ?? colon ?? name.range);
    if (!value && colon) {
      this.diagnostics.push({
        code: Codes.UnexpectedToken,
        severity: "error",
        message: `Expected a value after '${nameToken.image}:'`,
        uri: this.uri,
        range: { start: range.end, end: range.end },
      });
    }
    return { type: "Field", name, value, range };
  }

  private row(node: CstNode): A.Row | undefined {
    const keywordToken = token(node, "keyword");
    if (!keywordToken) return undefined;
    const keyword = this.name(keywordToken);
    const headNode = child(node, "head");
    const valueNode = child(node, "value");
    const head = headNode ? this.expression(headNode) : undefined;
    const value = valueNode ? this.expression(valueNode) : undefined;
    return {
      type: "Row",
      keyword,
      head,
      value,
      range: this.between(node, keyword.range, value?.range ?? token(node, "Colon") ?? head?.range ?? keyword.range),
    };
  }

  expression(node: CstNode): A.Expression | undefined {
    const nodes = children(node, "operands");
    // Most values are one operand: no list to build.
    if (nodes.length === 1) return this.andExpression(nodes[0]!);
    const operands: A.Expression[] = [];
    for (const n of nodes) {
      const operand = this.andExpression(n);
      if (operand) operands.push(operand);
    }
    if (operands.length <= 1) return operands[0];
    return {
      type: "Logical",
      operator: "or",
      operands,
      range: this.between(node, operands[0]!.range, operands[operands.length - 1]!.range),
    };
  }

  private andExpression(node: CstNode): A.Expression | undefined {
    const nodes = children(node, "operands");
    if (nodes.length === 1) return this.notExpression(nodes[0]!);
    const operands: A.Expression[] = [];
    for (const n of nodes) {
      const operand = this.notExpression(n);
      if (operand) operands.push(operand);
    }
    if (operands.length <= 1) return operands[0];
    return {
      type: "Logical",
      operator: "and",
      operands,
      range: this.between(node, operands[0]!.range, operands[operands.length - 1]!.range),
    };
  }

  private notExpression(node: CstNode): A.Expression | undefined {
    const comparison = child(node, "comparison");
    let result = comparison ? this.comparison(comparison) : undefined;
    const nots = (node.children["Not"] as IToken[] | undefined) ?? [];
    for (let i = nots.length - 1; i >= 0 && result; i--) {
      if (isVirtual(nots[i]!)) continue;
      result = { type: "Not", operand: result, range: { start: tokenStart(nots[i]!), end: result.range.end } };
    }
    return result;
  }

  private comparison(node: CstNode): A.Expression | undefined {
    const operator = token(node, "operator");
    const leftNode = child(node, "left");
    const left = leftNode ? this.phrase(leftNode) : undefined;
    if (!operator) return left;
    const rightNode = child(node, "right");
    const right = rightNode ? this.phrase(rightNode) : undefined;
    return {
      type: "Comparison",
      operator: operator.image as A.ComparisonOperator,
      left,
      right,
      range: this.between(node, left?.range ?? operator, right?.range ?? operator),
    };
  }

  private phrase(node: CstNode): A.Phrase | undefined {
    const terms: A.Term[] = [];
    for (const n of children(node, "term")) {
      const term = this.term(n);
      if (term) terms.push(term);
    }
    if (terms.length === 0) return undefined;
    return { type: "Phrase", terms, range: { start: terms[0]!.range.start, end: terms[terms.length - 1]!.range.end } };
  }

  /** A term node holds exactly one alternative; probing the labels by name avoids enumerating the node's keys. */
  private term(node: CstNode): A.Term | undefined {
    const labels = node.children;
    if (labels["Word"]) {
      const word = token(node, "Word");
      return word && { type: "Word", text: word.image, range: tokenRange(word) };
    }
    if (labels["number"]) {
      const number = token(node, "number");
      if (!number) return undefined;
      const low = numberLiteral(number);
      const dots = token(node, "DotDot");
      if (!dots) return low;
      const high = token(node, "high");
      const highLiteral = high ? numberLiteral(high) : undefined;
      return { type: "Range", low, high: highLiteral, range: this.between(node, low.range, highLiteral?.range ?? dots) };
    }
    if (labels["Text"]) {
      const text = token(node, "Text");
      return text && this.text(text);
    }
    if (labels["PercentLiteral"]) {
      const percent = token(node, "PercentLiteral");
      return (
        percent && {
          type: "Percent",
          text: percent.image,
          digits: percent.image.slice(0, -1).replace(/_/g, ""),
          range: tokenRange(percent),
        }
      );
    }
    if (labels["DateLiteral"]) {
      const date = token(node, "DateLiteral");
      return date && { type: "Date", text: date.image, range: tokenRange(date) };
    }
    const list = child(node, "list");
    if (list) {
      const open = token(list, "LBracket");
      const items: A.Expression[] = [];
      for (const n of children(list, "items")) {
        const item = this.expression(n);
        if (item) items.push(item);
      }
      return {
        type: "List",
        items,
        range: this.between(list, open, token(list, "RBracket") ?? items[items.length - 1]?.range ?? open),
      };
    }
    const group = child(node, "group");
    if (group) {
      const open = token(group, "LParen");
      const inner = child(group, "expression");
      const expression = inner ? this.expression(inner) : undefined;
      return { type: "Group", expression, range: this.between(group, open, token(group, "RParen") ?? expression?.range ?? open) };
    }
    return undefined;
  }
}

/** A number token; one grouped with commas or dots (reported by the lexer) is read in Covenant's spelling. */
function numberLiteral(token: IToken): A.NumberLiteral {
  const text = T.covenantSpelling(token.image) ?? token.image;
  return { type: "Number", text, digits: text.replace(/_/g, ""), range: tokenRange(token) };
}
