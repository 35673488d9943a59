import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { evaluate, factsSchema, readFactsFor, type EvalResult } from "../src/index.js";
import { kpiPeriodOrdinal, type KpiPeriod } from "../src/eval/kpi-periods.js";
import { checkText, example, exampleNames } from "./documents.js";

const supply = checkText(example("supply-agreement"));

function run(facts: unknown, document = supply): EvalResult {
  const read = readFactsFor(document, JSON.stringify(facts));
  if (!("facts" in read)) throw new Error(JSON.stringify(read.problems));
  return evaluate(document, read.facts);
}

describe("eval", () => {
  it("picks the tier whose band holds the volume, boundaries included", () => {
    const tier = (volume: number): number | undefined => run({ volumes: { airbag: volume } }).prices[0]!.tier;
    expect([tier(1), tier(9_999), tier(10_000), tier(49_999), tier(50_000), tier(10_000_000)]).toEqual([1, 1, 2, 2, 3, 3]);
    const none = run({ volumes: { airbag: 0 } }).prices[0]!;
    expect(none.tier).toBeUndefined();
    expect(none.trace[0]).toBe("no tier applies: 0 is below the first band, 1–9,999");
  });

  it("indexes the price within floor and ceiling and rounds as declared", () => {
    const price = (move: string) => run({ volumes: { airbag: "23000" }, indices: { aluminium: move } }).prices[0]!;
    expect(price("12.5").indexedPrice!.amount.toFixed(2)).toBe("176.30"); // ceiling 8%: 171.50 × (1 + 0.35 × 0.08) = 176.302
    expect(price("-20").indexedPrice!.amount.toFixed(2)).toBe("168.50"); // floor -5%: 171.50 × (1 − 0.35 × 0.05) = 168.49875
    expect(price("1").trace[2]).toBe("index aluminium moved +1%: 35% of USD 171.50 moves by +1%, +USD 0.60025");
    expect(price("1").priceBand).toMatchObject({ low: { amount: expect.anything() }, high: { amount: expect.anything() } });
  });

  it("works out penalties per full step, cut to the cap, and bonuses", () => {
    const result = run({
      kpis: {
        on_time: [
          { period: "2026-01", value: "96.99", invoice: "1000000" },
          { period: "2026-02", value: "50", invoice: "1000000" },
          { period: "2026-03", value: "99.5", invoice: "1000000" },
        ],
      },
    });
    const [a, b, c] = result.kpis[0]!.periods;
    expect(a!.penalty!.amount.toFixed(2)).toBe("5000.00"); // 1.01 points short: one full step of 1%
    expect(b).toMatchObject({ capped: true });
    expect(b!.penalty!.amount.toFixed(2)).toBe("50000.00"); // 5% of invoice
    expect(c!.bonus!.amount.toFixed(2)).toBe("2500.00");
    expect(result.kpis[0]!.consecutiveMisses).toBe(2); // two missed months in a row, before a met one
  });

  it("decides termination rights from KPI misses, party events and how long force majeure has lasted", () => {
    const result = run({
      as_of: "2027-06-01",
      kpis: {
        defects: [
          { period: "2026-01", value: 60 },
          { period: "2026-02", value: 70 },
          { period: "2026-03", value: 80 },
        ],
      },
      events: { port_closure: { value: 100, since: "2026-12-01" } },
      parties: { buyer: { insolvent: true } },
    });
    const arisen = Object.fromEntries(result.termination.map((t) => [t.text, t.arisen]));
    expect(arisen).toEqual({
      "breach of defects for 3 consecutive periods": "true",
      "insolvency of any party": "true",
      "fm lasting 180 days": "true",
      "buyer with notice 180 days": "true",
    });
    expect(result.forceMajeure[0]).toMatchObject({
      triggered: "true",
      since: "2026-12-01",
      terminationRight: "true",
      relief: "suspend delivery for 60 days",
    });
  });

  it("leaves a duration it cannot measure unknown", () => {
    const result = run({ events: { port_closure: 100 } });
    expect(result.forceMajeure[0]!.terminationRight).toBe("unknown");
  });

  it("starts the milestone's ladder the day after a missed due date and marks the steps reached", () => {
    const result = run({ as_of: "2026-11-15", milestones: { sop: { delivered: null } } });
    expect(result.milestones[0]!.status).toBe("missed");
    expect(result.escalations[0]!.steps.map((s) => [s.date, s.reached])).toEqual([
      ["2026-10-02", true],
      ["2026-10-17", true],
      ["2026-11-16", false],
      ["2026-12-31", false],
    ]);
  });

  it("publishes a valid JSON Schema per contract, closed over the contract's names", () => {
    for (const name of exampleNames) {
      const schema = factsSchema(checkText(example(name)));
      expect(() => new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema), name).not.toThrow();
    }
    const schema = factsSchema(supply) as { properties: Record<string, { propertyNames?: { enum: string[] } }> };
    expect(schema.properties["volumes"]!.propertyNames!.enum).toEqual(["airbag"]);
    expect(schema.properties["purchases"]).toBeUndefined();
  });

  it("reports bad facts at their line and column: schema first, then calendar dates", () => {
    const shape = readFactsFor(
      supply,
      '{\n  "kpis": {\n    "on_time": [{ "period": "2026-01", "value": true, "invoice": 1 }]\n  },\n  "as_of": "2027-13-01"\n}',
    );
    expect("problems" in shape && shape.problems).toEqual([
      {
        message: `'kpis.on_time.0.value' must be a number or a decimal string such as "23000" or "0.1"`,
        pointer: "/kpis/on_time/0/value",
        line: 3,
        column: 49,
      },
    ]);
    const date = readFactsFor(supply, '{\n  "as_of": "2027-13-01"\n}');
    expect("problems" in date && date.problems).toEqual([
      { message: "'as_of' is not a calendar date: 2027-13-01", pointer: "/as_of", line: 2, column: 12 },
    ]);
  });
  describe("commitments compare one period's purchases with that period's minimum", () => {
    const fuel = (minimum: string, period: string): string => `contract "Fuel Supply Agreement" {
  kind: supply
  effective: 2026-04-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}

party supplier "Fuel Co." {
  role: supplier
  jurisdiction: JP
}

party buyer "Fleet Co." {
  role: buyer
  jurisdiction: JP
}

product diesel "Diesel" {
  unit: litre
  supplied_by: supplier
}

commitment fuel_volume "Fuel Volume" {
  party: buyer
  product: diesel
  minimum: ${minimum}
  period: ${period}
  shortfall: USD 0.10 per litre
}
`;
    const commitment = (minimum: string, period: string, bought: string) => {
      const document = checkText(fuel(minimum, period));
      return { ok: document.ok, result: run({ purchases: { fuel_volume: bought } }, document).commitments[0]! };
    };

    it("reads 8,000,000 litres per year measured quarterly as 2,000,000 a quarter: 1,500,000 bought is 500,000 short", () => {
      const { ok, result } = commitment("8_000_000 litre per year", "quarterly", "1500000");
      expect(ok).toBe(true);
      expect(result.minimum!.toFixed()).toBe("2000000");
      expect(result.shortfall!.toFixed()).toBe("500000");
      expect(result.payment!.amount.toFixed(2)).toBe("50000.00");
      expect(result.trace.slice(0, 2)).toEqual([
        "the minimum of 8,000,000 litres per year, measured quarterly, is 2,000,000 for each quarter",
        "bought 1,500,000 in the quarter against that 2,000,000",
      ]);
    });

    it("gives the same shortfall when the minimum is stated per month and measured quarterly, and none when it is per year and measured annually", () => {
      expect(commitment("666_667 litre per month", "quarterly", "1500000").result.shortfall!.toFixed()).toBe("500001");
      expect(commitment("8_000_000 litre per year", "annually", "7500000").result.shortfall!.toFixed()).toBe("500000");
    });

    it("never compares a period's purchases with a minimum that has no exact amount per period", () => {
      for (const [minimum, period] of [
        ["100_000 litre per week", "monthly"],
        ["1_000_000 litre per year", "monthly"],
        ["10 litre per business_day", "weekly"],
      ] as const) {
        const { ok, result } = commitment(minimum, period, "1");
        expect(ok, minimum).toBe(false);
        expect(result.shortfall, minimum).toBeUndefined();
        expect(result.payment, minimum).toBeUndefined();
        expect(result.trace[0], minimum).toMatch(
          /has no exact amount per (month|week), so the 1 bought in the period cannot be compared with it/,
        );
      }
    });
  });
  describe("amounts never finer than the currency", () => {
    const preferred = example("preferred-supplier");
    const roundedTo = (decimals: number) =>
      checkText(preferred.replace("rounding: half_up to 0 decimals", `rounding: half_up to ${decimals} decimals`));

    it("refuses yen rounded to 2 decimals (CV402), and even then prices in whole yen", () => {
      const document = roundedTo(2);
      const line = preferred.split("\n").findIndex((l) => l.includes("rounding: half_up to 0 decimals")) + 1;
      expect(document.ok).toBe(false);
      expect(document.diagnostics.map((d) => [d.code, d.range.start.line, d.message])).toEqual([
        ["CV402", line, "JPY has no minor unit; round to 0 decimals, not 2"],
      ]);
      const price = run({ volumes: { housing: "23000" }, indices: { aluminium: "1.13" } }, document).prices[0]!;
      expect(price.indexedPrice!.amount.decimalPlaces()).toBe(0);
      expect(price.trace.at(-1)).toContain("the declared 2 decimals are finer than JPY allows");
      const asWritten = run({ volumes: { housing: "23000" }, indices: { aluminium: "1.13" } }, roundedTo(0)).prices[0]!;
      expect(asWritten.indexedPrice!.amount.toFixed()).toBe(price.indexedPrice!.amount.toFixed());
    });

    it("refuses a yen invoice with decimals in the facts, at its position", () => {
      const document = roundedTo(0);
      const read = readFactsFor(document, '{\n  "kpis": { "on_time": [{ "period": "2026-01", "value": 99, "invoice": "1000000.5" }] }\n}');
      expect("problems" in read && read.problems).toEqual([
        {
          message: "'kpis.on_time.0.invoice' is finer than an invoice can be: JPY has no minor unit",
          pointer: "/kpis/on_time/0/invoice",
          line: 2,
          column: 72,
        },
      ]);
      expect(
        "facts" in readFactsFor(document, '{ "kpis": { "on_time": [{ "period": "2026-01", "value": 99, "invoice": "1000000" }] } }'),
      ).toBe(true);
    });

    it("refuses negative volumes, purchases and invoices in the facts, at their positions", () => {
      const document = roundedTo(0);
      const read = readFactsFor(
        document,
        '{\n  "volumes": { "housing": -5 },\n  "purchases": { "housing_volume": "-1" },\n  "kpis": { "on_time": [{ "period": "2026-01", "value": 99, "invoice": -100 }] }\n}',
      );
      expect("problems" in read && read.problems.map((p) => [p.message, p.line])).toEqual([
        ["'volumes.housing' cannot be negative: it is -5", 2],
        ["'purchases.housing_volume' cannot be negative: it is -1", 3],
        ["'kpis.on_time.0.invoice' cannot be negative: it is -100", 4],
      ]);
      expect("facts" in readFactsFor(document, '{ "indices": { "aluminium": -12.5 } }')).toBe(true);
    });

    it.each(["-0", '"-0"', "-0.0", '"-0.00"', "-0e5", "0"])("reads %s as zero, never as a negative zero", (written) => {
      const document = roundedTo(0);
      const read = readFactsFor(
        document,
        `{ "volumes": { "housing": ${written} }, "purchases": { "housing_volume": ${written} }, "indices": { "aluminium": ${written} } }`,
      );
      if (!("facts" in read)) throw new Error(JSON.stringify(read.problems));
      for (const value of [
        read.facts.volumes.get("housing")!,
        read.facts.purchases.get("housing_volume")!,
        read.facts.indices.get("aluminium")!,
      ]) {
        expect(value.isZero()).toBe(true);
        expect(value.isNegative()).toBe(false);
      }
      expect(JSON.stringify(evaluate(document, read.facts))).not.toMatch(/-0(?![.\d])/);
    });
  });

  describe("KPI periods are read on the calendar, not by their place in the array", () => {
    const problems = (facts: string, document = supply): string[] => {
      const read = readFactsFor(document, facts);
      return "problems" in read ? read.problems.map((p) => `${p.line}:${p.column} ${p.message}`) : [];
    };
    const quarterly = checkText(example("supply-agreement").replace(/(kpi defects[^}]*?period: )monthly/s, "$1quarterly"));

    it("refuses a period measured twice, naming both positions (issue 10 QA 2)", () => {
      const facts =
        '{"kpis":{"defects":[\n{"period":"2026-05","value":70},\n{"period":"2026-05","value":70},\n{"period":"2026-05","value":70}]}}';
      expect(problems(facts)).toEqual([
        "3:11 'kpis.defects.1.period' measures 2026-05 again (first at line 2, column 11, as 'kpis.defects.0'); give each period once",
        "4:11 'kpis.defects.2.period' measures 2026-05 again (first at line 2, column 11, as 'kpis.defects.0'); give each period once",
      ]);
    });

    it.each<[string, string, string]>([
      ["monthly", "2026-Q9", "is not a period: write it as the KPI's period is, one of 2026-W18 (weekly), 2026-05 (monthly)"],
      ["monthly", "zzz", "is not a period"],
      ["monthly", "2026-13", "is not a period"],
      ["monthly", "2026-Q2", 'is not a month: it is "2026-Q2"; defects is measured monthly, so write YYYY-MM, such as 2026-05'],
      ["monthly", "2026", "is not a month"],
      ["quarterly", "2026-05", 'is not a quarter: it is "2026-05"; defects is measured quarterly, so write YYYY-Qn, such as 2026-Q2'],
      ["quarterly", "2026-H1", "is not a quarter"],
    ])("refuses a %s KPI measured in '%s', at its position", (period, label, message) => {
      const found = problems(`{"kpis":{"defects":[{"period":"${label}","value":70}]}}`, period === "quarterly" ? quarterly : supply);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^1:31 'kpis\.defects\.0\.period' /);
      expect(found[0]).toContain(message);
    });

    const consecutive = (labels: readonly string[], document = supply) => {
      const result = run({ kpis: { defects: labels.map((period) => ({ period, value: 70 })) } }, document);
      return {
        order: result.kpis.find((k) => k.kpi === "defects")!.periods.map((p) => p.period),
        run: result.kpis.find((k) => k.kpi === "defects")!.consecutiveMisses,
        arisen: result.termination.find((t) => t.text === "breach of defects for 3 consecutive periods")!.arisen,
      };
    };

    it("counts only misses in adjacent periods as consecutive: a gap breaks the run", () => {
      expect(consecutive(["2026-01", "2026-05", "2026-09"])).toMatchObject({ run: 1, arisen: "false" });
      expect(consecutive(["2026-01", "2026-02", "2026-04"])).toMatchObject({ run: 2, arisen: "false" });
      expect(consecutive(["2026-11", "2026-12", "2027-01"])).toMatchObject({ run: 3, arisen: "true" });
    });

    it("keeps a right that arose on a run of misses when a later period is met (the longest run counts)", () => {
      const result = run({
        kpis: {
          defects: [
            { period: "2026-05", value: 70 },
            { period: "2026-06", value: 70 },
            { period: "2026-07", value: 70 },
            { period: "2026-08", value: 10 },
          ],
        },
      });
      expect(result.kpis.find((k) => k.kpi === "defects")!.consecutiveMisses).toBe(3);
      expect(result.termination.find((t) => t.text === "breach of defects for 3 consecutive periods")!.arisen).toBe("true");
    });

    it("puts periods given out of order in calendar order", () => {
      expect(consecutive(["2026-03", "2026-01", "2026-02"])).toEqual({ order: ["2026-01", "2026-02", "2026-03"], run: 3, arisen: "true" });
    });

    it("counts quarters for a quarterly KPI", () => {
      expect(consecutive(["2026-Q4", "2027-Q1", "2027-Q2"], quarterly)).toMatchObject({ run: 3, arisen: "true" });
      expect(consecutive(["2026-Q1", "2026-Q3", "2026-Q4"], quarterly)).toMatchObject({ run: 2, arisen: "false" });
    });

    it("documents each KPI's period form in the facts schema", () => {
      const schema = factsSchema(quarterly) as { properties: Record<string, { description: string; additionalProperties: unknown }> };
      expect(schema.properties["kpis"]!.description).toContain("- defects: Defect Rate");
      expect(schema.properties["kpis"]!.description).toMatch(/- defects: .*quarterly: periods YYYY-Qn, such as 2026-Q2/);
      expect(schema.properties["kpis"]!.description).toMatch(/- on_time: .*monthly: periods YYYY-MM, such as 2026-05/);
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      const validate = ajv.compile(schema);
      for (const label of ["2026-W18", "2026-05", "2026-Q2", "2026-H1", "2026"])
        expect(validate({ kpis: { defects: [{ period: label, value: 1 }] } })).toBe(true);
      for (const label of ["zzz", "2026-13", "2026-Q5", "2026-H3", "2026-W54", "26-05"])
        expect(validate({ kpis: { defects: [{ period: label, value: 1 }] } })).toBe(false);
    });

    it.each<[KpiPeriod, string, string]>([
      ["weekly", "2026-W52", "2026-W53"], // 2026 starts on a Thursday: 53 weeks
      ["weekly", "2026-W53", "2027-W01"],
      ["weekly", "2020-W53", "2021-W01"],
      ["weekly", "2027-W52", "2028-W01"], // 2027 starts on a Friday: 52 weeks
      ["monthly", "2026-12", "2027-01"],
      ["quarterly", "2026-Q4", "2027-Q1"],
      ["semi_annually", "2026-H2", "2027-H1"],
      ["annually", "2026", "2027"],
    ])("%s: %s is followed by %s", (period, first, next) => {
      expect(kpiPeriodOrdinal(period, next)! - kpiPeriodOrdinal(period, first)!).toBe(1);
    });

    it.each<[KpiPeriod, string]>([
      ["weekly", "2027-W53"],
      ["weekly", "2026-W00"],
      ["monthly", "2026-00"],
      ["quarterly", "2026-Q0"],
      ["semi_annually", "2026-H0"],
      ["annually", "2026-01"],
    ])("%s: '%s' names no period", (period, label) => {
      expect(kpiPeriodOrdinal(period, label)).toBeUndefined();
    });

    it("numbers ISO weeks as the calendar does: the week of each day, and the next week's, are adjacent", () => {
      // ISO 8601: a week belongs to the year of its Thursday.
      const isoWeek = (time: number): string => {
        const day = new Date(time);
        const thursday = new Date(time + (3 - ((day.getUTCDay() + 6) % 7)) * 86_400_000);
        const year = thursday.getUTCFullYear();
        const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
        return `${year}-W${String(week).padStart(2, "0")}`;
      };
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 0, 1) / 86_400_000 }), (days) => {
          const time = days * 86_400_000;
          const here = kpiPeriodOrdinal("weekly", isoWeek(time));
          expect(here).toBeDefined();
          expect(kpiPeriodOrdinal("weekly", isoWeek(time + 7 * 86_400_000))! - here!).toBe(1);
        }),
        { seed: 20261130, numRuns: 2000 },
      );
    });
  });
});
