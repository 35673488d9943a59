import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDocument, compile, en, renderText, type Clause } from "../src/index.js";
import { checkFile, checkText, exampleContracts, examplesDir } from "./examples.js";

const example = (name: string) => checkFile(join(examplesDir, `${name}.contract`));
const markdown = (name: string) => compile(example(name), { to: "markdown" });

describe("legal prose", () => {
  it("numbers clauses 1, 2, ... and sub-clauses 1.1, 1.2 in order, with Parties and Definitions first", () => {
    const document = buildDocument(example("supply-agreement"), en);
    expect(document.clauses.map((c) => c.number)).toEqual(document.clauses.map((_, i) => String(i + 1)));
    expect(document.clauses.slice(0, 3).map((c) => c.title)).toEqual(["Parties", "Definitions and Interpretation", "Term and Renewal"]);
    expect(document.clauses.at(-1)!.title).toBe("Governing Law");
    const check = (clause: Clause): void => clause.clauses.forEach((sub, i) => expect(sub.number).toBe(`${clause.number}.${i + 1}`));
    document.clauses.forEach(check);
  });

  it("introduces defined terms in quotes where they are defined and lists them in Definitions", () => {
    const text = markdown("supply-agreement");
    expect(text).toContain(`Toyoda Gosei Co., Ltd., a company incorporated under the laws of Japan (the **"Supplier"**).`);
    expect(text).toContain(`**"Supplier"** has the meaning given in Clause 1.1;`);
    expect(text).toContain(`**"Contract Year"** means each period of twelve (12) months starting on the Effective Date`);
  });

  it("prints defined terms the author writes with their capitals as written", () => {
    const text = markdown("preferred-supplier");
    expect(text).toContain(
      `**"Annual Volume"** means the number of units of a product called off by the Buyer and delivered in one Contract Year;`,
    );
  });

  it("writes numbers, money, percentages and dates in legal style", () => {
    const text = markdown("supply-agreement");
    expect(text).toContain("continues for an initial term of five (5) years");
    expect(text).toContain("at least ninety (90) days before the end of the then-current term");
    expect(text).toContain("the Buyer shall pay the Supplier USD 1,200,000.00");
    expect(text).toContain("Thirty-five per cent (35%) of the price of the Driver Airbag Module");
    expect(text).toContain("with effect from 1 April 2026");
    expect(markdown("preferred-supplier")).toContain("| 1 | 2,400 to 299,999 | JPY 1,480 |");
  });

  it("states the price bands as a table and the sentence that says which band applies", () => {
    const text = markdown("supply-agreement");
    expect(text).toContain(
      "The price of the Driver Airbag Module is the price per module set out in the table below for the band that contains",
    );
    expect(text).toContain("| 3 | 50,000 or more | USD 165.00 |");
    expect(text).toContain("A price adjusted under Clause 5.2 is rounded to two (2) decimal places, halves being rounded up.");
  });

  it("resolves cross-references to clause numbers", () => {
    const text = markdown("supply-agreement");
    expect(text).toContain("the escalation procedure in Clause 10.1 (Missed Milestone Escalation) applies");
    expect(text).toContain("fails to meet the Defect Rate target in Clause 8.2 in three (3) consecutive calendar months");
  });

  it("writes force-majeure triggers as thresholds with their evidence, library events where they are used", () => {
    const text = markdown("preferred-supplier");
    expect(text).toContain(
      `(a) an **"Earthquake"**, measured by level, as evidenced by seismic intensity recorded at the station nearest the affected plant`,
    );
    expect(text).toContain(
      "(c) a Typhoon Alert at level four (4) or higher occurs and a Port Closure lasting ninety-six (96) hours or more occurs.",
    );
    expect(text).not.toContain("Pandemic Closure Order");
    expect(text).not.toContain("Standard Escalation");
  });

  it("writes licence grants with territory names, exclusivity, sublicensing, term, derivatives and escrow", () => {
    const text = markdown("licence-tech-transfer");
    expect(text).toContain(`The Licensor grants to the Licensee an exclusive licence (the **"Cell-to-Pack Design Licence"**)`);
    expect(text).toContain("in the People's Republic of China, Thailand and Malaysia.");
    expect(text).toContain("The Licensee may grant sublicences under the Cell-to-Pack Design Licence.");
    expect(text).toContain("are owned jointly by the Licensor and the Licensee");
    expect(text).toContain("deposit the source code, the build environment and the documentation");
    expect(text).toContain("with the Escrow Agent");
  });

  it("puts a library ladder where a milestone uses it, after the agreement's own ladders", () => {
    const text = markdown("joint-development");
    expect(text).toContain("the escalation procedure in Clause 11.2 (Standard Escalation) applies");
    expect(text.indexOf("**11.1 Development Gate Escalation.**")).toBeGreaterThan(0);
    expect(text.indexOf("**11.2 Standard Escalation.**")).toBeGreaterThan(text.indexOf("**11.1 Development Gate Escalation.**"));
  });

  it("states combined and negated conditions, and gives the right to terminate to the other side of the fault", () => {
    const text = markdown("licence-tech-transfer");
    expect(text).toContain(
      "The Escrow Agent shall release the deposit to the Licensee if the Licensor becomes insolvent, or both the Licensor fails to perform its Support and Maintenance obligation in Clause 6.2 within the time required and the Licensee is not in breach of its Royalty Reports obligation in Clause 6.3.",
    );
    expect(text).toContain(
      "Any Party may terminate this Agreement with immediate effect by written notice to the other Parties if another Party becomes insolvent.",
    );
    expect(markdown("joint-development")).toContain(
      "The Buyer may terminate this Agreement with immediate effect by written notice to the Supplier if the Supplier becomes insolvent or the Guarantor becomes insolvent.",
    );
  });

  it("never prints comments or doc comments", () => {
    for (const path of exampleContracts()) {
      const source = readFileSync(path, "utf8");
      const comments = [...source.matchAll(/\/\/\/?(.*)/g)].map((m) => m[1]!.trim()).filter((c) => c.length > 15);
      const checked = checkFile(path);
      for (const format of ["markdown", "text", "html", "json"] as const) {
        const output = compile(checked, { to: format }).replace(/\s+/g, " ");
        for (const comment of comments) expect(output, `${path} ${format}`).not.toContain(comment);
      }
    }
  });

  it("gives byte-identical output for identical input", () => {
    for (const path of exampleContracts()) {
      for (const format of ["markdown", "text", "html", "json"] as const) {
        expect(compile(checkFile(path), { to: format })).toBe(compile(checkFile(path), { to: format }));
      }
    }
  });

  it("wraps plain text at the width asked for", () => {
    for (const path of exampleContracts()) {
      const document = buildDocument(checkFile(path), en);
      for (const width of [40, 60, 80, 132]) {
        const lines = renderText(document, { width }).split("\n");
        const longest = Math.max(...lines.map((l) => l.length));
        expect(longest, `${path} at ${width}`).toBeLessThanOrEqual(width);
        expect(lines.every((l) => l === l.trimEnd())).toBe(true);
      }
    }
  });

  it("writes one self-contained HTML file with print CSS", () => {
    const html = compile(example("supply-agreement"), { to: "html" });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
    expect(html).toContain("size: A4;");
    expect(html).toContain('@top-center { content: "Interior Safety Systems Supply Agreement"');
    expect(html).toContain('counter(page) " of " counter(pages)');
    expect(compile(example("supply-agreement"), { to: "html", paper: "letter" })).toContain("size: letter;");
  });

  it("takes its wording from the table of the language asked for", () => {
    const checked = example("supply-agreement");
    expect(compile(checked, { to: "markdown", language: "en-GB" })).toBe(compile(checked, { to: "markdown" }));
    expect(() => compile(checked, { to: "markdown", language: "fr" })).toThrow("no wording table for language 'fr'");
  });

  it("names parties by their own name when two share a role", () => {
    const checked = checkText(`
contract "Joint Venture Agreement" {
  kind: joint_venture
  effective: 2026-01-01
  term: 10 years
  governing_law: "Singapore"
  currency: USD
}
party alpha "Alpha Pte. Ltd." {
  role: venture_partner
  jurisdiction: SG
}
party beta "Beta Ltd." {
  role: venture_partner
  jurisdiction: GB
}
termination {
  cause: insolvency of alpha
  convenience: beta with notice 1 year
}
`);
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const text = compile(checked, { to: "markdown" });
    expect(text).toContain(`Alpha Pte. Ltd., a company incorporated under the laws of Singapore (**"Alpha"**, a venture partner).`);
    expect(text).toContain("incorporated under the laws of the United Kingdom");
    expect(text).toContain(
      "Beta may terminate this Agreement with immediate effect by written notice to Alpha if Alpha becomes insolvent.",
    );
    expect(text).toContain("at least one (1) year's written notice");
  });
  it("states a minimum per year measured quarterly as the quarter's amount, with the rate it comes from", () => {
    const fuel = (minimum: string, period: string) =>
      checkText(`
contract "Fuel Supply Agreement" {
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
`);
    const quarterly = fuel("8_000_000 litre per year", "quarterly");
    expect(quarterly.ok).toBe(true);
    expect(compile(quarterly, { to: "markdown" })).toContain(
      "The Buyer shall order at least two million (2,000,000) litres of the Diesel in each calendar quarter (being eight million (8,000,000) litres per year, pro rata).",
    );
    expect(compile(fuel("8_000_000 litre per year", "annually"), { to: "markdown" })).toContain(
      "The Buyer shall order at least eight million (8,000,000) litres of the Diesel in each",
    );
    expect(fuel("100_000 litre per week", "monthly").diagnostics.map((d) => d.code)).toEqual(["CV406"]);
  });
});
