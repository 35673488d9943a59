import type { IToken } from "chevrotain";
import type { Position, SourceRange } from "./position.js";

/**
 * The source range of a token of the main stream. The lexer tracks start positions only; such
 * tokens never contain a line break, so the end is on the same line, `image.length` further.
 */
export function tokenRange(token: IToken): SourceRange {
  const line = token.startLine ?? 1;
  const column = token.startColumn ?? 1;
  const length = token.image.length;
  return {
    start: { offset: token.startOffset, line, column },
    end: { offset: token.startOffset + length, line, column: column + length },
  };
}

/** The start position of a token of the main stream. */
export function tokenStart(token: IToken): Position {
  return { offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1 };
}

/** The offset just after a token of the main stream. */
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** True for a token the parser invented during error recovery: it has no place in the text. */
export function isVirtual(token: IToken): boolean {
  return Number.isNaN(token.startOffset) || token.isInsertedInRecovery === true;
}
