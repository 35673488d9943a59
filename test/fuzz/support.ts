import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect } from "vitest";
import { Workspace, memoryHost, topLevelKinds, type CheckedDocument, type Diagnostic } from "../../packages/core/dist/index.js";
import { generateContract } from "../tools/generate-contract.mjs";

/**
 * What the fuzz properties share. They test the built packages (`dist/`), as the CLI and the server
 * run them. `FUZZ_RUNS` sets the cases of every property (`pnpm fuzz`: 100,000); without it each
 * property runs its own short count, a few thousand cases in all, within `pnpm test`. `FUZZ_SEED`
 * fixes the seed (default below), so a failure is reproduced by the same command.
 */

const requested = process.env["FUZZ_RUNS"] ? Number(process.env["FUZZ_RUNS"]) : undefined;

/** The cases for one property: FUZZ_RUNS when given, else the property's short count. */
export function runs(short: number): number {
  return requested ?? short;
}

export const fuzzSeed = Number(process.env["FUZZ_SEED"] ?? 20261124);

/** fast-check parameters for a property with `short` cases in the short run. */
export function fuzzParameters(short: number): { seed: number; numRuns: number; endOnFailure: true } {
  return { seed: fuzzSeed, numRuns: runs(short), endOnFailure: true };
}

/** A long run has no test timeout; the short run keeps vitest's. */
export const fuzzTimeout = requested === undefined ? 60_000 : 0;

export const repo = join(import.meta.dirname, "../..");

/** The project the examples are checked in: every example at /p, the clause library at /p/library. */
export const root = "/p";
export const libraryPath = "/p/library/standard-terms.contract";
export const library = readFileSync(join(repo, "examples/library/standard-terms.contract"), "utf8");

/** The example contracts by file name, and a generated one: realistic, valid starting points. */
export const examples: Readonly<Record<string, string>> = Object.fromEntries([
  ...readdirSync(join(repo, "examples"))
    .filter((name) => name.endsWith(".contract"))
    .sort()
    .map((name) => [name, readFileSync(join(repo, "examples", name), "utf8")]),
  ["generated.contract", generateContract({ lines: 400, seed: 11 })],
]);
export const exampleNames = Object.keys(examples);

/** Checks `text` as /p/main.contract next to the clause library. */
export function checkText(text: string): CheckedDocument {
  const workspace = new Workspace(memoryHost({ [`${root}/main.contract`]: text, [libraryPath]: library }), { root });
  return workspace.check(`${root}/main.contract`);
}

/** Every range lies inside its text and is ordered; line and column agree with the offset; a message says something. */
export function expectValidRanges(text: string, diagnostics: readonly Diagnostic[]): void {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  for (const d of diagnostics) {
    expect(d.message.length, `${d.code} has a message`).toBeGreaterThan(0);
    for (const position of [d.range.start, d.range.end]) {
      expect(position.offset).toBeGreaterThanOrEqual(0);
      expect(position.offset).toBeLessThanOrEqual(text.length);
      expect(position.line).toBeGreaterThanOrEqual(1);
      expect(position.line).toBeLessThanOrEqual(lineStarts.length);
      expect(position.column).toBeGreaterThanOrEqual(1);
    }
    expect(d.range.end.offset).toBeGreaterThanOrEqual(d.range.start.offset);
    // A byte-order mark is not a column: line 1 may start one character later.
    const start = d.range.start;
    const lineStart = lineStarts[start.line - 1]! + (start.line === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
    if (start.offset >= lineStart) expect(start.offset - lineStart + 1, `${d.code} column agrees with offset`).toBe(start.column);
  }
}

/** Characters and fragments that exercise the lexer, the parser's recovery and the checker. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.string({ maxLength: 8, unit: "binary" }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "{",
      "}",
      "[",
      "]",
      "(",
      ")",
      ":",
      ",",
      "..",
      ">=",
      "<=",
      ">",
      "=",
      '"',
      "\\",
      "/*",
      "*/",
      "//",
      "///",
      "\n",
      "\r\n",
      "\r",
      "\t",
      " ",
      "\u0000",
      "\ufeff",
      "\ufffd",
      "\u201c",
      "\u201d",
      "\u2028",
      "%",
      "-",
      "_",
      "é",
      "😀",
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ...topLevelKinds,
      "tier",
      "step",
      "trigger",
      "royalty",
      "cause",
      "convenience",
      "import",
      "and",
      "or",
      "not",
      "for",
      "of",
      "USD",
      "JPY",
      "EUR",
      "1_000",
      "12.50",
      "35%",
      "-5%",
      "2026-04-01",
      "2026-02-30",
      "supplier",
      "buyer",
      "days",
      "months",
      "per",
      "weight",
      "floor",
      "ceiling",
      '"library/standard-terms.contract"',
      '"../outside.contract"',
      "breach",
      "insolvency",
      "lasting",
      "worldwide",
    ),
  },
);

/** Arbitrary text built from fragments, up to a few hundred characters. */
export const arbitraryText: fc.Arbitrary<string> = fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join(""));

/** Up to six edits (remove some characters, insert a fragment) at random places of an example. */
export const mutatedExample: fc.Arbitrary<string> = fc
  .record({
    name: fc.constantFrom(...exampleNames),
    edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: fragment }), {
      minLength: 1,
      maxLength: 6,
    }),
  })
  .map(({ name, edits }) => {
    let text = examples[name]!;
    for (const edit of edits) {
      const at = Math.floor(edit.at * text.length);
      text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
    }
    return text;
  });

/** Layout-only edits of a valid text: lines re-indented, comments at line ends, blank lines added. */
export function relayout(text: string, choices: readonly number[]): string {
  return text
    .split("\n")
    .map((line, i) => {
      const choice = choices[i % choices.length]!;
      if (choice === 1) return `    ${line.trimStart()}`;
      if (choice === 2 && line.trim() !== "" && !line.includes("//") && !line.includes("/*") && !line.includes("*/"))
        return `${line}   // reviewer: ok`;
      if (choice === 3) return `${line}\n\n`;
      if (choice === 4) return `\t${line}`;
      return line;
    })
    .join("\n");
}

/**
 * Valid contracts: generated ones of random size and seed, and the examples with their numbers
 * changed and their layout shuffled. Not every such text checks clean (a changed tier bound may
 * open a gap); properties about valid contracts skip those and count the rest.
 */
export const candidateContract: fc.Arbitrary<string> = fc.oneof(
  fc.record({ lines: fc.integer({ min: 40, max: 600 }), seed: fc.nat() }).map(({ lines, seed }) => generateContract({ lines, seed })),
  fc
    .record({
      name: fc.constantFrom(...exampleNames),
      numbers: fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: -2, max: 3 }) }), {
        minLength: 1,
        maxLength: 12,
      }),
      layout: fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 9 }),
    })
    .map(({ name, numbers, layout }) => {
      let n = 0;
      // Amounts, percentages and durations; not tier bounds, whose bands must still meet.
      const renumbered = examples[name]!.replace(/(?<![\w.-])(\d[\d_]*)(?=\s*(%|\n| [A-Za-z]))/g, (m) => {
        const change = numbers[n++ % numbers.length]!;
        return change === 0 ? m : String(Math.max(1, Number(m.replace(/_/g, "")) + change));
      });
      return relayout(renumbered, layout);
    }),
);
