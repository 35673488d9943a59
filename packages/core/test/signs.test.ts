import { describe, expect, it } from "vitest";
import {
  Workspace,
  kindSchemas,
  memoryHost,
  type Diagnostic,
  type KindSchema,
  type RowSpec,
  type SignPart,
  type SignRule,
  type ValueType,
} from "../src/index.js";

/**
 * The sign rules of the kind schemas (CV307), as a table over every field and row of every kind:
 * each part of a value that can hold a number has a declared rule, and a number of each sign is
 * diagnosed exactly where that rule says.
 */

/** For each value type, phrases that put a number `n` into each part of the value that holds one. */
const samples: Readonly<Record<ValueType["type"], Partial<Record<SignPart, readonly ((n: string) => string)[]>>>> = {
  text: {},
  date: {},
  bool: {},
  currency: {},
  country: {},
  territory: {},
  unit: {},
  enum: {},
  reference: {},
  list: {},
  rounding: {},
  integer: { amount: [(n) => n] },
  percent: { amount: [(n) => `${n}%`] },
  duration: { time: [(n) => `${n} days`, (n) => `${n} years`] },
  money: { amount: [(n) => `USD ${n}`] },
  quantity: { amount: [(n) => `${n} module`] },
  target: { level: [(n) => `>= ${n}%`, (n) => `<= ${n} ppm`] },
  amount: { amount: [(n) => `${n}% of invoice`, (n) => `USD ${n}`] },
  step: { amount: [(n) => `${n}% below target`, (n) => `${n} ppm above target`] },
  condition: { level: [(n) => `port_closure >= ${n} hours`], time: [(n) => `port_closure lasting ${n} days`] },
  cause: {
    level: [(n) => `port_closure >= ${n} hours`],
    time: [(n) => `breach of on_time cure ${n} days`, (n) => `port_closure lasting ${n} days`],
  },
  convenience: {
    amount: [
      (n) => `buyer with notice 30 days paying USD ${n}`,
      (n) => `buyer with notice 30 days paying USD 100 declining ${n}% per year`,
    ],
    time: [(n) => `buyer with notice ${n} days`],
  },
  action: { time: [(n) => `notify within ${n} days`, (n) => `suspend delivery for ${n} days`] },
  every: { time: [(n) => `every ${n} months`] },
  payment: { amount: [(n) => `USD ${n} to supplier`, (n) => `${n}% of contract_value to supplier`] },
  volume: { amount: [(n) => `${n} module per year`] },
  shortfall: {
    amount: [(n) => `USD ${n} per module`, (n) => `${n}% of price`, (n) => `credit USD ${n} per module expiring 12 months`],
    time: [(n) => `credit USD 5 per module expiring ${n} months`],
  },
  allocation: { amount: [(n) => `[supplier ${n}%, buyer 30%]`] },
};

/** Rows by their head: member lines that put `n` into each part. */
function rowSamples(word: string, spec: RowSpec): Partial<Record<SignPart, readonly ((n: string) => string)[]>> {
  switch (spec.head) {
    case "range": {
      const value = spec.value === "money" ? "USD 10" : "3%";
      return {
        band: [(n) => `${word} ${n} .. 100: ${value}`, (n) => `${word} ${n} ..: ${value}`],
        amount: [(n) => `${word} 1 ..: ${spec.value === "money" ? `USD ${n}` : `${n}%`}`],
      };
    }
    case "trigger":
      return { level: [(n) => `${word} port_closure >= ${n} hours`] };
    case "day":
      return { time: [(n) => `${word} day 1: notify supplier within ${n} days`] };
  }
}

function partsOf(type: ValueType): Partial<Record<SignPart, readonly ((n: string) => string)[]>> {
  return type.type === "list" ? partsOf(type.of) : samples[type.type];
}

interface Host {
  /** Where the member sits, for test names: `kpi.penalty`. */
  readonly path: string;
  readonly schema: KindSchema;
  /** The declaration text around one member line. */
  readonly wrap: (member: string) => string;
}

function header(word: string, schema: KindSchema): string {
  return `${word}${schema.name !== "forbidden" ? " x" : ""}${schema.title !== "forbidden" ? ' "X"' : ""}${schema.subject ? " for p" : ""}`;
}

const hosts: Host[] = Object.entries(kindSchemas).flatMap(([word, schema]) => [
  { path: word, schema, wrap: (member: string) => `${header(word, schema)} {\n  ${member}\n}\n` },
  ...Object.entries(schema.blocks ?? {}).map(([blockWord, block]) => ({
    path: `${word}.${blockWord}`,
    schema: block,
    wrap: (member: string) => `${header(word, schema)} {\n  ${header(blockWord, block)} {\n    ${member}\n  }\n}\n`,
  })),
]);

interface Case {
  readonly where: string;
  readonly part: SignPart;
  readonly rule: SignRule | undefined;
  readonly text: (n: string) => string;
}

const cases: Case[] = hosts.flatMap((host) => [
  ...Object.entries(host.schema.fields).flatMap(([name, spec]) =>
    Object.entries(partsOf(spec.value)).flatMap(([part, phrases]) =>
      phrases!.map((phrase) => ({
        where: `${host.path}.${name}`,
        part: part as SignPart,
        rule: spec.signs?.[part as SignPart],
        text: (n: string) => host.wrap(`${name}: ${phrase(n)}`),
      })),
    ),
  ),
  ...Object.entries(host.schema.rows ?? {}).flatMap(([word, spec]) =>
    Object.entries(rowSamples(word, spec)).flatMap(([part, lines]) =>
      lines!.map((line) => ({
        where: `${host.path} ${word} row`,
        part: part as SignPart,
        rule: spec.signs[part as SignPart],
        text: (n: string) => host.wrap(line(n)),
      })),
    ),
  ),
]);

function signFindings(text: string): Diagnostic[] {
  const workspace = new Workspace(memoryHost({ "/p/main.contract": text }), { root: "/p" });
  return workspace.check("/p/main.contract").diagnostics.filter((d) => d.code === "CV307");
}

describe("sign rules", () => {
  it("declares a rule for every part of every field and row that can hold a number, and for nothing else", () => {
    const declared = (signs: object | undefined): string[] => Object.keys(signs ?? {}).sort();
    for (const host of hosts) {
      for (const [name, spec] of Object.entries(host.schema.fields))
        expect(declared(spec.signs), `${host.path}.${name}`).toEqual(Object.keys(partsOf(spec.value)).sort());
      for (const [word, spec] of Object.entries(host.schema.rows ?? {}))
        expect(declared(spec.signs), `${host.path} ${word} row`).toEqual(Object.keys(rowSamples(word, spec)).sort());
    }
    expect(cases.length).toBeGreaterThan(60);
  });

  it("takes any sign only where a number below zero means something: an index floor or ceiling", () => {
    const anySign = [...new Set(cases.filter((c) => c.rule === "any").map((c) => `${c.where} ${c.part}`))];
    expect(anySign.sort()).toEqual(["pricing.index.ceiling amount", "pricing.index.floor amount"]);
  });

  it.each(cases.map((c, i) => [`${c.where} (${c.part}, ${c.rule}) #${i}`, c] as const))("%s: -1, -0, 0 and 1 against the rule", (_, c) => {
    const minusOne = signFindings(c.text("-1"));
    const zero = signFindings(c.text("0"));
    const one = signFindings(c.text("1"));
    expect(minusOne.length, "-1").toBe(c.rule === "any" ? 0 : 1);
    expect(zero.length, "0").toBe(c.rule === "positive" ? 1 : 0);
    expect(one.length, "1").toBe(0);
    // A written minus on zero is flagged too, so no output prints "-0".
    expect(signFindings(c.text("-0")).length, "-0").toBe(c.rule === "any" ? 0 : 1);
    if (c.rule !== "any") {
      const [finding] = minusOne;
      expect(finding!.message).toMatch(/must be (more than zero|zero or more), but is .*-1.*; remove the minus sign$/);
      const edit = finding!.fixes![0]!.edits[0]!;
      const text = c.text("-1");
      expect(text.slice(0, edit.range.start.offset) + edit.newText + text.slice(edit.range.end.offset)).toBe(c.text("1"));
    }
  });

  it("lets a level in a unit below zero take any sign: a trigger at -20 celsius", () => {
    const text =
      'event cold "Extreme Cold" {\n  unit: celsius\n}\n\nforce_majeure fm {\n  relief: suspend delivery for 30 days\n  trigger cold <= -20 celsius\n}\n';
    expect(signFindings(text)).toEqual([]);
    expect(signFindings(text.replace("<= -20 celsius", "<= -20 hours"))).toHaveLength(1);
  });

  it("diagnoses the issue's examples, naming the field and the rule", () => {
    const messages = (text: string) => signFindings(text).map((d) => d.message);
    expect(messages('contract "C" {\n  renewal: -1 year\n  renewal_notice: -30 days\n  term: 0 days\n}\n')).toEqual([
      "'renewal' must be more than zero, but is -1 year; remove the minus sign",
      "'renewal_notice' must be more than zero, but is -30 days; remove the minus sign",
      "'term' must be more than zero, but is 0 days",
    ]);
    expect(messages('milestone m "M" {\n  payment: USD -1_000 to buyer\n}\n')).toEqual([
      "The amount in 'payment' must be more than zero, but is USD -1_000; remove the minus sign",
    ]);
  });
});
