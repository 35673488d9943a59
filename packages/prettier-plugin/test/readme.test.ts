import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDocument } from "../src/index.js";
import { pluginRoot } from "./support.js";

/** The README's layout examples are pairs of ```contract before / ```contract after blocks; each pair must hold. */
describe("the README's before/after examples", () => {
  const readme = readFileSync(join(pluginRoot, "README.md"), "utf8");
  const pairs = [...readme.matchAll(/```contract before\n([\s\S]*?)```\s*```contract after\n([\s\S]*?)```/g)];

  it("has examples", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(8);
  });

  pairs.forEach(([, before, after], index) => {
    it(`example ${index + 1}`, async () => {
      expect(await formatDocument(before!)).toBe(after);
    });
  });
});
