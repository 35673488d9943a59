import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { compile, termsJsonSchema } from "../src/index.js";
import { checkFile, checkText, exampleContracts, examplesDir } from "./examples.js";

const schema = JSON.parse(readFileSync(join(import.meta.dirname, "../schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
const validate = ajv.compile(schema);

const json = (text: string, others?: Record<string, string>, withLocations = false) => {
  const checked = checkText(text, others);
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return JSON.parse(compile(checked, { to: "json", withLocations }));
};

const contract = `
// A comment that must not change the terms.
/// A doc comment that must not change the terms either.
contract "Small Supply Agreement" {
  kind: supply
  effective: 2026-04-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}
party supplier "Supplier Co." {
  role: supplier
  jurisdiction: JP
}
party buyer "Buyer Co." {
  role: buyer
  jurisdiction: CN
}
product part "Part" {
  unit: module
  supplied_by: supplier
}
pricing part_price for part {
  basis: annual_volume
  tier 1 .. 9_999:  USD 182.00
  tier 10_000 ..:   USD 171.5
}
`;

describe("canonical JSON", () => {
  it("validates against the shipped schema for every example, with and without locations", () => {
    for (const example of exampleContracts()) {
      for (const withLocations of [false, true]) {
        const data = JSON.parse(compile(checkFile(example), { to: "json", withLocations }));
        const ok = validate(data);
        expect(validate.errors ?? [], `${example}${withLocations ? " --with-locations" : ""}`).toEqual([]);
        expect(ok).toBe(true);
      }
    }
  });

  it("ships the schema generated from the kind schemas, and it is draft 2020-12", () => {
    expect(schema).toEqual(termsJsonSchema());
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("writes decimals as strings, money in minor units, dates in ISO form and references by name", () => {
    const data = json(contract);
    expect(data.terms.contract.effective).toBe("2026-04-01");
    expect(data.terms.contract.term).toEqual({ amount: "5", unit: "years" });
    expect(data.terms.pricing[0].tier[1]).toEqual({ band: { from: "10000" }, price: { amount: "171.50", currency: "USD" } });
    expect(data.terms.pricing[0].for).toBe("part");
    expect(data.terms.product[0].supplied_by).toBe("supplier");
  });

  it("sorts keys at every level", () => {
    const text = compile(checkText(contract), { to: "json" });
    const keysInOrder = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(keysInOrder);
      else if (value && typeof value === "object") {
        const keys = Object.keys(value);
        expect(keys).toEqual([...keys].sort());
        Object.values(value).forEach(keysInOrder);
      }
    };
    keysInOrder(JSON.parse(text));
  });

  it("has the same hash for files that differ only in layout, comments, field order and grouping digits", () => {
    const relaid = contract
      .replace(/\/\/.*\n/g, "")
      .replace(/\/\/\/.*\n/g, "")
      .replace('  term: 5 years\n  governing_law: "Japan"', '  governing_law:   "Japan"\n\n  term:5 years')
      .replace("tier 1 .. 9_999:  USD 182.00", "tier 1..9999: USD 182")
      .replace(/\n/g, "\n\n");
    expect(relaid).not.toBe(contract);
    expect(json(relaid).hash).toBe(json(contract).hash);
  });

  it("has a different hash when a term changes", () => {
    expect(json(contract.replace("USD 182.00", "USD 182.01")).hash).not.toBe(json(contract).hash);
  });

  it("adds locations only when asked, and they do not change the hash", () => {
    const plain = json(contract);
    const located = json(contract, undefined, true);
    expect(JSON.stringify(plain)).not.toContain("location");
    expect(located.terms.party[0].location).toEqual({ file: "main.contract", line: 11, column: 1 });
    expect(located.terms.pricing[0].tier[0].location).toEqual({ file: "main.contract", line: 25, column: 3 });
    expect(located.hash).toBe(plain.hash);
  });

  it("includes the library declarations the contract uses, not the ones it does not", () => {
    const data = JSON.parse(compile(checkFile(join(examplesDir, "preferred-supplier.contract")), { to: "json" }));
    const events = data.terms.event.map((e: { name: string }) => e.name);
    expect(events).toContain("earthquake");
    expect(events).not.toContain("pandemic_closure");
    expect(data.terms.escalation).toBeUndefined();
  });

  it("writes a party named by role as the party's name", () => {
    const data = JSON.parse(compile(checkFile(join(examplesDir, "licence-tech-transfer.contract")), { to: "json" }));
    const toolchain = data.terms.license.find((l: { name: string }) => l.name === "thermasim");
    expect(toolchain.licensor).toBe("brenner");
    expect(toolchain.licensee).toBe("lanhai");
  });
});
