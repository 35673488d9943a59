/**
 * Splits a large text into blocks that are lexed and parsed one after another, so that the tokens
 * of one block are garbage before the next is lexed. Lexing a whole 100,000-line file at once kept
 * its 300,000 tokens alive through every young-generation collection of the lexer and the parser,
 * which cost more than the lexing itself.
 *
 * A block boundary must change nothing: the whole-file lexer must have a token boundary there, and
 * the segmenter must just have closed an item. So a block ends only at a line start where
 *   - the braces seen so far balance (a top-level `}` came last, nothing significant after it),
 *   - no `///` doc comment waits for its declaration on the next line,
 *   - a word starts the line (the next block's first token, which the last item of this block may
 *     name in a syntax error).
 * Strings and comments are skipped as the lexer reads them. Text in typographic quotes may hold
 * braces the scanner cannot tell from real ones, and braces that do not balance change how the
 * segmenter splits items; such files are lexed whole.
 */

/** Below this many characters a file is lexed whole; above, blocks are at least this long. */
export const blockLength = 32 * 1024;

/** Offsets where blocks start, followed by the text's length; one block for small or unusual texts. */
export function blockBounds(text: string, minimum = blockLength): number[] {
  const whole = [0, text.length];
  if (text.length < 2 * minimum || text.includes("\u201c") || text.includes("\u201d")) return whole;
  const bounds = [0];
  const length = text.length;
  let depth = 0;
  let balance = 0;
  let clean = true;
  let lineStart = true;
  for (let i = 0; i < length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */ || (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) {
      lineStart = true;
      if (depth === 0 && clean && i + 1 - bounds[bounds.length - 1]! >= minimum && startsWord(text.charCodeAt(i + 1))) bounds.push(i + 1);
      continue;
    }
    if (ch === 32 || ch === 9 || ch === 13 || ch === 12 || ch === 11 || ch === 0xa0 || ch === 0xfeff) continue;
    const atLineStart = lineStart;
    lineStart = false;
    // A comment in another language's style runs to the end of the line, as the lexer reads it.
    if (
      ch === 35 /* # */ ||
      (ch === 45 /* - */ && text.charCodeAt(i + 1) === 45) ||
      ((ch === 59 /* ; */ || ch === 37) /* % */ && atLineStart)
    ) {
      while (i + 1 < length && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
      continue;
    }
    if (ch === 34 /* " */) {
      i = stringEnd(text, i);
      clean = false;
      continue;
    }
    if (ch === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      // `///` but not `////`: a doc comment belongs to the next token, which must stay in this block.
      if (text.charCodeAt(i + 2) === 47 && text.charCodeAt(i + 3) !== 47) clean = false;
      while (i + 1 < length && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
      continue;
    }
    if (ch === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? length : close + 1;
      continue;
    }
    if (ch === 123 /* { */) {
      depth++;
      balance++;
      clean = false;
    } else if (ch === 125 /* } */) {
      depth = Math.max(0, depth - 1);
      balance--;
      // The segmenter closes an item at a `}` that returns to depth 0, a stray one included.
      clean = depth === 0;
    } else clean = false;
  }
  if (balance !== 0) return whole;
  bounds.push(length);
  return bounds;
}

/** The offset of the last character of the text literal opening at `open`, as the lexer reads it. */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) return i;
    if (ch === 10 || ch === 13) return i - 1;
    if (ch === 92 /* \ */) {
      const next = text.charCodeAt(i + 1);
      // `\` escapes any character a regular expression's `.` matches; before a line break it ends the text.
      if (next === 10 || next === 13 || next === 0x2028 || next === 0x2029 || Number.isNaN(next)) return i;
      i++;
    }
  }
  return text.length - 1;
}

function startsWord(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || ch === 95;
}
