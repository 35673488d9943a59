import type { RedlineLine } from "./redline-lines.js";
import type { ProseSyntax } from "./syntax.js";

/**
 * The changed-clauses view of a redline: the document's title (and everything before it: an HTML
 * head), each numbered clause that holds a change with its number and heading, and inside it only
 * the subclauses that changed; unchanged clauses, subclauses and an unchanged preamble are left
 * out. A clause without subclauses is shown whole when it changed.
 */
export function changedClauses(lines: readonly RedlineLine[], syntax: ProseSyntax): RedlineLine[] {
  const out: RedlineLine[] = [];
  let i: number;
  const take = (from: number, to: number): void => {
    for (let k = from; k < to; k++) out.push(lines[k]!);
  };
  const changed = (from: number, to: number): boolean => lines.slice(from, to).some((l) => l.changed);
  /** The first line at or after `from` whose outline mark is one of `marks`, or the end of the lines. */
  const next = (from: number, ...marks: string[]): number => {
    let k = from;
    while (k < lines.length && !marks.includes(syntax.outline(lines[k]!.text) ?? "")) k++;
    return k;
  };
  // Everything up to and including the title (and the blank lines after it) is always shown; a
  // text without a title has no outline to select from and is shown whole.
  const title = next(0, "title");
  if (title === lines.length) return [...lines];
  i = title + 1;
  while (i < lines.length && lines[i]!.text.trim() === "") i++;
  take(0, i);
  // The preamble (text between the title and the first clause) is shown when it changed.
  const firstClause = next(i, "clause", "end");
  if (changed(i, firstClause)) take(i, firstClause);
  i = firstClause;
  while (i < lines.length && syntax.outline(lines[i]!.text) === "clause") {
    const end = next(i + 1, "clause", "end");
    const closing = syntax.outline(lines[end - 1]?.text ?? "") === "clause-end" ? end - 1 : end;
    if (changed(i, end)) {
      const firstSub = Math.min(next(i + 1, "subclause"), closing);
      take(i, firstSub);
      for (let s = firstSub; s < closing;) {
        const subEnd = Math.min(next(s + 1, "subclause"), closing);
        if (changed(s, subEnd)) take(s, subEnd);
        s = subEnd;
      }
      take(closing, end);
    }
    i = end;
  }
  take(i, lines.length);
  return out;
}
