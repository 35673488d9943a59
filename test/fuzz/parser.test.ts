import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../packages/core/dist/index.js";
import { parseInBlocks } from "../../packages/core/dist/syntax/parser.js";
import { arbitraryText, checkText, examples, expectValidRanges, fragment, fuzzParameters, fuzzTimeout, mutatedExample } from "./support.js";

/**
 * The parser and checker on hostile text: they never throw, always terminate (the test timeout
 * guards), and every diagnostic has a valid range in the text it speaks of.
 */

function parseAndCheck(text: string): void {
  expectValidRanges(text, parse(text, "/p/main.contract").diagnostics);
  expectValidRanges(
    text,
    checkText(text).diagnostics.filter((d) => d.uri === "/p/main.contract"),
  );
}

describe("the parser and checker never throw and report valid ranges", () => {
  it("on arbitrary text", { timeout: fuzzTimeout }, () => {
    fc.assert(fc.property(arbitraryText, parseAndCheck), fuzzParameters(1_500));
  });

  it("on arbitrary Unicode, control characters and lone surrogates", { timeout: fuzzTimeout }, () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: "binary" }), parseAndCheck), fuzzParameters(500));
  });

  it("on mutated examples", { timeout: fuzzTimeout }, () => {
    fc.assert(fc.property(mutatedExample, parseAndCheck), fuzzParameters(500));
  });
});

/**
 * Large files are lexed in blocks (packages/core/src/syntax/blocks.ts). The block length must not
 * change the result: splitting at every line where it may gives the same tree and diagnostics as
 * lexing the whole text at once.
 */
describe("parsing in blocks equals parsing the whole text", () => {
  const canonical = (text: string, minimumBlock: number): string => {
    const { file, diagnostics } = parseInBlocks(text, "/p/main.contract", minimumBlock);
    return JSON.stringify({ file, diagnostics: diagnostics.map((d) => JSON.stringify(d)).sort() });
  };
  const documents = fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...Object.values(examples)) },
        { weight: 1, arbitrary: mutatedExample },
        { weight: 1, arbitrary: fragment },
      ),
      {
        minLength: 1,
        maxLength: 4,
      },
    )
    .map((parts) => parts.join("\n"));

  it("for examples, mutations and fragments joined into one file", { timeout: fuzzTimeout }, () => {
    fc.assert(
      fc.property(documents, fc.integer({ min: 1, max: 4_000 }), (text, minimumBlock) => {
        expect(canonical(text, minimumBlock)).toBe(canonical(text, Infinity));
      }),
      fuzzParameters(300),
    );
  });
});
