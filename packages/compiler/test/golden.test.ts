import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, formats, termsJsonSchema } from "../src/index.js";
import { checkFile, exampleContracts, goldenPath, repo } from "./examples.js";

/**
 * Golden outputs: every example compiled to every format must equal the file checked in beside it,
 * and the package's schema.json must equal the schema generated from the kind schemas.
 * `pnpm golden` (UPDATE_GOLDEN=1) rewrites them; read the diff before committing.
 */
const update = process.env["UPDATE_GOLDEN"] === "1";

function expectFile(path: string, actual: string): void {
  if (update) {
    let old: string | undefined;
    try {
      old = readFileSync(path, "utf8");
    } catch {
      old = undefined;
    }
    if (old !== actual) {
      writeFileSync(path, actual);
      console.log(`updated ${relative(repo, path)}`);
    }
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(path, "utf8");
  } catch {
    throw new Error(`${relative(repo, path)} is missing; run 'pnpm golden' to write it`);
  }
  expect(actual, `${relative(repo, path)} is out of date; run 'pnpm golden' and read the diff`).toBe(expected);
}

describe("golden outputs of the examples", () => {
  const examples = exampleContracts();
  it("finds the examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });
  for (const example of examples) {
    describe(relative(repo, example), () => {
      const checked = checkFile(example);
      for (const format of formats) {
        it(`compiles to ${format} as checked in`, () => {
          expectFile(goldenPath(example, format), compile(checked, { to: format }));
        });
      }
    });
  }
  it("ships the current JSON Schema", () => {
    expectFile(join(import.meta.dirname, "../schema.json"), JSON.stringify(termsJsonSchema(), null, 2) + "\n");
  });
});
