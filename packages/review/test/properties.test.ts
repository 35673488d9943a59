import fc from "fast-check";
import { formatDocument } from "prettier-plugin-covenant";
import { describe, expect, it } from "vitest";
import { Decimal, type CheckedDocument } from "@covenant/core";
import { diffDocuments, evaluate, readFactsFor, type TermDiff } from "../src/index.js";
// @ts-expect-error: the generator is a plain ES module
import { generateContract } from "../../../test/tools/generate-contract.mjs";
import { checkText, example, exampleNames } from "./documents.js";

const seed = 20261124;
const texts: Record<string, string> = Object.fromEntries(exampleNames.map((name) => [name, example(name)]));
const generated = (generateContract as (o: { lines: number; seed: number }) => string)({ lines: 600, seed: 7 });

/** The `i`th period of a KPI, written as its period is (`2027-01` monthly, `2027-Q1` quarterly, one a year apart). */
const periodLabel = (kpi: { fields: ReadonlyMap<string, { kind: string; value?: unknown }> }, i: number): string => {
  const period = kpi.fields.get("period");
  const year = 2026 + i;
  switch (period?.kind === "enum" ? period.value : "monthly") {
    case "weekly":
      return `${year}-W01`;
    case "quarterly":
      return `${year}-Q1`;
    case "semi_annually":
      return `${year}-H1`;
    case "annually":
      return `${year}`;
    default:
      return `${year}-01`;
  }
};
const all = { ...texts, generated };

const diff = (a: CheckedDocument, b: CheckedDocument): TermDiff => diffDocuments(a, b, { old: "a", new: "b" });

/** What a diff reports, as a set that diff(b, a) must mirror: statuses and paths with old and new swapped. */
function reported(d: TermDiff, swap: boolean): string[] {
  const flip = (s: string): string => (!swap ? s : s === "added" ? "removed" : s === "removed" ? "added" : s);
  return d.declarations
    .flatMap((x) => {
      const [from, to] = swap ? [x.name, x.oldName ?? x.name] : [x.oldName ?? x.name, x.name];
      const head = `${flip(x.status)} ${x.kind} ${from}>${to}`;
      return [
        head,
        ...x.changes.map((c) => {
          const [p, q] = swap ? [c.path, c.oldPath ?? c.path] : [c.oldPath ?? c.path, c.path];
          return `${head} | ${flip(c.change)} ${p}>${q}`;
        }),
      ];
    })
    .sort();
}

/** Layout-only edits: re-indent lines, add comments at line ends, add blank lines. */
function relayout(text: string, choices: readonly number[]): string {
  return text
    .split("\n")
    .map((line, i) => {
      const choice = choices[i % choices.length]!;
      if (choice === 1) return `    ${line.trimStart()}`;
      if (choice === 2 && line.trim() !== "") return `${line}   // reviewer: ok`;
      if (choice === 3) return `${line}\n\n`;
      if (choice === 4) return `\t${line}`;
      return line;
    })
    .join("\n");
}

/** Term edits: numbers changed, a declaration renamed, a declaration dropped. */
function mutate(text: string, edits: { numbers: readonly number[]; rename: boolean; drop: number }): string {
  let n = 0;
  let out = text.replace(/(?<![\w.-])(\d[\d_]*)(?=\s*(%|\n| [A-Za-z]|:))/g, (m) => {
    const edit = edits.numbers[n++ % edits.numbers.length]!;
    return edit === 0 ? m : String(Number(m.replace(/_/g, "")) + edit);
  });
  const names = [...out.matchAll(/^(kpi|event|milestone|obligation|escalation) (\w+)/gm)].map((m) => m[2]!);
  if (edits.rename && names[0]) out = out.replace(new RegExp(`\\b${names[0]}\\b`, "g"), `${names[0]}_renamed`);
  const blocks = out.split(/\n(?=\w)/);
  if (edits.drop > 0 && blocks.length > 3) blocks.splice(1 + (edits.drop % (blocks.length - 1)), 1);
  return blocks.join("\n");
}

describe("diff properties", () => {
  it("diff(x, x) is empty", () => {
    for (const [name, text] of Object.entries(all)) expect(diff(checkText(text), checkText(text)).declarations, name).toEqual([]);
  });

  it("diff(x, fmt(x)) is empty with the formatter", async () => {
    for (const [name, text] of Object.entries(all)) {
      const formatted = await formatDocument(text);
      expect(diff(checkText(text), checkText(formatted)).declarations, name).toEqual([]);
    }
  });

  it("diff(x, relayout(x)) is empty for generated layout-only edits", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(all)),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 40 }),
        (name, choices) => {
          const text = all[name]!;
          expect(diff(checkText(text), checkText(relayout(text, choices))).declarations).toEqual([]);
        },
      ),
      { seed, numRuns: 40 },
    );
  });

  it("diff is symmetric: diff(b, a) reports the same terms with old and new swapped", () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...exampleNames),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.nat(20),
        (name, numbers, rename, drop) => {
          const a = checkText(texts[name]!);
          const b = checkText(mutate(texts[name]!, { numbers, rename, drop }));
          const forward = reported(diff(a, b), false);
          if (forward.length > 0) nonEmpty++;
          expect(reported(diff(b, a), true)).toEqual(forward);
        },
      ),
      { seed, numRuns: 60 },
    );
    // The edits must change terms for the property to say anything.
    expect(nonEmpty).toBeGreaterThan(45);
  });
});

describe("eval properties", () => {
  const decimalText = fc
    .tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 0, max: 6 }))
    .map(([units, places]) => new Decimal(units).div(new Decimal(10).pow(places)).toFixed());

  it("never produces a price outside the floor–ceiling band", () => {
    for (const name of ["supply-agreement", "preferred-supplier"] as const) {
      const document = checkText(texts[name]!);
      const products = document.declarations.filter((d) => d.kind === "pricing").map((d) => d.subject!.name);
      const indices = document.declarations.flatMap((d) => d.blocks.filter((b) => b.kind === "index").map((b) => b.name!));
      fc.assert(
        fc.property(
          fc.array(decimalText, { minLength: indices.length, maxLength: indices.length }),
          fc.integer({ min: 1, max: 2_000_000 }),
          (moves, volume) => {
            const facts = JSON.stringify({
              volumes: Object.fromEntries(products.map((p) => [p, volume])),
              indices: Object.fromEntries(indices.map((i, k) => [i, moves[k]])),
            });
            const read = readFactsFor(document, facts);
            if (!("facts" in read)) throw new Error(JSON.stringify(read.problems));
            for (const price of evaluate(document, read.facts).prices) {
              if (!price.indexedPrice || !price.priceBand) continue;
              if (price.priceBand.low) expect(price.indexedPrice.amount.gte(price.priceBand.low.amount)).toBe(true);
              if (price.priceBand.high) expect(price.indexedPrice.amount.lte(price.priceBand.high.amount)).toBe(true);
            }
          },
        ),
        { seed, numRuns: 60 },
      );
    }
  });

  it("never produces a KPI penalty above its cap", () => {
    for (const name of ["supply-agreement", "preferred-supplier", "joint-development"] as const) {
      const document = checkText(texts[name]!);
      const kpis = document.declarations.filter((d) => d.kind === "kpi");
      fc.assert(
        fc.property(
          fc.array(fc.tuple(decimalText, fc.integer({ min: 0, max: 500_000_000 })), { minLength: 1, maxLength: 6 }),
          (measurements) => {
            const facts = JSON.stringify({
              kpis: Object.fromEntries(
                kpis.map((k) => [
                  k.name!,
                  measurements.map(([value, invoice], i) => ({ period: periodLabel(k, i), value: value.replace("-", ""), invoice })),
                ]),
              ),
            });
            const read = readFactsFor(document, facts);
            if (!("facts" in read)) throw new Error(JSON.stringify(read.problems));
            for (const kpi of evaluate(document, read.facts).kpis) {
              for (const period of kpi.periods) {
                if (period.penalty && period.cap) expect(period.penalty.amount.lte(period.cap.amount)).toBe(true);
                if (period.penalty) expect(period.penalty.amount.isNegative()).toBe(false);
              }
            }
          },
        ),
        { seed, numRuns: 60 },
      );
    }
  });
});
