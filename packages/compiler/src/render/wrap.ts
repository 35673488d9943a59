import LineBreaker from "linebreak";
import { displayWidth, inertLine } from "./inert.js";

/**
 * Line wrapping for plain text by the Unicode Line Breaking Algorithm (UAX #14, through the
 * maintained `linebreak` package), measured in display columns (a CJK character takes two, a
 * combining mark none). A line ends only where UAX #14 allows a break: after a space, between
 * ideographs — never before closing punctuation (`)`, `）`, `」`), a comma or full
 * stop (`,`, `、`, `。`), `!` or `?`, or a non-starter (`ー`, `々`). A no-break space (U+00A0)
 * joins words that must stay on one line ("Clause 5.2", "USD 1,200.00"); it prints as an ordinary
 * space. A run with no break opportunity wider than the line is cut between characters (grapheme
 * clusters, never inside one), as CSS `overflow-wrap: anywhere` does.
 */
export const noBreak = "\u00a0";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The pieces of `text` between UAX #14 break opportunities, each without the spaces that end it
 * (a line may end after them, and they are not printed at the end of a line), and whether a space
 * came before it. Runs of spaces count as one, as a word processor shows them.
 */
function unbreakable(text: string): { readonly piece: string; readonly spaced: boolean }[] {
  const line = inertLine(text).replace(/ +/g, " ").trim();
  const pieces: { piece: string; spaced: boolean }[] = [];
  const breaker = new LineBreaker(line);
  let last = 0;
  let spaced = false;
  for (let found = breaker.nextBreak(); found !== null; found = breaker.nextBreak()) {
    // Tailored (UAX #14 allows it): no break after a hyphen, so part numbers (HMC-BC-80041-A)
    // and compounds (e-axle) stay whole, and a line-end hyphen is never mistaken for hyphenation.
    if (found.position < line.length && /[-\u2010]$/.test(line.slice(last, found.position))) continue;
    const slice = line.slice(last, found.position);
    const piece = slice.trimEnd();
    if (piece !== "") pieces.push({ piece, spaced });
    spaced = piece !== slice || (piece === "" && spaced);
    last = found.position;
  }
  return pieces;
}

/** Wraps `text` (made one inert line first) into lines of at most `width` columns (at least 1). */
export function wrap(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  for (const { piece, spaced } of unbreakable(text)) {
    const gap = spaced ? 1 : 0;
    const pieceWidth = displayWidth(piece);
    if (line !== "" && lineWidth + gap + pieceWidth <= limit) {
      line += spaced ? ` ${piece}` : piece;
      lineWidth += gap + pieceWidth;
      continue;
    }
    if (line !== "") lines.push(line);
    line = piece;
    lineWidth = pieceWidth;
    if (pieceWidth > limit) {
      const cuts = cut(piece, limit);
      line = cuts.pop()!;
      lineWidth = displayWidth(line);
      for (const c of cuts) lines.push(c);
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines.map((l) => l.replaceAll(noBreak, " "));
}

/**
 * A run cut into pieces of at most `limit` columns (a single grapheme wider than the limit stands
 * alone). A piece does not start with a character UAX #14 keeps off the start of a line (a closing
 * bracket, a comma, a non-starter) while the grapheme before it can come along and still fit.
 */
function cut(run: string, limit: number): string[] {
  const pieces: string[] = [];
  let piece: { text: string; width: number }[] = [];
  let pieceWidth = 0;
  for (const { segment } of graphemes.segment(run)) {
    const w = displayWidth(segment);
    if (piece.length > 0 && pieceWidth + w > limit) {
      // Carry back the graphemes that may not start a line, with the one before them.
      let keep = piece.length;
      let carried = w;
      let next = segment;
      while (keep > 1 && startsNoLine(next) && carried + piece[keep - 1]!.width <= limit) {
        keep -= 1;
        carried += piece[keep]!.width;
        next = piece[keep]!.text;
      }
      if (keep === piece.length || startsNoLine(next)) keep = piece.length;
      pieces.push(
        piece
          .slice(0, keep)
          .map((g) => g.text)
          .join(""),
      );
      piece = piece.slice(keep);
      pieceWidth = piece.reduce((sum, g) => sum + g.width, 0);
    }
    piece.push({ text: segment, width: w });
    pieceWidth += w;
  }
  pieces.push(piece.map((g) => g.text).join(""));
  return pieces;
}

/**
 * Whether UAX #14 forbids a line break before `grapheme` even after an ideograph, which allows a
 * break before anything else: true for closing punctuation (CL, CP), separators (IS), `!` and `?`
 * (EX), non-starters (NS) and the like. Asked of the line breaker itself, not of our own table.
 */
function startsNoLine(grapheme: string): boolean {
  return new LineBreaker(`\u5b57${grapheme}`).nextBreak()?.position !== 1;
}

/** The width of the widest run with no break opportunity: the narrowest a column can be without cutting one. */
export function longestWord(text: string): number {
  let longest = 0;
  for (const { piece } of unbreakable(text)) longest = Math.max(longest, displayWidth(piece));
  return longest;
}

/** `text` padded with spaces to `width` display columns, on the right (`left`) or on the left (`right`). */
export function pad(text: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + fill : fill + text;
}
