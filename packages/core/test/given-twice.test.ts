import { describe, expect, it } from "vitest";
import { Workspace, kindSchemas, memoryHost, type CheckedDocument, type EntryKey, type KindSchema } from "../src/index.js";

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

/**
 * The entries of a repeatable field or row (termination `cause:` and `convenience:`, force-majeure
 * `trigger` rows) are keyed by what they are about (the schema's `unique`): a second entry about the
 * same party or ground is CV302, one about another is not. A table over every repeatable field and row.
 */
describe("repeatable entries about the same thing", () => {
  const samePairs: Readonly<Record<EntryKey, readonly (readonly [string, string])[]>> = {
    party: [
      ["buyer with notice 180 days", "buyer with notice 30 days paying USD 1_000"],
      ["supplier with notice 90 days", "supplier with notice 90 days"],
      ["buyer with notice 180 days", "im_motors with notice 30 days"],
    ],
    condition: [
      ["breach of defects for 3 consecutive periods", "breach of defects for 6 consecutive periods"],
      ["insolvency of supplier", "insolvency of supplier"],
      ["change_of_control of buyer", "change_of_control of buyer"],
      ["fm lasting 180 days", "fm lasting 90 days"],
      ["missed sop", "missed sop"],
      ["port_closure >= 72 hours", "port_closure > 48 hours"],
      ["port_closure <= 1 hours", "port_closure < 2 hours"],
      ["port_closure >= 1 hours and insolvency of supplier", "port_closure >= 1 hours  and insolvency of supplier"],
    ],
  };
  const differentPairs: Readonly<Record<EntryKey, readonly (readonly [string, string])[]>> = {
    party: [["buyer with notice 180 days", "supplier with notice 180 days"]],
    condition: [
      ["breach of defects for 3 consecutive periods", "breach of on_time for 3 consecutive periods"],
      ["insolvency of supplier", "insolvency of buyer"],
      ["insolvency of supplier", "change_of_control of supplier"],
      ["port_closure >= 72 hours", "port_closure <= 1 hours"],
      ["port_closure >= 72 hours", "typhoon >= 4 level"],
    ],
  };
  const parties =
    'party supplier "S" {\n  role: supplier\n  jurisdiction: JP\n}\nparty im_motors "B" {\n  role: buyer\n  jurisdiction: CN\n}\n';

  /** Every repeatable field and every row word with a key, with how one entry of it is written. */
  const hosts = Object.entries(kindSchemas).flatMap(([word, schema]) => [
    ...Object.entries(schema.fields)
      .filter(([, spec]) => spec.repeatable)
      .map(([name, spec]) => ({
        where: `${word}.${name}`,
        key: spec.unique,
        line: (phrase: string) => `${name}: ${phrase}`,
        word,
        schema,
      })),
    ...Object.entries(schema.rows ?? {})
      .filter(([, spec]) => spec.head === "trigger")
      .map(([row, spec]) => ({
        where: `${word} ${row} row`,
        key: spec.unique,
        line: (phrase: string) => `${row} ${phrase}`,
        word,
        schema,
      })),
  ]);

  it("declares a key for every repeatable field and every trigger row", () => {
    expect(hosts.map((h) => `${h.where}: ${h.key}`).sort()).toEqual([
      "force_majeure trigger row: condition",
      "termination.cause: condition",
      "termination.convenience: party",
    ]);
  });

  const cases = hosts.flatMap((host) => [
    ...samePairs[host.key!].map(([a, b]) => [`${host.where}: '${a}' then '${b}' is CV302`, host, a, b, true] as const),
    ...differentPairs[host.key!].map(([a, b]) => [`${host.where}: '${a}' then '${b}' is not`, host, a, b, false] as const),
  ]);

  it.each(cases)("%s", (_, host, a, b, same) => {
    const text = `${parties}${header(host.word, host.schema)} {\n  ${host.line(a)}\n  ${host.line(b)}\n}\n`;
    const found = check(text).diagnostics.filter((d) => d.code === "CV302");
    if (!same) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    expect(found[0]!.range.start.line).toBe(11);
    expect(found[0]!.related![0]!.range.start.line).toBe(10);
    const edit = found[0]!.fixes![0]!.edits[0]!;
    const withoutSecond = text.split("\n");
    withoutSecond.splice(10, 1);
    expect(text.slice(0, edit.range.start.offset) + text.slice(edit.range.end.offset)).toBe(withoutSecond.join("\n"));
  });

  it("keeps the first entry in the model, the one every reader sees", () => {
    const text = `${parties}termination {\n  convenience: buyer with notice 180 days\n  convenience: buyer with notice 30 days\n}\n`;
    const termination = check(text).declarations.find((d) => d.kind === "termination")!;
    expect(termination.repeated.get("convenience")).toHaveLength(1);
    expect(termination.repeated.get("convenience")![0]).toMatchObject({ notice: { written: "180 days" } });
  });

  it("leaves a band given twice to the band rules and a day given twice to the ladder order (CV703)", () => {
    const tiers = check("pricing x for p {\n  tier 1 .. 10: USD 5.00\n  tier 1 .. 10: USD 4.00\n}\n").diagnostics.map((d) => d.code);
    expect(tiers.some((code) => code.startsWith("CV5"))).toBe(true);
    const steps = check("escalation x {\n  step day 15: notify supplier\n  step day 15: mediation\n}\n").diagnostics.map((d) => d.code);
    expect(steps).toContain("CV703");
  });
});
