import type { Member, Row } from "@covenant/core";
import { util, type Doc } from "prettier";

/**
 * Tier tables read as tables: in a run of rows, the colons follow each row's head and the values
 * start in one column. A run is a maximal sequence of consecutive rows of one block that share a row
 * word (`tier`, `royalty`, `step`, ...), each with a `: value`, with no blank line between them in
 * the output. Anything else (a field, a nested block, a row of another word or without a value, a
 * blank line) ends the run. Comments on their own line between rows do not.
 */

/** The row's label (`tier 1 .. 9_999`) width in a run, and the widest label of that run. */
export interface RowAlignment {
  readonly labelWidth: number;
  readonly runWidth: number;
}

/**
 * Groups the members of one block into runs and returns, for each row that belongs to a run, its
 * alignment. `labelWidth(i)` measures the printed label of member i, or returns Infinity when the
 * label cannot be printed on one line (it then stands alone); `blankLineAfter(i)` tells whether a
 * blank line will be printed after member i; `ignored(i)` whether member i is printed as written.
 */
export function alignRows(
  members: readonly Member[],
  labelWidth: (index: number) => number,
  blankLineAfter: (index: number) => boolean,
  ignored: (index: number) => boolean,
): Map<number, RowAlignment> {
  const result = new Map<number, RowAlignment>();
  let run: { index: number; width: number }[] = [];
  let runWord: string | undefined;
  const close = (): void => {
    // A reduce, not Math.max(...run): a run of 150,000 rows would overflow the call stack.
    const runWidth = run.reduce((widest, r) => Math.max(widest, r.width), -Infinity);
    for (const r of run) result.set(r.index, { labelWidth: r.width, runWidth });
    run = [];
    runWord = undefined;
  };
  members.forEach((member, index) => {
    const row = alignable(member) && !ignored(index) ? member : undefined;
    const width = row ? labelWidth(index) : Infinity;
    if (!row || width === Infinity || row.keyword.text !== runWord) {
      if (run.length > 0) close();
    }
    if (row && width !== Infinity) {
      run.push({ index, width });
      runWord = row.keyword.text;
    }
    if (blankLineAfter(index) && run.length > 0) close();
  });
  if (run.length > 0) close();
  return result;
}

function alignable(member: Member): member is Row {
  return member.type === "Row" && member.value !== undefined && member.head !== undefined;
}

/**
 * The width a doc takes when printed on one line, as Prettier's printer measures it; Infinity when it
 * must break (a hard line). Line-suffix content (a trailing `//` comment) prints at the end of the line
 * and takes no width here.
 */
export function flatWidth(doc: Doc): number {
  if (typeof doc === "string") return util.getStringWidth(doc);
  if (Array.isArray(doc)) {
    let sum = 0;
    for (const part of doc) {
      sum += flatWidth(part);
      if (sum === Infinity) break;
    }
    return sum;
  }
  switch (doc.type) {
    case "line":
      return doc.hard ? Infinity : doc.soft ? 0 : 1;
    case "group":
    case "indent":
    case "align":
    case "label":
      return flatWidth(doc.contents);
    case "indent-if-break":
      return flatWidth((doc as unknown as { contents: Doc }).contents);
    case "fill":
      return flatWidth(doc.parts);
    case "if-break":
      return flatWidth(doc.flatContents);
    default:
      return 0;
  }
}
