import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Workspace, memoryHost, parse, type Diagnostic } from "../src/index.js";

const repo = join(import.meta.dirname, "../../..");

function contractFiles(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(contractFiles(path));
    else if (name.endsWith(".contract")) out.push(path);
  }
  return out;
}

const examples = contractFiles(join(repo, "examples")).map((path) => readFileSync(path, "utf8"));

/** Every range lies inside the text and is ordered; line/column agree with the offset. */
function assertValidRanges(text: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const { start, end } = d.range;
    expect(start.offset).toBeGreaterThanOrEqual(0);
    expect(end.offset).toBeGreaterThanOrEqual(start.offset);
    expect(end.offset).toBeLessThanOrEqual(text.length);
    expect(start.line).toBeGreaterThanOrEqual(1);
    expect(start.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

function checkText(text: string): readonly Diagnostic[] {
  const workspace = new Workspace(
    memoryHost({ "/p/main.contract": text, "/p/lib.contract": 'event e "E" { unit: hours evidence: "x" }' }),
    { root: "/p" },
  );
  return workspace.check("/p/main.contract").diagnostics;
}

/** Characters and fragments that exercise the lexer and the parser's recovery. */
const fragment = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
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
    '"',
    "/*",
    "*/",
    "//",
    "///",
    "\n",
    "\r\n",
    "\t",
    "\u0000",
    "\ufeff",
    "%",
    "-",
    "_",
  ),
  fc.constantFrom(
    "party",
    "contract",
    "tier",
    "step",
    "trigger",
    "royalty",
    "import",
    "and",
    "or",
    "not",
    "for",
    "pricing",
    "kpi",
    "USD",
    "1_000",
    "12.50",
    "35%",
    "2026-04-01",
    "2026-02-30",
    "supplier",
  ),
);

describe("the parser and checker never throw and always terminate", () => {
  it("on arbitrary text", () => {
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(" ")),
        (text) => {
          const result = parse(text, "/p/main.contract");
          assertValidRanges(text, result.diagnostics);
          assertValidRanges(
            text,
            checkText(text).filter((d) => d.uri === "/p/main.contract"),
          );
        },
      ),
      { seed: 20261124, numRuns: 400 },
    );
  });

  it("on random mutations of the examples", () => {
    expect(examples.length).toBeGreaterThan(0);
    const mutation = fc.record({
      example: fc.nat({ max: Math.max(0, examples.length - 1) }),
      edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 20 }), insert: fragment }), {
        minLength: 1,
        maxLength: 6,
      }),
    });
    fc.assert(
      fc.property(mutation, ({ example, edits }) => {
        let text = examples[example]!;
        for (const edit of edits) {
          const at = Math.floor(edit.at * text.length);
          text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
        }
        assertValidRanges(
          text,
          checkText(text).filter((d) => d.uri === "/p/main.contract"),
        );
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });

  it("keeps later declarations after a broken one", () => {
    const text = 'party a "A" { role: supplier jurisdiction: JP\n\nparty b "B" {\n  role: buyer\n  jurisdiction: CN\n}\n';
    const { file, diagnostics } = parse(text, "/x.contract");
    expect(diagnostics.some((d) => d.code === "CV100")).toBe(true);
    expect(file.declarations.map((d) => d.name?.text)).toContain("b");
  });

  it("handles 5 MB of nested braces without a stack overflow", () => {
    const text = "{".repeat(5 * 1024 * 1024);
    const { diagnostics } = parse(text, "/x.contract");
    expect(diagnostics.map((d) => d.code)).toContain("CV104");
  });
});
