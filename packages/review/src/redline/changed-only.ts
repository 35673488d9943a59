import type { OutlineMark } from "./syntax.js";

/** What the changed-clauses view reads of each line (or Word element) of a redline. */
export interface OutlineItem {
  /** Whether the item shows a change. */
  readonly changed: boolean;
  /** Where the item stands in the document's outline, if it starts or ends a part of it. */
  readonly outline: OutlineMark | undefined;
  /** A blank line: kept with the title so the shown text keeps its paragraph breaks. */
  readonly blank: boolean;
}

/**
 * The changed-clauses view of a redline, as one flag per item (true: shown): the document's title
 * (and everything before it: an HTML head), each numbered clause that holds a change with its
 * number and heading, and inside it only the subclauses that changed; unchanged clauses,
 * subclauses and an unchanged preamble are left out. A clause without subclauses is shown whole
 * when it changed; what follows the last clause (the end of an HTML body) is always shown. Items
 * without a title have no outline to select from and are all shown.
 */
export function changedClauses(items: readonly OutlineItem[]): boolean[] {
  const shown = items.map(() => false);
  const show = (from: number, to: number): void => {
    for (let k = from; k < to; k++) shown[k] = true;
  };
  const changed = (from: number, to: number): boolean => items.slice(from, to).some((item) => item.changed);
  /** The first item at or after `from` with one of `marks`, or the end of the items. */
  const next = (from: number, ...marks: OutlineMark[]): number => {
    let k = from;
    while (k < items.length && !marks.includes(items[k]!.outline as OutlineMark)) k++;
    return k;
  };
  const title = next(0, "title");
  if (title === items.length) return items.map(() => true);
  let i = title + 1;
  while (i < items.length && items[i]!.blank) i++;
  show(0, i);
  // The preamble (between the title and the first clause) is shown when it changed.
  const firstClause = next(i, "clause", "end");
  if (changed(i, firstClause)) show(i, firstClause);
  i = firstClause;
  while (i < items.length && items[i]!.outline === "clause") {
    const end = next(i + 1, "clause", "end");
    const closing = items[end - 1]?.outline === "clause-end" ? end - 1 : end;
    if (changed(i, end)) {
      const firstSub = Math.min(next(i + 1, "subclause"), closing);
      show(i, firstSub);
      for (let s = firstSub; s < closing;) {
        const subEnd = Math.min(next(s + 1, "subclause"), closing);
        if (changed(s, subEnd)) show(s, subEnd);
        s = subEnd;
      }
      show(closing, end);
    }
    i = end;
  }
  show(i, items.length);
  return shown;
}
