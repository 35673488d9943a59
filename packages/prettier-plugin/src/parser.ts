import { Codes, parse, type Comment, type Diagnostic, type Node, type SourceFile } from "@covenant/core";
import type { Parser, ParserOptions } from "prettier";

/** The name Prettier knows the Covenant syntax tree by; the printer is registered under it. */
export const astFormat = "covenant-ast";

/** The diagnostics that make a file unformattable: the parser's own findings, not the checker's. */
const syntaxCodes: ReadonlySet<string> = new Set([
  Codes.UnexpectedToken,
  Codes.UnterminatedString,
  Codes.UnterminatedComment,
  Codes.UnknownCharacter,
  Codes.NestingTooDeep,
  Codes.InvalidEscape,
]);

/**
 * Where each own-line doc comment ends for layout: after the whitespace that follows it. Prettier keeps
 * one blank line after a leading comment when the source has one; measuring a `///` comment to the next
 * token makes it hug the declaration it documents, which is what the parser reads it as belonging to.
 */
const docCommentEnds = new WeakMap<Comment, number>();

/** The syntax error that comes first in the text, or undefined when the text is well-formed. */
export function firstSyntaxError(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  let first: Diagnostic | undefined;
  for (const d of diagnostics) {
    if (d.severity !== "error" || !syntaxCodes.has(d.code)) continue;
    if (!first || d.range.start.offset < first.range.start.offset) first = d;
  }
  return first;
}

/** The error Prettier expects from a parser: a SyntaxError whose message ends in `(line:column)`, with `loc` for its code frame. */
export function syntaxError(diagnostic: Diagnostic): SyntaxError {
  const { line, column } = diagnostic.range.start;
  const error = new SyntaxError(`${diagnostic.message} [${diagnostic.code}] (${line}:${column})`) as SyntaxError & {
    loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  };
  error.loc = { start: { line, column }, end: { line: diagnostic.range.end.line, column: diagnostic.range.end.column } };
  return error;
}

/** Parses with the core's parser (there is no other) and hands Prettier the syntax tree, comments on the root. */
function parseForPrettier(text: string, options?: ParserOptions<Node>): SourceFile {
  const { file, diagnostics } = parse(text, options?.filepath ?? "input.contract");
  const error = firstSyntaxError(diagnostics);
  if (error) throw syntaxError(error);
  for (const comment of file.comments) {
    if (comment.style !== "doc" || !startsOwnLine(text, comment.range.start.offset)) continue;
    let end = comment.range.end.offset;
    while (end < text.length && isCovenantSpace(text.charCodeAt(end))) end++;
    docCommentEnds.set(comment, end);
  }
  return file;
}

function startsOwnLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return true;
    if (ch !== 32 && ch !== 9) return false;
  }
  return true;
}

/** The lexer's whitespace: space, tab, CR, LF, FF, VT, NBSP, BOM. */
function isCovenantSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 12 || ch === 11 || ch === 0xa0 || ch === 0xfeff;
}

/** Offset of a node's first character. */
export function locStart(node: Node): number {
  return node.range.start.offset;
}

/** Offset just after a node's last character (for an own-line doc comment, after the whitespace that follows it). */
export function locEnd(node: Node): number {
  if (node.type === "Comment") return docCommentEnds.get(node) ?? node.range.end.offset;
  return node.range.end.offset;
}

export const covenantParser: Parser<Node> = {
  parse: parseForPrettier,
  astFormat,
  locStart,
  locEnd,
};
