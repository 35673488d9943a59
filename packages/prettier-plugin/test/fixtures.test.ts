import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDocument } from "../src/index.js";
import { canonicalTree, commentTexts, contractFiles, parseClean, readFixtures, repoRoot } from "./support.js";

/**
 * Every formatter fixture (test/fixtures/NAME/{input,output}.contract) and every example and corpus
 * file is checked the same ways: the expected output, a second pass changes nothing, the parsed model
 * is unchanged, and so is the multiset of comments. `UPDATE_FIXTURES=1 npx vitest run packages/prettier-plugin`
 * rewrites the fixtures' output.contract; read their diff before committing.
 */

const update = process.env["UPDATE_FIXTURES"] === "1";

async function checkFormatting(input: string, expected: string | undefined): Promise<string> {
  const formatted = await formatDocument(input);
  if (expected !== undefined) expect(formatted).toBe(expected);
  expect(await formatDocument(formatted), "a second pass changes nothing").toBe(formatted);
  expect(canonicalTree(parseClean(formatted)), "the model is unchanged").toEqual(canonicalTree(parseClean(input)));
  expect(commentTexts(formatted), "every comment survives").toEqual(commentTexts(input));
  return formatted;
}

describe("formatter fixtures", () => {
  const fixtures = readFixtures();

  it("has the fixtures the layout is specified by", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
  });

  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      if (update) {
        const formatted = await formatDocument(fixture.input);
        writeFileSync(join(fixture.dir, "output.contract"), formatted);
        await checkFormatting(fixture.input, formatted);
        return;
      }
      expect(fixture.output, `${fixture.name}/output.contract exists`).toBeDefined();
      await checkFormatting(fixture.input, fixture.output);
    });
  }
});

describe("examples are in the canonical layout", () => {
  // Whatever examples exist: each must already be formatted, so its expected output is itself.
  for (const path of contractFiles("examples")) {
    it(path, async () => {
      const text = readFileSync(join(repoRoot, path), "utf8");
      await checkFormatting(text, text);
    });
  }
});

describe("corpus files keep their model and comments", () => {
  // The corpus holds invalid files too: those must be refused, never rewritten.
  for (const path of contractFiles("test/corpus")) {
    it(path, async () => {
      const text = readFileSync(join(repoRoot, path), "utf8");
      let clean = true;
      try {
        parseClean(text);
      } catch {
        clean = false;
      }
      if (clean) await checkFormatting(text, undefined);
      else await expect(formatDocument(text)).rejects.toThrow(SyntaxError);
    });
  }
});
