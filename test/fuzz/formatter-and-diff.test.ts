import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, type CheckedDocument, type SourceFile } from "../../packages/core/dist/index.js";
import { compile } from "../../packages/compiler/dist/index.js";
import { formatDocument } from "../../packages/prettier-plugin/dist/index.js";
import { diffDocuments, isEmptyDiff } from "../../packages/review/dist/index.js";
import { candidateContract, checkText, fuzzParameters, fuzzTimeout, mutatedExample } from "./support.js";

/**
 * The formatter is idempotent and changes layout only: the checked terms (the content hash of the
 * canonical JSON) are the same before and after. A term-level diff of a contract against itself,
 * or against its formatted text, is empty.
 */

const syntaxCodes = new Set(["CV100", "CV101", "CV102", "CV103", "CV104", "CV105"]);

const termsHash = (checked: CheckedDocument): string => (JSON.parse(compile(checked, { to: "json" })) as { hash: string }).hash;
const diff = (a: CheckedDocument, b: CheckedDocument) => diffDocuments(a, b, { old: "a", new: "b" });

/** The syntax tree without what layout may change (ranges, comments, trailing spaces of doc comments). */
function canonicalTree(file: SourceFile): string {
  return JSON.stringify(file, (key, value: unknown) => {
    if (key === "range" || key === "comments") return undefined;
    if (key === "doc" && typeof value === "string")
      return value
        .replace(/\r\n?/g, "\n")
        .split("\n")
        .map((line) => line.trimEnd())
        .join("\n");
    return value;
  });
}

describe("the formatter", () => {
  it("on valid contracts: idempotent, the terms unchanged, the diff against the original empty", { timeout: fuzzTimeout }, async () => {
    await fc.assert(
      fc.asyncProperty(candidateContract, async (text) => {
        const before = checkText(text);
        if (!before.ok) return;
        const formatted = await formatDocument(text);
        expect(await formatDocument(formatted), "a second pass changes nothing").toBe(formatted);
        const after = checkText(formatted);
        expect(after.ok).toBe(true);
        expect(termsHash(after)).toBe(termsHash(before));
        expect(isEmptyDiff(diff(before, after))).toBe(true);
      }),
      fuzzParameters(60),
    );
  });

  it(
    "on mutated examples: refuses text with syntax errors, else idempotent with the same syntax tree",
    { timeout: fuzzTimeout },
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedExample, async (text) => {
          const parsed = parse(text, "/p/main.contract");
          const hasSyntaxErrors = parsed.diagnostics.some((d) => d.severity === "error" && syntaxCodes.has(d.code));
          let formatted: string;
          try {
            formatted = await formatDocument(text);
          } catch (error) {
            expect(hasSyntaxErrors, `formatting failed on text without syntax errors: ${String(error)}`).toBe(true);
            expect(error).toBeInstanceOf(SyntaxError);
            return;
          }
          expect(hasSyntaxErrors, "text with syntax errors was formatted").toBe(false);
          expect(await formatDocument(formatted), "a second pass changes nothing").toBe(formatted);
          expect(canonicalTree(parse(formatted, "/p/main.contract").file)).toBe(canonicalTree(parsed.file));
        }),
        fuzzParameters(200),
      );
    },
  );
});

describe("diff", () => {
  it("of any contract against itself is empty", { timeout: fuzzTimeout }, () => {
    fc.assert(
      fc.property(fc.oneof(candidateContract, mutatedExample), (text) => {
        const checked = checkText(text);
        expect(isEmptyDiff(diff(checked, checked))).toBe(true);
        expect(isEmptyDiff(diff(checked, checkText(text)))).toBe(true);
      }),
      fuzzParameters(200),
    );
  });
});
