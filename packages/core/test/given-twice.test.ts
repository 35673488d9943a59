import { describe, expect, it } from "vitest";
import { Workspace, kindSchemas, memoryHost, type CheckedDocument, type KindSchema } from "../src/index.js";

/**
 * Anything the schema allows once, given twice (CV302): every field that does not repeat, every
 * nested block that does not repeat, and the items of lists that name things. The diagnostic is on
 * the second, related to the first, and the model keeps the first, so every reader agrees.
 */

function check(text: string): CheckedDocument {
  return new Workspace(memoryHost({ "/p/main.contract": text }), { root: "/p" }).check("/p/main.contract");
}

function header(word: string, schema: KindSchema): string {
  return `${word}${schema.name !== "forbidden" ? " x" : ""}${schema.title !== "forbidden" ? ' "X"' : ""}${schema.subject ? " for p" : ""}`;
}

describe("given twice", () => {
  const fieldCases = Object.entries(kindSchemas).flatMap(([word, schema]) =>
    Object.entries(schema.fields)
      .filter(([, spec]) => !spec.repeatable)
      .map(([name]) => [`${word}.${name}`, word, schema, name] as const),
  );

  it.each(fieldCases)("%s: a second one is CV302, related to the first", (_, word, schema, name) => {
    const text = `${header(word, schema)} {\n  ${name}: "first"\n  ${name}: "second"\n}\n`;
    const found = check(text).diagnostics.filter((d) => d.code === "CV302");
    expect(found).toHaveLength(1);
    expect(found[0]!.range.start.line).toBe(3);
    expect(found[0]!.related![0]!.range.start.line).toBe(2);
  });

  const blockCases = Object.entries(kindSchemas).flatMap(([word, schema]) =>
    Object.entries(schema.blocks ?? {}).map(([blockWord, block]) => [`${word}.${blockWord}`, word, schema, blockWord, block] as const),
  );

  it.each(blockCases)("%s block: twice is CV302 unless the block may repeat", (_, word, schema, blockWord, block) => {
    const text = `${header(word, schema)} {\n  ${header(blockWord, block)} {\n  }\n  ${header(blockWord, block).replace(" x", " y")} {\n  }\n}\n`;
    const found = check(text).diagnostics.filter((d) => d.code === "CV302");
    if (block.repeatable) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(`A ${word} has one '${blockWord}' block; this is a second one: remove one of them`);
    expect(found[0]!.range.start.line).toBe(4);
    expect(found[0]!.related![0]!.range.start.line).toBe(2);
    expect(found[0]!.fixes![0]!.title).toBe(`Remove this '${blockWord}' block`);
  });

  it("keeps the first bonus in the model, the one the prose, eval and JSON all read", () => {
    const text = 'kpi k "K" {\n  bonus {\n    rate: 0.25% of invoice\n  }\n  bonus {\n    rate: 1% of invoice\n  }\n}\n';
    const kpi = check(text).declarations[0]!;
    expect(kpi.blocks).toHaveLength(1);
    expect(kpi.blocks[0]!.fields.get("rate")).toMatchObject({ kind: "share", written: "0.25%" });
  });

  it.each([
    ["territory", 'license x "X" {\n  territory: [JP, CN, JP]\n}\n', "'JP' is already given in 'territory'"],
    ["recall_costs", "warranty x {\n  recall_costs: [supplier 70%, supplier 30%]\n}\n", "'supplier' is already given in 'recall_costs'"],
    [
      "members",
      'governance {\n  committee c "C" {\n    members: [supplier, buyer, buyer]\n  }\n}\n',
      "'buyer' is already given in 'members'",
    ],
    [
      "deposit",
      'license x "X" {\n  escrow {\n    deposit: [source_code, documentation, source_code]\n  }\n}\n',
      "'source_code' is already given in 'deposit'",
    ],
    ["decides", 'governance {\n  committee c "C" {\n    decides: ["budget", "budget"]\n  }\n}\n', "'budget' is already given in 'decides'"],
  ])("a list naming one thing twice (%s) is CV302 on the second, related to the first", (_, text, message) => {
    const found = check(text).diagnostics.filter((d) => d.code === "CV302");
    expect(found.map((d) => d.message)).toEqual([`${message}; name it once`]);
    const [second] = found;
    const name = message.split("'")[1]!;
    const needle = text.includes(`"${name}"`) ? `"${name}"` : name;
    const first = text.indexOf(needle);
    expect(second!.related![0]!.range.start.offset).toBe(first);
    expect(second!.range.start.offset).toBe(text.indexOf(needle, first + 1));
  });
});
