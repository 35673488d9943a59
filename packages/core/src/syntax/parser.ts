import { tokenMatcher, type CstNode, type IToken, type IRecognitionException } from "chevrotain";
import type * as A from "./ast.js";
import { CovenantGrammar } from "./grammar.js";
import * as T from "./tokens.js";
import { lex, unquote } from "./lexer.js";
import { LineMap, type SourceRange } from "./position.js";
import { tokenRange, isVirtual } from "./token-range.js";
import { isTopLevelKind, maxNestingDepth } from "./keywords.js";
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
  const lexed = lex(text, uri, lines);
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const docs = collectDocComments(lexed.commentTokens, lexed.tokens);
  const builder = new AstBuilder(docs, lines, uri, diagnostics);
  const imports: A.ImportStatement[] = [];
  const declarations: A.Declaration[] = [];
  const parser = getGrammar();

  for (const chunk of segment(lexed.tokens)) {
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
    for (const error of parser.errors) diagnostics.push(syntaxDiagnostic(error, chunk, lines, uri, text.length));
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
 * Splits the token stream into top-level items. A declaration ends where its braces balance. When
 * the file's braces do not balance, a declaration keyword at the start of a line also starts a new
 * item, so one missing `}` costs one declaration, not the rest of the file.
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
    else if (!balanced && depth > 0 && token.startColumn === 1 && tokenMatcher(token, T.Word) && isTopLevelKind(token.image) && tokens[i + 1]?.tokenType !== T.Colon) {
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

function syntaxDiagnostic(error: IRecognitionException, chunk: readonly IToken[], lines: LineMap, uri: string, textLength: number): Diagnostic {
  const token = error.token;
  let range: SourceRange;
  if (!isVirtual(token) && token.tokenType.name !== "EOF") range = tokenRange(token);
  else {
    // At the end of a chunk: point just after its last real token.
    const before = (error as { previousToken?: IToken }).previousToken;
    const previous = before && !isVirtual(before) && before.tokenType.name !== "EOF" ? before : chunk[chunk.length - 1];
    const at = previous ? endOf(previous) : textLength;
    range = lines.rangeOf(at, at);
  }
  return { code: Codes.UnexpectedToken, severity: "error", message: error.message, uri, range };
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

/** Builds the typed syntax tree from the parser's concrete tree; tolerant of nodes cut short by recovery. */
class AstBuilder {
  constructor(
    private readonly docs: ReadonlyMap<number, string>,
    private readonly lines: LineMap,
    private readonly uri: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** The range from the first to the last real token under `node`, or an empty range at `fallback`. */
  private rangeOf(node: CstNode, fallback?: SourceRange): SourceRange {
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
    if (first && last) return { start: tokenRange(first).start, end: tokenRange(last).end };
    return fallback ?? this.lines.rangeOf(0, 0);
  }

  private name(token: IToken): A.Name {
    return { type: "Name", text: token.image, range: tokenRange(token) };
  }

  private text(token: IToken): A.TextLiteral {
    return { type: "Text", value: unquote(token.image), raw: token.image, range: tokenRange(token) };
  }

  importStatement(node: CstNode): A.ImportStatement {
    const path = tokens(node, "path")[0];
    return { type: "Import", path: path ? this.text(path) : undefined, range: this.rangeOf(node) };
  }

  declaration(node: CstNode): A.Declaration | undefined {
    const keyword = tokens(node, "keyword")[0];
    if (!keyword) return undefined;
    const name = tokens(node, "name")[0];
    const title = tokens(node, "title")[0];
    const subject = tokens(node, "subject")[0];
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
      closed: tokens(node, "RBrace").length > 0,
    };
  }

  private member(node: CstNode): A.Member | undefined {
    const row = children(node, "row")[0];
    if (row) return this.row(row);
    const field = children(node, "field")[0];
    if (field) return this.field(field);
    const declaration = children(node, "declaration")[0];
    return declaration ? this.declaration(declaration) : undefined;
  }

  private field(node: CstNode): A.Field | undefined {
    const name = tokens(node, "name")[0];
    if (!name) return undefined;
    const valueNode = children(node, "expression")[0];
    const value = valueNode ? this.expression(valueNode) : undefined;
    const range = this.rangeOf(node);
    if (!value && tokens(node, "Colon").length > 0) {
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
    const keyword = tokens(node, "keyword")[0];
    if (!keyword) return undefined;
    const head = children(node, "head")[0];
    const value = children(node, "value")[0];
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
    const comparison = children(node, "comparison")[0];
    let result = comparison ? this.comparison(comparison) : undefined;
    const nots = tokens(node, "Not");
    for (let i = nots.length - 1; i >= 0 && result; i--) {
      result = { type: "Not", operand: result, range: { start: tokenRange(nots[i]!).start, end: result.range.end } };
    }
    return result;
  }

  private comparison(node: CstNode): A.Expression | undefined {
    const operator = tokens(node, "operator")[0];
    const leftNode = children(node, "left")[0];
    const rightNode = children(node, "right")[0];
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
    const number = tokens(node, "number")[0];
    if (number) {
      const low = numberLiteral(number);
      if (tokens(node, "DotDot").length === 0) return low;
      const high = tokens(node, "high")[0];
      return { type: "Range", low, high: high ? numberLiteral(high) : undefined, range: this.rangeOf(node) };
    }
    const percent = tokens(node, "PercentLiteral")[0];
    if (percent) return { type: "Percent", text: percent.image, digits: percent.image.slice(0, -1).replace(/_/g, ""), range: tokenRange(percent) };
    const date = tokens(node, "DateLiteral")[0];
    if (date) return { type: "Date", text: date.image, range: tokenRange(date) };
    const text = tokens(node, "Text")[0];
    if (text) return this.text(text);
    const word = tokens(node, "Word")[0];
    if (word) return { type: "Word", text: word.image, range: tokenRange(word) };
    const list = children(node, "list")[0];
    if (list) {
      const items = children(list, "items")
        .map((n) => this.expression(n))
        .filter((e): e is A.Expression => e !== undefined);
      return { type: "List", items, range: this.rangeOf(list) };
    }
    const group = children(node, "group")[0];
    if (group) {
      const inner = children(group, "expression")[0];
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
