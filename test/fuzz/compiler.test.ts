import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFormats, formats } from "../../packages/compiler/dist/index.js";
import { candidateContract, checkText, fuzzParameters, fuzzTimeout, repo } from "./support.js";

/**
 * The compiler on every valid generated contract: it never throws, renders every format, and its
 * JSON validates against the published schema (packages/compiler/schema.json).
 */

// The compiler's own validator dependency: the schema is checked as its tests check it.
const Ajv2020 = createRequire(join(repo, "packages/compiler/package.json"))("ajv/dist/2020.js") as new (options: object) => {
  addFormat(name: string, format: RegExp): void;
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown };
};
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
const validate = ajv.compile(JSON.parse(readFileSync(join(repo, "packages/compiler/schema.json"), "utf8")));

describe("the compiler on valid contracts", () => {
  it("never throws, and its JSON validates against the schema", { timeout: fuzzTimeout }, () => {
    let valid = 0;
    let cases = 0;
    fc.assert(
      fc.property(candidateContract, fc.boolean(), fc.integer({ min: 30, max: 120 }), (text, withLocations, width) => {
        cases++;
        const checked = checkText(text);
        if (!checked.ok) return;
        valid++;
        const outputs = compileFormats(checked, formats, { withLocations, width });
        for (const format of formats) expect(outputs.get(format)!.length, format).toBeGreaterThan(0);
        const json = JSON.parse(outputs.get("json")!) as unknown;
        if (!validate(json)) expect.fail(`JSON does not validate: ${JSON.stringify(validate.errors)}`);
      }),
      fuzzParameters(80),
    );
    // Most candidates are valid; if they were not, this property would prove nothing.
    expect(valid).toBeGreaterThan(cases / 2);
  });
});
