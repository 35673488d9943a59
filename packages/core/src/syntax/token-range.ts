import type { IToken } from "chevrotain";
import type { SourceRange } from "./position.js";

/** The source range of a lexed token (chevrotain positions are inclusive; ours are half-open). */
export function tokenRange(token: IToken): SourceRange {
  return {
    start: { offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1 },
    end: { offset: (token.endOffset ?? token.startOffset) + 1, line: token.endLine ?? 1, column: (token.endColumn ?? 0) + 1 },
  };
}

/** True for a token the parser invented during error recovery: it has no place in the text. */
export function isVirtual(token: IToken): boolean {
  return Number.isNaN(token.startOffset) || token.isInsertedInRecovery === true;
}
