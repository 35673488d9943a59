import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "@covenant/core";
import { IncrementalParser, reparse } from "../src/reparse.js";
// @ts-expect-error: a plain ES module without types
import { generateContract } from "../../../test/tools/generate-contract.mjs";

const examples = join(__dirname, "../../../examples");
const sources: string[] = [
  ...readdirSync(examples)
    .filter((f) => f.endsWith(".contract"))
    .map((f) => readFileSync(join(examples, f), "utf8")),
  readFileSync(join(examples, "library/standard-terms.contract"), "utf8"),
  (generateContract as (o: { lines: number; seed: number }) => string)({ lines: 600, seed: 3 }),
];

/** Snippets an editor session types, including ones that break the structure. */
const snippets = [
  "}",
  "{",
  "\n",
  " ",
  'party x "X" {\n',
  "  role: supplier\n",
  "// c\n",
  "/// doc\n",
  "/*",
  "*/",
  '"',
  "tier 1 .. 2: USD 1\n",
  "party",
  'kpi k "K" { measure: percent }\n',
  'import "a.contract"\n',
  "\r\n",
  "[",
  "]",
  "x:",
  "\t",
];

const edit = fc.record({
  source: fc.nat(sources.length - 1),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat(40),
  insert: fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 6 })),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("incremental parsing", () => {
  it("gives exactly the tree and diagnostics of a full parse, edit after edit", () => {
    let reused = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = sources[edits[0]!.source]!;
        let previous = parse(text, "/p/a.contract");
        for (const e of edits) {
          const next = apply(text, e);
          const incremental = reparse(text, previous, next, "/p/a.contract");
          const full = parse(next, "/p/a.contract");
          total++;
          if (incremental) {
            reused++;
            expect(plain(incremental.file)).toEqual(plain(full.file));
            expect(plain(incremental.diagnostics)).toEqual(plain(full.diagnostics));
          }
          text = next;
          previous = incremental ?? full;
        }
      }),
      { seed: Number(process.env.REPARSE_SEED ?? 20260401), numRuns: Number(process.env.REPARSE_RUNS ?? 120) },
    );
    // Most single edits land inside one item and are re-parsed incrementally.
    expect(reused / total).toBeGreaterThan(0.5);
  });

  it("re-parses one item of a large file when a word inside it changes", () => {
    const text = sources[sources.length - 1]!;
    const parser = new IncrementalParser();
    parser.parse(text, "/p/big.contract");
    const at = text.indexOf("target: >= ");
    const next = text.slice(0, at) + "target: >= 97%" + text.slice(at + "target: >= 96%".length);
    const result = parser.parse(next, "/p/big.contract");
    expect(parser.reused).toBe(1);
    expect(plain(result.file)).toEqual(plain(parse(next, "/p/big.contract").file));
  });
});
