import { Lexer, type ILexingResult, type IToken } from "chevrotain";
import {
  allTokens,
  keywords,
  Identifier,
  DocComment,
  BlockComment,
  UnterminatedBlockComment,
  UnterminatedString,
  StringLiteral,
  CurlyString,
  ForeignComment,
  foreignCommentOpening,
} from "./tokens.js";
import type { Comment } from "./ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Codes } from "../diagnostics/codes.js";
import { tokenRange } from "./token-range.js";
import type { LineMap } from "./position.js";

let lexer: Lexer | undefined;

// Tokens carry start positions only: full tracking made lexing four times slower. Tokens of the
// main stream never span lines, so their ends follow from their length (see token-range.ts);
// comments, which may, get their ranges from the line map.

function getLexer(): Lexer {
  lexer ??= new Lexer(allTokens, { positionTracking: "onlyStart", ensureOptimizations: true, skipValidations: true });
  return lexer;
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly commentTokens: IToken[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Splits text (or the block of it from `from` to `to`, which starts a line) into tokens and
 * comments; never fails: unknown characters and unterminated text become diagnostics. Offsets and
 * lines count from the start of `text` whatever the block.
 */
export function lex(text: string, uri: string, lines: LineMap, from = 0, to = text.length): LexResult {
  // A byte-order mark is not part of the layout: lex the text after it, so that columns on line 1
  // start at 1 as in an editor, then move the offsets back to count from the start of `text`.
  const start = from === 0 && text.startsWith("\ufeff") ? 1 : from;
  const result = getLexer().tokenize(start === 0 && to === text.length ? text : text.slice(start, to));
  if (start > 0) shiftPositions(result, start, lines.positionAt(start).line - 1);
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    const shown = text.slice(error.offset, error.offset + Math.min(error.length, 20));
    const printable = [...shown]
      .map((ch) =>
        ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 0x7f || ch === "\ufffd"
          ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`
          : ch,
      )
      .join("");
    diagnostics.push({
      code: Codes.UnknownCharacter,
      severity: "error",
      message: `Unexpected character${error.length > 1 ? "s" : ""} '${printable}'${error.length > 20 ? "…" : ""}; remove ${error.length > 1 ? "them" : "it"}`,
      uri,
      range: lines.rangeOf(error.offset, error.offset + error.length),
    });
  }
  const commentTokens = result.groups["comments"] ?? [];
  const comments: Comment[] = [];
  for (const token of commentTokens) {
    const style =
      token.tokenType === DocComment
        ? "doc"
        : token.tokenType === BlockComment || token.tokenType === UnterminatedBlockComment
          ? "block"
          : "line";
    comments.push({
      type: "Comment",
      style,
      text: token.image,
      range: lines.rangeOf(token.startOffset, token.startOffset + token.image.length),
    });
    if (token.tokenType === ForeignComment) {
      const opening = foreignCommentOpening(token.image) ?? token.image.slice(0, 1);
      const range = lines.rangeOf(token.startOffset, token.startOffset + opening.length);
      diagnostics.push({
        code: Codes.UnknownCharacter,
        severity: "error",
        message: `Comments start with '//' in Covenant; '${opening}' does not start a comment`,
        uri,
        range,
        fixes: [{ title: `Change '${opening}' to '//'`, edits: [{ uri, range, newText: "//" }] }],
      });
    }
    if (token.tokenType === UnterminatedBlockComment) {
      diagnostics.push({
        code: Codes.UnterminatedComment,
        severity: "error",
        message: "This comment is never closed; add '*/' where it should end",
        uri,
        range: lines.rangeOf(token.startOffset, token.startOffset + 2),
        fixes: [
          {
            title: "Close the comment at the end of the file",
            edits: [{ uri, range: lines.rangeOf(text.length, text.length), newText: " */" }],
          },
        ],
      });
    }
  }
  for (const token of result.tokens) {
    if (token.tokenType === Identifier) {
      const keyword = keywords.get(token.image);
      if (keyword) {
        token.tokenType = keyword;
        token.tokenTypeIdx = keyword.tokenTypeIdx!;
      }
      continue;
    }
    if (token.tokenType === CurlyString) {
      const straight = `"${token.image.slice(1, -1)}"`;
      diagnostics.push({
        code: Codes.UnknownCharacter,
        severity: "error",
        message: "Typographic quotes (“ ”) do not delimit text; use straight double quotes",
        uri,
        range: tokenRange(token),
        fixes: [{ title: "Use straight quotes", edits: [{ uri, range: tokenRange(token), newText: straight }] }],
      });
      continue;
    }
    if (token.tokenType === UnterminatedString) {
      const end = token.startOffset + token.image.length;
      diagnostics.push({
        code: Codes.UnterminatedString,
        severity: "error",
        message: "This text is never closed; add '\"' before the end of the line",
        uri,
        range: tokenRange(token),
        fixes: [{ title: "Close the text", edits: [{ uri, range: lines.rangeOf(end, end), newText: '"' }] }],
      });
    }
    if (token.tokenType === StringLiteral || token.tokenType === UnterminatedString) {
      const escape = /\\(.)/g;
      let match: RegExpExecArray | null;
      while ((match = escape.exec(token.image)) !== null) {
        if (!'"\\n'.includes(match[1]!)) {
          const at = token.startOffset + match.index;
          diagnostics.push({
            code: Codes.InvalidEscape,
            severity: "error",
            message: `'\\${match[1]}' is not an escape Covenant knows; use \\" for a quote, \\\\ for a backslash or \\n for a new line`,
            uri,
            range: lines.rangeOf(at, at + 2),
          });
        }
      }
    }
  }
  return { tokens: result.tokens, commentTokens, comments, diagnostics };
}

/** Moves what the lexer found in a block (or after a byte-order mark) to its place in the whole text. */
function shiftPositions(result: ILexingResult, offset: number, lines: number): void {
  const shift = (token: IToken): void => {
    token.startOffset += offset;
    if (token.endOffset !== undefined) token.endOffset += offset;
    if (token.startLine !== undefined) token.startLine += lines;
  };
  result.tokens.forEach(shift);
  result.groups["comments"]?.forEach(shift);
  for (const error of result.errors) {
    error.offset += offset;
    if (error.line !== undefined) error.line += lines;
  }
}

/** Resolves the escapes of a text token (`\"`, `\\`, `\n`) and strips its quotes. */
export function unquote(image: string): string {
  if (image.startsWith("\u201c") || image.startsWith("\u201d")) return image.slice(1, -1);
  const closed = image.length >= 2 && image.endsWith('"') && !image.endsWith('\\"');
  const body = image.slice(1, closed ? -1 : undefined);
  return body.replace(/\\(.)/g, (_, ch: string) => (ch === "n" ? "\n" : ch));
}
