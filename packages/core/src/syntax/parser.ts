import { tokenMatcher, type CstNode, type IToken, type IRecognitionException } from "chevrotain";
import type * as A from "./ast.js";
import { CovenantGrammar } from "./grammar.js";
import * as T from "./tokens.js";
import { lex, unquote } from "./lexer.js";
import { LineMap, type SourceRange } from "./position.js";
import { tokenRange, isVirtual } from "./token-range.js";
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
  const lines = new LineMap(text);
  const deep = findDeepRegions(text);
  const lexed = lex(blankRegions(text, deep), uri, lines);
  const diagnostics: Diagnostic[] = deep.map((region) => ({
    code: Codes.NestingTooDeep,
    severity: "error" as const,
    message: `Braces, brackets or parentheses are nested more than ${maxNestingDepth} deep here; this declaration is skipped`,
    uri,
    range: lines.rangeOf(region.at, region.at + 1),
  }));
  diagnostics.push(...lexed.diagnostics);
  const docs = collectDocComments(lexed.commentTokens, lexed.tokens);
  const builder = new AstBuilder(docs, lines, uri, diagnostics);
  const imports: A.ImportStatement[] = [];
  const declarations: A.Declaration[] = [];
  const parser = getGrammar();

  const chunks = segment(lexed.tokens);
  for (const [index, chunk] of chunks.entries()) {
    const tooDeep = findExcessiveNesting(chunk);
    if (tooDeep) {
      diagnostics.push({
        code: Codes.NestingTooDeep,
        severity: "error",
        message: `Braces, brackets or parentheses are nested more than ${maxNestingDepth} deep here; this declaration is skipped`,
        uri,
        range: tokenRange(tooDeep),
      });
      continue;
    }
    parser.input = chunk;
    const cst = parser.sourceFile();
    for (const error of parser.errors) diagnostics.push(syntaxDiagnostic(error, chunk, chunks[index + 1]?.[0], lines, uri, text.length));
    for (const item of children(cst, "importStatement")) imports.push(builder.importStatement(item));
    for (const item of children(cst, "declaration")) {
      const declaration = builder.declaration(item);
      if (declaration) declarations.push(declaration);
    }
  }

  const file: A.SourceFile = {
    type: "SourceFile",
    uri,
    imports,
    declarations,
    comments: lexed.comments,
    range: lines.rangeOf(0, text.length),
  };
  return { file, diagnostics, lines };
}

/**
 * Splits the token stream into top-level items. A declaration ends where its braces balance. A
 * declaration keyword at the start of a line also starts a new item outside braces (so stray words
 * before a declaration do not swallow its header) and, when the file's braces do not balance, inside
 * them too, so one missing `}` costs one declaration, not the rest of the file.
 */
function segment(tokens: readonly IToken[]): IToken[][] {
  let balance = 0;
  for (const token of tokens) {
    if (token.tokenType === T.LBrace) balance++;
    else if (token.tokenType === T.RBrace) balance--;
  }
  const balanced = balance === 0;
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

function findExcessiveNesting(chunk: readonly IToken[]): IToken | undefined {
  let depth = 0;
  for (const token of chunk) {
    const type = token.tokenType;
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
    const at = previous ? endOf(previous) : textLength;
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

function tokens(node: CstNode, name: string): IToken[] {
  return ((node.children[name] as IToken[] | undefined) ?? []).filter((t) => !isVirtual(t));
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

/** Builds the typed syntax tree from the parser's concrete tree; tolerant of nodes cut short by recovery. */
class AstBuilder {
  constructor(
    private readonly docs: ReadonlyMap<number, string>,
    private readonly lines: LineMap,
    private readonly uri: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** The range from the first to the last real token under `node` (tracked by the parser), or an empty range at `fallback`. */
  private rangeOf(node: CstNode, fallback?: SourceRange): SourceRange {
    const l = node.location;
    if (l && !Number.isNaN(l.startOffset) && l.endOffset !== undefined && !Number.isNaN(l.endOffset)) {
      return {
        start: { offset: l.startOffset, line: l.startLine ?? 1, column: l.startColumn ?? 1 },
        end: { offset: l.endOffset + 1, line: l.endLine ?? 1, column: (l.endColumn ?? 0) + 1 },
      };
    }
    return fallback ?? this.walkRange(node) ?? this.lines.rangeOf(0, 0);
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
            if (!last || endOf(child) > endOf(last)) last = child;
          } else visit(child);
        }
      }
    };
    visit(node);
    return first && last ? { start: tokenRange(first).start, end: tokenRange(last).end } : undefined;
  }

  private name(token: IToken): A.Name {
    return { type: "Name", text: token.image, range: tokenRange(token) };
  }

  private text(token: IToken): A.TextLiteral {
    return { type: "Text", value: unquote(token.image), raw: token.image, range: tokenRange(token) };
  }

  importStatement(node: CstNode): A.ImportStatement {
    const path = token(node, "path");
    return { type: "Import", path: path ? this.text(path) : undefined, range: this.rangeOf(node) };
  }

  declaration(node: CstNode): A.Declaration | undefined {
    const keyword = token(node, "keyword");
    if (!keyword) return undefined;
    const name = token(node, "name");
    const title = token(node, "title");
    const subject = token(node, "subject");
    const members: A.Member[] = [];
    for (const member of children(node, "member")) {
      const built = this.member(member);
      if (built) members.push(built);
    }
    return {
      type: "Declaration",
      keyword: this.name(keyword),
      name: name ? this.name(name) : undefined,
      title: title ? this.text(title) : undefined,
      subject: subject ? this.name(subject) : undefined,
      members,
      doc: this.docs.get(keyword.startOffset),
      range: this.rangeOf(node),
      closed: token(node, "RBrace") !== undefined,
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
    const name = token(node, "name");
    if (!name) return undefined;
    const valueNode = child(node, "expression");
    const value = valueNode ? this.expression(valueNode) : undefined;
    const range = this.rangeOf(node);
    if (!value && token(node, "Colon")) {
      this.diagnostics.push({
        code: Codes.UnexpectedToken,
        severity: "error",
        message: `Expected a value after '${name.image}:'`,
        uri: this.uri,
        range: { start: range.end, end: range.end },
      });
    }
    return { type: "Field", name: this.name(name), value, range };
  }

  private row(node: CstNode): A.Row | undefined {
    const keyword = token(node, "keyword");
    if (!keyword) return undefined;
    const head = child(node, "head");
    const value = child(node, "value");
    return {
      type: "Row",
      keyword: this.name(keyword),
      head: head ? this.expression(head) : undefined,
      value: value ? this.expression(value) : undefined,
      range: this.rangeOf(node),
    };
  }

  expression(node: CstNode): A.Expression | undefined {
    const operands = children(node, "operands")
      .map((n) => this.andExpression(n))
      .filter((e): e is A.Expression => e !== undefined);
    if (operands.length <= 1) return operands[0];
    return { type: "Logical", operator: "or", operands, range: this.rangeOf(node) };
  }

  private andExpression(node: CstNode): A.Expression | undefined {
    const operands = children(node, "operands")
      .map((n) => this.notExpression(n))
      .filter((e): e is A.Expression => e !== undefined);
    if (operands.length <= 1) return operands[0];
    return { type: "Logical", operator: "and", operands, range: this.rangeOf(node) };
  }

  private notExpression(node: CstNode): A.Expression | undefined {
    const comparison = child(node, "comparison");
    let result = comparison ? this.comparison(comparison) : undefined;
    const nots = tokens(node, "Not");
    for (let i = nots.length - 1; i >= 0 && result; i--) {
      result = { type: "Not", operand: result, range: { start: tokenRange(nots[i]!).start, end: result.range.end } };
    }
    return result;
  }

  private comparison(node: CstNode): A.Expression | undefined {
    const operator = token(node, "operator");
    const leftNode = child(node, "left");
    const rightNode = child(node, "right");
    const left = leftNode ? this.phrase(leftNode) : undefined;
    const right = rightNode ? this.phrase(rightNode) : undefined;
    if (!operator) return left;
    return { type: "Comparison", operator: operator.image as A.ComparisonOperator, left, right, range: this.rangeOf(node) };
  }

  private phrase(node: CstNode): A.Phrase | undefined {
    const terms = children(node, "term")
      .map((n) => this.term(n))
      .filter((t): t is A.Term => t !== undefined);
    if (terms.length === 0) return undefined;
    return { type: "Phrase", terms, range: { start: terms[0]!.range.start, end: terms[terms.length - 1]!.range.end } };
  }

  private term(node: CstNode): A.Term | undefined {
    const number = token(node, "number");
    if (number) {
      const low = numberLiteral(number);
      if (!token(node, "DotDot")) return low;
      const high = token(node, "high");
      return { type: "Range", low, high: high ? numberLiteral(high) : undefined, range: this.rangeOf(node) };
    }
    const percent = token(node, "PercentLiteral");
    if (percent)
      return { type: "Percent", text: percent.image, digits: percent.image.slice(0, -1).replace(/_/g, ""), range: tokenRange(percent) };
    const date = token(node, "DateLiteral");
    if (date) return { type: "Date", text: date.image, range: tokenRange(date) };
    const text = token(node, "Text");
    if (text) return this.text(text);
    const word = token(node, "Word");
    if (word) return { type: "Word", text: word.image, range: tokenRange(word) };
    const list = child(node, "list");
    if (list) {
      const items = children(list, "items")
        .map((n) => this.expression(n))
        .filter((e): e is A.Expression => e !== undefined);
      return { type: "List", items, range: this.rangeOf(list) };
    }
    const group = child(node, "group");
    if (group) {
      const inner = child(group, "expression");
      return { type: "Group", expression: inner ? this.expression(inner) : undefined, range: this.rangeOf(group) };
    }
    return undefined;
  }
}

/** The offset just after a token. */
function endOf(token: IToken): number {
  return (token.endOffset ?? token.startOffset) + 1;
}

function numberLiteral(token: IToken): A.NumberLiteral {
  return { type: "Number", text: token.image, digits: token.image.replace(/_/g, ""), range: tokenRange(token) };
}
