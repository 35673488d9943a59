import { displayWidth, inertLine } from "./inert.js";
import { longestWord, pad, wrap } from "./wrap.js";

/**
 * Tables drawn in ASCII for plain text, so any PDF pipeline or terminal shows them:
 *
 *   +------+------------------+
 *   | Band | Price per module |
 *   +======+==================+
 *   | 1    |       USD 182.00 |
 *   +------+------------------+
 *
 * Columns take their natural width when the table fits; otherwise cells wrap, no column narrower
 * than its longest word unless even that cannot fit. Widths are display columns, so a row of CJK
 * text lines up with the border; a cell is one inert line (a line break in it cannot split a row).
 */
export function drawTable(
  columns: readonly { readonly title: string; readonly align: "left" | "right" }[],
  rows: readonly (readonly string[])[],
  width: number,
): string[] {
  // Loops, not Math.max(...rows): a table of 150,000 rows would overflow the call stack.
  // Two columns at least, so a wide (CJK) character always fits in a column.
  const natural = columns.map(() => 2);
  const minimum = columns.map(() => 2);
  const measure = (row: readonly string[]): void => {
    columns.forEach((_, i) => {
      const cell = row[i] ?? "";
      natural[i] = Math.max(natural[i]!, displayWidth(inertLine(cell)));
      minimum[i] = Math.max(minimum[i]!, longestWord(cell));
    });
  };
  measure(columns.map((c) => c.title));
  for (const row of rows) measure(row);
  const available = Math.max(2 * columns.length, width - (3 * columns.length + 1));
  const widths = fit(natural, minimum, available);

  const rule = (fill: string): string => `+${widths.map((w) => fill.repeat(w + 2)).join("+")}+`;
  const line = (cells: readonly string[], header: boolean): string[] => {
    const wrapped = columns.map((_, i) => wrap(cells[i] ?? "", widths[i]!));
    const height = wrapped.reduce((most, w) => Math.max(most, w.length), 1);
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      const parts = wrapped.map((w, i) => {
        const text = w[k] ?? "";
        return pad(text, widths[i]!, columns[i]!.align === "right" && !header ? "right" : "left");
      });
      out.push(`| ${parts.join(" | ")} |`);
    }
    return out;
  };
  const out = [
    rule("-"),
    ...line(
      columns.map((c) => c.title),
      true,
    ),
    rule("="),
  ];
  for (const row of rows) {
    for (const part of line(row, false)) out.push(part);
    out.push(rule("-"));
  }
  return out;
}

/**
 * Column widths: natural if they fit. Otherwise every column gets its longest word, and the space
 * left goes to the narrowest columns first, up to their natural width: short columns (dates,
 * amounts, parties) stay on one line and the widest, which holds running text, wraps.
 */
function fit(natural: readonly number[], minimum: readonly number[], available: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return [...natural];
  const floor = minimum.reduce((a, b) => a + b, 0);
  if (floor >= available) {
    // Not even the longest words fit: share the space equally and let wrap cut words.
    const share = Math.max(2, Math.floor(available / natural.length));
    return natural.map((n) => Math.min(n, share));
  }
  const widths = [...minimum];
  let spare = available - floor;
  const narrowestFirst = natural.map((n, i) => ({ n, i })).sort((a, b) => a.n - b.n || a.i - b.i);
  for (const { n, i } of narrowestFirst) {
    const give = Math.min(n - widths[i]!, spare);
    widths[i] = widths[i]! + give;
    spare -= give;
  }
  return widths;
}
