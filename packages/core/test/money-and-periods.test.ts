import { describe, expect, it } from "vitest";
import { Workspace, memoryHost, type Diagnostic } from "../src/index.js";

/**
 * Amounts finer than the currency (CV402 on `rounding:`, CV407) and rates read over a period
 * (CV406): each finding as a table of cases, and each quick fix applied leads to a text without it.
 */

/** The findings, without CV203: the small documents here leave a party or a product unused. */
function diagnostics(text: string): readonly Diagnostic[] {
  const checked = new Workspace(memoryHost({ "/p/main.contract": text }), { root: "/p" }).check("/p/main.contract");
  return checked.diagnostics.filter((d) => d.code !== "CV203");
}

/** The text after the finding's first quick fix (edits applied from the end). */
function fixed(text: string, finding: Diagnostic): string {
  const edits = [...finding.fixes![0]!.edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  return edits.reduce((t, e) => t.slice(0, e.range.start.offset) + e.newText + t.slice(e.range.end.offset), text);
}

const contract = (currency: string) =>
  `contract "C" {\n  kind: supply\n  effective: 2026-04-01\n  term: 5 years\n  governing_law: "Japan"\n  currency: ${currency}\n}\n\nparty supplier "S" {\n  role: supplier\n  jurisdiction: JP\n}\n\nparty buyer "B" {\n  role: buyer\n  jurisdiction: JP\n}\n\nproduct p "P" {\n  unit: litre\n  supplied_by: supplier\n}\n\n`;

const pricing = (currency: string, price: string, rounding: string | undefined) =>
  `${contract(currency)}pricing pp for p {\n  basis: annual_volume\n  tier 1 ..: ${currency} ${price}\n  index a "A" {\n    weight: 40%\n    review: quarterly\n  }\n${rounding ? `  rounding: ${rounding}\n` : ""}}\n`;

describe("rounding against the currency's minor units", () => {
  it.each([
    ["JPY", 0, "100"],
    ["USD", 2, "100.00"],
    ["EUR", 2, "100.00"],
    ["KWD", 3, "100.000"],
    ["CLF", 4, "100.0000"],
  ] as const)("%s: rounding to its %s minor digits or fewer passes; one more is CV402 with a fix", (currency, digits, price) => {
    expect(diagnostics(pricing(currency, price, `half_even to ${digits} decimals`))).toEqual([]);
    if (digits > 0) expect(diagnostics(pricing(currency, price, `down to ${digits - 1} decimals`))).toEqual([]);
    const text = pricing(currency, price, `half_up to ${digits + 1} decimals`);
    const found = diagnostics(text);
    expect(found.map((d) => d.code)).toEqual(["CV402"]);
    expect(found[0]!.message).toMatch(new RegExp(`^${currency} has .*not ${digits + 1}$`));
    expect(diagnostics(fixed(text, found[0]!))).toEqual([]);
  });

  it("warns of an indexed price with no rounding (CV407), and the fix adds the currency's", () => {
    for (const [currency, price] of [
      ["JPY", "1_480"],
      ["USD", "95.00"],
    ] as const) {
      const text = pricing(currency, price, undefined);
      const found = diagnostics(text);
      expect(found.map((d) => [d.code, d.severity])).toEqual([["CV407", "warning"]]);
      const repaired = fixed(text, found[0]!);
      expect(repaired).toContain(`  }\n  rounding: half_up to ${currency === "JPY" ? "0 decimals" : "2 decimals"}\n}\n`);
      expect(diagnostics(repaired)).toEqual([]);
    }
    expect(diagnostics(pricing("USD", "95.00", undefined).replace(/ {2}index a[^}]*}\n/, ""))).toEqual([]);
  });
});

describe("a rate per unit of time read over a measurement period", () => {
  const commitment = (minimum: string, period: string) =>
    `${contract("USD")}commitment c {\n  party: buyer\n  product: p\n  minimum: ${minimum}\n  period: ${period}\n  shortfall: USD 0.10 per litre\n}\n`;

  it.each([
    ["8_000_000 litre per year", "quarterly"],
    ["8_000_000 litre per year", "semi_annually"],
    ["1_200_000 litre per year", "monthly"],
    ["100_000 litre per month", "quarterly"],
    ["100_000 litre per month", "annually"],
    ["1_000 litre per day", "weekly"],
    ["10 litre per hours", "weekly"],
    ["5_000 litre per week", "weekly"],
  ])("%s measured %s converts exactly: no finding", (minimum, period) => {
    expect(diagnostics(commitment(minimum, period))).toEqual([]);
  });

  it.each([
    ["100_000 litre per week", "monthly", "weekly"],
    ["100_000 litre per week", "quarterly", "weekly"],
    ["1_000 litre per day", "monthly", undefined],
    ["1_000_000 litre per year", "monthly", "annually"],
    ["1_001 litre per year", "quarterly", "annually"],
    ["100_000 litre per month", "weekly", "monthly"],
    ["10 litre per business_day", "weekly", undefined],
    ["8_000_000 litre per year", "weekly", "annually"],
    // Half of 2.5 is 1.25: finer than the minimum is written.
    ["2.5 litre per year", "semi_annually", "annually"],
  ])("%s measured %s is CV406; the fix (if any) measures it %s", (minimum, period, matching) => {
    const text = commitment(minimum, period);
    const found = diagnostics(text);
    expect(found.map((d) => d.code)).toEqual(["CV406"]);
    expect(found[0]!.related![0]!.message).toBe("The measurement period");
    if (matching === undefined) {
      expect(found[0]!.fixes).toBeUndefined();
      return;
    }
    const repaired = fixed(text, found[0]!);
    expect(repaired).toContain(`  period: ${matching}\n`);
    expect(diagnostics(repaired)).toEqual([]);
  });
});
