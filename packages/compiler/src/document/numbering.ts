import type { Block, Clause, Document, Inline, ListItem } from "./model.js";

/**
 * Numbers a document the way contracts are numbered — clauses 1, 2, ...; sub-clauses 1.1, 1.2;
 * items (a), (b) and inside them (i), (ii) — and resolves every cross-reference to the number of
 * the clause it targets. A reference to a clause the document does not have is a bug in a clause
 * builder, not bad input, so it throws.
 */
export function numberDocument(document: Document): Document {
  const numbers = new Map<string, string>();
  const assign = (clauses: readonly Clause[], prefix: string): void => {
    clauses.forEach((c, i) => {
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      if (numbers.has(c.id)) throw new Error(`two clauses have the id '${c.id}'`);
      numbers.set(c.id, number);
      assign(c.clauses, number);
    });
  };
  assign(document.clauses, "");

  const inline = (run: Inline): Inline => {
    if (run.kind !== "ref") return run;
    const number = numbers.get(run.target);
    if (number === undefined) throw new Error(`a cross-reference targets '${run.target}', which is not a clause of the document`);
    return { ...run, number };
  };
  // Most runs hold no reference; they are kept as they are rather than copied.
  const resolve = (list: readonly Inline[]): readonly Inline[] => (list.some((run) => run.kind === "ref") ? list.map(inline) : list);
  const items = (list: readonly ListItem[], depth: number): ListItem[] =>
    list.map((item, i) => ({ label: `(${itemLabel(i, depth)})`, runs: resolve(item.runs), items: items(item.items, depth + 1) }));
  const block = (b: Block): Block => {
    switch (b.kind) {
      case "paragraph":
        return { kind: "paragraph", runs: resolve(b.runs) };
      case "list":
        return { kind: "list", items: items(b.items, 0) };
      case "table":
        return { kind: "table", columns: b.columns, rows: b.rows.map((row) => row.map(resolve)) };
    }
  };
  const clause = (c: Clause): Clause => ({ ...c, number: numbers.get(c.id)!, blocks: c.blocks.map(block), clauses: c.clauses.map(clause) });
  return {
    ...document,
    preamble: document.preamble.map(block),
    clauses: document.clauses.map(clause),
    signatures: document.signatures && { ...document.signatures, intro: document.signatures.intro.map(inline) },
  };
}

/** a, b, ... z, aa, ab, ... at even depths; i, ii, iii, ... at odd depths. */
function itemLabel(index: number, depth: number): string {
  if (depth % 2 === 1) return roman(index + 1);
  let n = index;
  let label = "";
  do {
    label = String.fromCharCode(97 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

function roman(n: number): string {
  const numerals: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let rest = n;
  let out = "";
  for (const [value, numeral] of numerals) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}
