import { displayWidth, inertLine } from "./inert.js";

/**
 * Greedy word wrapping for plain text, measured in display columns (a CJK character takes two, a
 * combining mark none). A no-break space (U+00A0) joins words that must stay on one line
 * ("Clause 5.2", "USD 1,200.00"); it prints as an ordinary space. A word wider than the line (a
 * run of CJK text has no spaces) is cut between characters (grapheme clusters, never inside one).
 */
export const noBreak = "\u00a0";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Wraps `text` (made one inert line first) into lines of at most `width` columns (at least 1). */
export function wrap(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  for (const word of inertLine(text).split(" ")) {
    if (word === "") continue;
    const wordWidth = displayWidth(word);
    if (line !== "" && lineWidth + 1 + wordWidth <= limit) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (line !== "") lines.push(line);
    line = word;
    lineWidth = wordWidth;
    if (wordWidth > limit) {
      const pieces = cut(word, limit);
      line = pieces.pop()!;
      lineWidth = displayWidth(line);
      for (const piece of pieces) lines.push(piece);
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines.map((l) => l.replaceAll(noBreak, " "));
}

/** A word cut into pieces of at most `limit` columns (a single grapheme wider than the limit stands alone). */
function cut(word: string, limit: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  let pieceWidth = 0;
  for (const { segment } of graphemes.segment(word)) {
    const w = displayWidth(segment);
    if (piece !== "" && pieceWidth + w > limit) {
      pieces.push(piece);
      piece = "";
      pieceWidth = 0;
    }
    piece += segment;
    pieceWidth += w;
  }
  pieces.push(piece);
  return pieces;
}

/** The width of the longest word: the narrowest a column can be without cutting words. */
export function longestWord(text: string): number {
  let longest = 0;
  for (const word of inertLine(text).split(/[ ]+/)) longest = Math.max(longest, displayWidth(word));
  return longest;
}

/** `text` padded with spaces to `width` display columns, on the right (`left`) or on the left (`right`). */
export function pad(text: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + fill : fill + text;
}
