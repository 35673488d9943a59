import { describe, expect, it } from "vitest";
import { Workspace, kindSchemas, memoryHost, type Diagnostic, type KindSchema, type PercentRange, type ValueType } from "../src/index.js";

/**
 * The percent ranges of the kind schemas (CV602), as a table over every field and row of every kind:
 * each one whose value can hold a percentage declares a range, and a percentage just inside and just
 * outside it is diagnosed exactly where the range says.
 */

/** For each value type that can hold a percentage, a phrase putting the percentage `n` in it. */
const samples: Partial<Record<ValueType["type"], (n: string) => string>> = {
  percent: (n) => `${n}%`,
  target: (n) => `>= ${n}%`,
  amount: (n) => `${n}% of invoice`,
  step: (n) => `${n}% below target`,
  convenience: (n) => `buyer with notice 30 days paying USD 100 declining ${n}% per year`,
  payment: (n) => `${n}% of contract_value to supplier`,
  shortfall: (n) => `${n}% of price`,
  allocation: (n) => `[supplier ${n}%]`,
};

const sampleOf = (type: ValueType): ((n: string) => string) | undefined => (type.type === "list" ? sampleOf(type.of) : samples[type.type]);

function header(word: string, schema: KindSchema): string {
  return `${word}${schema.name !== "forbidden" ? " x" : ""}${schema.title !== "forbidden" ? ' "X"' : ""}${schema.subject ? " for p" : ""}`;
}

interface Case {
  readonly where: string;
  readonly range: PercentRange | undefined;
  readonly text: (n: string) => string;
}

const cases: Case[] = Object.entries(kindSchemas).flatMap(([word, schema]) => {
  const hosts = [
    { path: word, schema, wrap: (member: string) => `${header(word, schema)} {\n  ${member}\n}\n` },
    ...Object.entries(schema.blocks ?? {}).map(([blockWord, block]) => ({
      path: `${word}.${blockWord}`,
      schema: block,
      wrap: (member: string) => `${header(word, schema)} {\n  ${header(blockWord, block)} {\n    ${member}\n  }\n}\n`,
    })),
  ];
  return hosts.flatMap((host) => [
    ...Object.entries(host.schema.fields).flatMap(([name, spec]) => {
      const sample = sampleOf(spec.value);
      return sample
        ? [{ where: `${host.path}.${name}`, range: spec.percents, text: (n: string) => host.wrap(`${name}: ${sample(n)}`) }]
        : [];
    }),
    ...Object.entries(host.schema.rows ?? {}).flatMap(([row, spec]) =>
      spec.value === "percent"
        ? [{ where: `${host.path} ${row} row`, range: spec.percents, text: (n: string) => host.wrap(`${row} 1 ..: ${n}%`) }]
        : [],
    ),
  ]);
});

function rangeFindings(text: string): Diagnostic[] {
  const workspace = new Workspace(memoryHost({ "/p/main.contract": text }), { root: "/p" });
  return workspace.check("/p/main.contract").diagnostics.filter((d) => d.code === "CV602");
}

describe("percent ranges", () => {
  it("declares a range for every field and row that can hold a percentage, and for nothing else", () => {
    for (const c of cases) expect(c.range, c.where).toBeDefined();
    const declared = Object.entries(kindSchemas).flatMap(([word, schema]) =>
      [schema, ...Object.values(schema.blocks ?? {})].flatMap((s) => [
        ...Object.entries(s.fields)
          .filter(([, spec]) => spec.percents)
          .map(([name]) => name),
        ...Object.entries(s.rows ?? {})
          .filter(([, spec]) => spec.percents)
          .map(([row]) => `${word} ${row}`),
      ]),
    );
    expect(declared.length).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(14);
  });

  it("lets only a price movement (an index floor or ceiling) go beyond a share of a whole", () => {
    expect(cases.filter((c) => c.range === "change").map((c) => c.where)).toEqual(["pricing.index.floor", "pricing.index.ceiling"]);
  });

  it.each(cases.map((c) => [`${c.where} (${c.range})`, c] as const))("%s: just inside and just outside the range", (_, c) => {
    expect(rangeFindings(c.text("100")), "100%").toEqual([]);
    // A lone recall cost share of 99.99% is in range, but the shares must add up to 100% (also CV602).
    if (!c.where.endsWith("recall_costs")) expect(rangeFindings(c.text("99.99")), "99.99%").toEqual([]);
    const over = rangeFindings(c.text("100.01"));
    expect(over, "100.01%").toHaveLength(1);
    expect(over[0]!.message).toMatch(/must be (at most 100% \(a share of a whole\)|between -100% and 100%), but is .*100\.01%/);
    if (c.range === "change") {
      expect(rangeFindings(c.text("-100")), "-100%").toEqual([]);
      expect(rangeFindings(c.text("-100.5")), "-100.5%").toHaveLength(1);
    }
  });

  it("diagnoses the QA examples: a fee declining 125% a year, a milestone paying 150% of the contract value", () => {
    const termination = "termination {\n  convenience: buyer with notice 6 months paying EUR 1_500_000.00 declining 125% per year\n}\n";
    expect(rangeFindings(termination).map((d) => d.message)).toEqual([
      "The percentage in 'convenience' must be at most 100% (a share of a whole), but is 125%",
    ]);
    const milestone = 'milestone m "M" {\n  due: 2027-06-30\n  payment: 150% of contract_value to brenner\n}\n';
    expect(rangeFindings(milestone).map((d) => d.message)).toEqual([
      "The percentage in 'payment' must be at most 100% (a share of a whole), but is 150% of contract_value",
    ]);
  });
});

describe("milestone payments against the contract value (CV603)", () => {
  const contract = (total: string) =>
    `contract "C" {\n  kind: supply\n  effective: 2026-04-01\n  term: 5 years\n  governing_law: "Japan"\n  currency: EUR\n${total}}\n`;
  const milestones = (...payments: string[]) =>
    payments.map((p, i) => `milestone m${i} "M${i}" {\n  due: 2026-10-01\n  payment: ${p} to supplier\n}\n`).join("\n");
  const findings = (text: string) =>
    new Workspace(memoryHost({ "/p/main.contract": text }), { root: "/p" })
      .check("/p/main.contract")
      .diagnostics.filter((d) => d.code === "CV603");

  it.each([
    ["shares up to 100%", "", ["60% of contract_value", "40% of contract_value"], undefined],
    ["shares over 100%", "", ["60% of contract_value", "40.01% of contract_value"], "add up to 100.01% of the contract value"],
    ["amounts without a total value", "", ["EUR 5_000_000", "EUR 9_000_000"], undefined],
    [
      "amounts up to the total value",
      "  total_value: EUR 10_000_000.00\n",
      ["EUR 4_000_000", "50% of contract_value", "EUR 1_000_000"],
      undefined,
    ],
    [
      "amounts and shares over the total value",
      "  total_value: EUR 10_000_000.00\n",
      ["EUR 4_000_000", "50% of contract_value", "EUR 1_000_001"],
      "add up to EUR 10_000_001.00, more than the contract value of EUR 10_000_000.00",
    ],
    [
      "shares over 100% with a total value",
      "  total_value: EUR 10_000_000.00\n",
      ["70% of contract_value", "70% of contract_value"],
      "add up to 140% of the contract value (EUR 14_000_000.00)",
    ],
  ] as const)("%s", (_, total, payments, message) => {
    const found = findings(`${contract(total)}\n${milestones(...payments)}`);
    if (!message) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(message);
    // On the last payment, with every payment related.
    expect(found[0]!.related!.filter((r) => r.message.startsWith("The payment of milestone"))).toHaveLength(payments.length);
  });

  it("counts only the milestones of the contract's terms, not an unused library's", () => {
    const host = memoryHost({
      "/p/lib.contract": milestones("90% of contract_value").replace(/m0/g, "spare"),
      "/p/main.contract": `import "lib.contract"\n\n${contract("")}\n${milestones("60% of contract_value")}`,
    });
    expect(new Workspace(host, { root: "/p" }).check("/p/main.contract").diagnostics.filter((d) => d.code === "CV603")).toEqual([]);
  });
});
