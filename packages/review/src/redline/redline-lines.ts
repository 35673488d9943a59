import { diffArrays } from "diff";
import { phraseChanges } from "./phrases.js";
import type { ProseSyntax, Token } from "./syntax.js";

/** A line of the redline, and whether it shows a change. */
export interface RedlineLine {
  readonly text: string;
  readonly changed: boolean;
}

/**
 * A word-level redline of two texts, line-structured as the compiler writes prose. Lines are
 * aligned first (unchanged lines pass through); within a changed stretch, old and new lines of the
 * same shape pair up in order and are compared token by token, so a table row stays a table row
 * and a changed price reads `~~USD 171.50~~ **USD 170.00**`; replaced words are grouped by phrase.
 * Structure always comes from the new version; a deleted line is shown in place when it closes on
 * itself.
 */
export function redlineLines(before: string, after: string, syntax: ProseSyntax): RedlineLine[] {
  const oldLines = before.split("\n");
  const newLines = after.split("\n");
  const out: RedlineLine[] = [];
  const parts = joinStretches(diffArrays(oldLines, newLines), syntax);
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i]!.added && !parts[i]!.removed) {
      for (const text of parts[i]!.value) out.push({ text, changed: false });
      continue;
    }
    // Consecutive removed and added parts are one changed stretch.
    const removed: string[] = [];
    const added: string[] = [];
    for (; i < parts.length && (parts[i]!.added || parts[i]!.removed); i++) {
      const side = parts[i]!.added ? added : removed;
      for (const item of parts[i]!.value) side.push(item);
    }
    i--;
    for (const line of redlineStretch(removed, added, syntax)) out.push(line);
  }
  return out;
}

type LinePart = { value: string[]; added: boolean; removed: boolean };

/**
 * Blank lines and closing tags between two changes belong to both: they join the changes into one
 * stretch, so a clause removed from the middle does not leave each later clause compared with its
 * new neighbour one blank line at a time.
 */
function joinStretches(parts: readonly LinePart[], syntax: ProseSyntax): LinePart[] {
  const wordless = (line: string): boolean => !syntax.tokens(line).some((t) => t.kind === "word" || t.kind === "atom");
  const changed = (part: LinePart | undefined): boolean => part !== undefined && (part.added || part.removed);
  const out: LinePart[] = [];
  for (const [i, part] of parts.entries()) {
    if (!changed(part) && changed(parts[i - 1]) && changed(parts[i + 1]) && part.value.every(wordless)) {
      out.push({ value: part.value, added: false, removed: true }, { value: part.value, added: true, removed: false });
    } else out.push(part);
  }
  return out;
}

/**
 * Pairs old and new lines that are versions of one another: the same shape and at least half their
 * words in common, chosen so the pairs in order share the most words (a clause removed from the
 * middle leaves the clauses after it paired with themselves, not with their new neighbours).
 * Lines left unpaired are shown deleted or inserted whole.
 */
function redlineStretch(removed: readonly string[], added: readonly string[], syntax: ProseSyntax): RedlineLine[] {
  const pairs = pairLines(removed, added, syntax);
  const out: RedlineLine[] = [];
  const hasText = (line: string): boolean => syntax.tokens(line).some((t) => t.kind === "word" || t.kind === "atom");
  let r = 0;
  let a = 0;
  const flushTo = (rEnd: number, aEnd: number): void => {
    for (; r < rEnd; r++) {
      const line = deletedLine(removed[r]!, syntax);
      if (line !== undefined) out.push({ text: line, changed: hasText(removed[r]!) });
    }
    for (; a < aEnd; a++) out.push({ text: insertedLine(added[a]!, syntax), changed: hasText(added[a]!) });
  };
  for (const [ri, ai] of pairs) {
    flushTo(ri, ai);
    out.push(pairedLine(removed[ri]!, added[ai]!, syntax));
    r = ri + 1;
    a = ai + 1;
  }
  flushTo(removed.length, added.length);
  return out;
}

/** Beyond this many candidate pairs, a stretch is shown as deleted and inserted whole. */
const largestStretch = 400_000;

function pairLines(removed: readonly string[], added: readonly string[], syntax: ProseSyntax): [number, number][] {
  if (removed.length * added.length > largestStretch) return [];
  const shapes = (lines: readonly string[]): string[] => lines.map((l) => syntax.shape(l));
  const words = (lines: readonly string[]): string[][] =>
    lines.map((l) =>
      syntax
        .tokens(l)
        .filter((t) => t.kind === "word" || t.kind === "atom")
        .map((t) => t.key ?? t.text),
    );
  return pairVersions(shapes(removed), shapes(added), words(removed), words(added));
}

/**
 * Pairs old and new elements (lines, paragraphs, table rows) of a changed stretch, given each
 * one's shape and words: a pair needs the same shape and half the words in common, and the pairs
 * in order share the most words. Returns the index pairs in order.
 */
export function pairVersions(
  shapeA: readonly string[],
  shapeB: readonly string[],
  wordsA: readonly (readonly string[])[],
  wordsB: readonly (readonly string[])[],
): [number, number][] {
  const removed = shapeA;
  const added = shapeB;
  if (removed.length * added.length > largestStretch) return [];
  // A pair is allowed when the lines share half their words; it is worth the words they share, so
  // blank lines and closing tags pair where they can but never steer the alignment.
  const score = (i: number, j: number): number => {
    if (shapeA[i] !== shapeB[j] || similarity(wordsA[i]!, wordsB[j]!) < 0.5) return -1;
    return Math.max(0.01, common(wordsA[i]!, wordsB[j]!));
  };
  // best[i][j]: the most words the pairs of removed[i..] and added[j..] can share.
  const best = Array.from({ length: removed.length + 1 }, () => new Float64Array(added.length + 1));
  for (let i = removed.length - 1; i >= 0; i--) {
    for (let j = added.length - 1; j >= 0; j--) {
      const s = score(i, j);
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, s >= 0 ? s + best[i + 1]![j + 1]! : 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < removed.length && j < added.length) {
    const s = score(i, j);
    if (s >= 0 && best[i]![j] === s + best[i + 1]![j + 1]!) pairs.push([i++, j++]);
    else if (best[i + 1]![j] === best[i]![j]) i++;
    else j++;
  }
  return pairs;
}

/** Words two lines share, as a share of all their words (1 for two lines with no words, such as closing tags). */
function similarity(a: readonly string[], b: readonly string[]): number {
  return a.length === 0 && b.length === 0 ? 1 : (2 * common(a, b)) / (a.length + b.length);
}

/** How many words two lines share, each word counted as often as both have it. */
function common(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const n = counts.get(word) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(word, n - 1);
    }
  }
  return shared;
}

/**
 * A line and its new version, changes grouped by phrase: each replaced phrase reads as one
 * deletion followed by one insertion.
 */
function pairedLine(before: string, after: string, syntax: ProseSyntax): RedlineLine {
  let line = "";
  let changed = false;
  for (const change of phraseChanges(syntax.tokens(before), syntax.tokens(after))) {
    if (change.kind === "equal") {
      line += change.tokens.map((t) => t.text).join("");
      continue;
    }
    // Structure comes from the new line only: old tags are dropped, new tags kept as they are.
    const deleted = markRun(change.deleted, syntax.deleted, true);
    const inserted = markRun(change.inserted, syntax.inserted, false);
    const gap = deleted.trim() !== "" && inserted.trim() !== "" && !/\s$/.test(deleted) && !/^\s/.test(inserted) ? " " : "";
    line += deleted + gap + inserted;
    // A change of structure only (a renamed clause's anchor) shows nothing to a reader.
    if ([...change.deleted, ...change.inserted].some((t) => t.kind === "word" || t.kind === "atom")) changed = true;
  }
  return { text: line, changed };
}

function deletedLine(line: string, syntax: ProseSyntax): string | undefined {
  const tokens = syntax.tokens(line);
  if (syntax.balanced(line)) return markRun(tokens, syntax.deleted, false);
  const text = tokens.filter((t) => t.kind !== "tag");
  return text.some((t) => t.kind !== "space") ? syntax.deletedFragment(text) : undefined;
}

function insertedLine(line: string, syntax: ProseSyntax): string {
  return markRun(syntax.tokens(line), syntax.inserted, false);
}

/**
 * Marks the text of a run of tokens: tags pass through (or are dropped, for old structure), and
 * each stretch of text between tags is marked once, with its outer whitespace left unmarked.
 */
function markRun(tokens: readonly Token[], mark: (text: readonly Token[]) => string, dropTags: boolean): string {
  let out = "";
  let stretch: Token[] = [];
  const flush = (): void => {
    const first = stretch.findIndex((t) => t.kind !== "space");
    if (first < 0) {
      out += stretch.map((t) => t.text).join("");
    } else {
      let last = stretch.length - 1;
      while (stretch[last]!.kind === "space") last--;
      out += stretch
        .slice(0, first)
        .map((t) => t.text)
        .join("");
      out += mark(stretch.slice(first, last + 1));
      out += stretch
        .slice(last + 1)
        .map((t) => t.text)
        .join("");
    }
    stretch = [];
  };
  for (const token of tokens) {
    if (token.kind !== "tag") {
      stretch.push(token);
      continue;
    }
    flush();
    if (!dropTags) out += token.text;
  }
  flush();
  return out;
}
