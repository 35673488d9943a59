import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { checkText } from "./examples.js";

/**
 * Author text keeps its meaning: the compiler prints the author's words as written and never
 * capitalises them into a defined term, while references the author wrote as references (party
 * names, roles, a `define`'s name in a field) become the defined terms they refer to.
 */
function contract(means: string, must: string): string {
  return `contract "Supply Agreement" {
  kind: supply
  effective: 2026-04-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}

party acme "Acme Components Ltd." {
  role: supplier
  jurisdiction: JP
}

party zen "Zen Motors Corporation" {
  role: buyer
  jurisdiction: JP
}

define annual_volume "Annual Volume" {
  means: ${JSON.stringify(means)}
}

product widget "Widget" {
  unit: piece
  supplied_by: supplier
}

pricing widget_price for widget {
  basis: annual_volume
  tier 1 ..: USD 10.00
}

obligation report "Reports" {
  party: supplier
  must: ${JSON.stringify(must)}
  by: 2027-03-31
}
`;
}

function markdown(means: string, must = "deliver a report"): string {
  const checked = checkText(contract(means, must));
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return compile(checked, { to: "markdown" });
}

/** Phrases that name other things than this Agreement's defined terms, or ordinary words. */
const writtenAsIs = [
  "units delivered from the effective date of that agreement",
  "units sold by the supplier of the buyer's distributor",
  "units bought by any party to the framework agreement",
  "units bought by a buyer in the secondary market",
  "units bought by each party of the consortium",
  "units supplied under this agreement's predecessor",
  "units counted by either party's auditor",
  "units counted in a contract year of the parent's ledger",
  "units sold in THE AGREEMENT territory",
  "units sold by the Supplierside subsidiary",
];

describe("author text keeps its meaning", () => {
  it.each(writtenAsIs)("prints %j exactly as written", (phrase) => {
    const text = markdown(phrase);
    expect(text).toContain(`**"Annual Volume"** means ${phrase};`);
  });

  it("prints the issue's example without turning a third party's date into the Effective Date", () => {
    const text = markdown("units delivered from the effective date of that agreement");
    expect(text).toContain("from the effective date of that agreement");
    expect(text).not.toContain("from the Effective Date of that agreement");
  });

  it("keeps obligation text as written", () => {
    const text = markdown("units delivered", "send the buyer's parent a copy of this agreement");
    expect(text).toContain("send the buyer's parent a copy of this agreement");
  });

  it("keeps a term the author wrote with its capitals, and defines it because it is used", () => {
    const text = markdown("units delivered after the Effective Date");
    expect(text).toContain(`**"Annual Volume"** means units delivered after the Effective Date;`);
    expect(text).toMatch(/\*\*"Effective Date"\*\* (means|has the meaning)/);
  });

  it("does not define a standard term that only appears in lower case", () => {
    const text = markdown("units delivered after the effective date of the parent's contract");
    expect(text).not.toMatch(/\*\*"Effective Date"\*\* means/);
  });

  it.each([
    ["a party reference by role", "The Supplier shall deliver a report"],
    ["a define's name in a field", "Annual Volume"],
  ])("turns %s into its defined term", (_, expected) => {
    expect(markdown("units delivered")).toContain(expected);
  });
});
