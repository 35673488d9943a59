import { describe, expect, it } from "vitest";
import type { MarkupContent } from "vscode-languageserver";
import { hover } from "../src/features/hover.js";
import { contract, exampleProject, TestProject } from "./support.js";

const text = (h: ReturnType<typeof hover>): string => (h?.contents as MarkupContent | undefined)?.value ?? "";

describe("hover", () => {
  it("shows a reference's declaration, doc comment and typed fields", () => {
    const project = new TestProject({
      "main.contract": `${contract}
/// The driver airbag module.
product airbag "Driver Airbag Module" {
  unit: module
  supplied_by: supp<|>lier
}
pricing airbag_price for air<|>bag {
  basis: annual_volume
  tier 1 .. 9_999: USD 182.00
}
`,
    });
    project.open("main.contract");
    const onParty = text(hover(project.checked("main.contract"), project.params("main.contract", 0)));
    expect(onParty).toContain("**party** `supplier`");
    expect(onParty).toContain('"Supplier Co."');
    expect(onParty).toContain("- role: supplier");
    expect(onParty).toContain("- jurisdiction: JP (Japan)");
    const onProduct = text(hover(project.checked("main.contract"), project.params("main.contract", 1)));
    expect(onProduct).toContain("The driver airbag module.");
    expect(onProduct).toContain("- unit: module");
  });

  it("shows a tier's band, width and price in the product's unit", () => {
    const project = new TestProject({
      "main.contract": `${contract}
product airbag "Airbag" {
  unit: module
  supplied_by: supplier
}
pricing airbag_price for airbag {
  basis: annual_volume
  ti<|>er 1 .. 9_999: USD 182.00
  tier 10_000 ..: USD 171.50
}
`,
    });
    project.open("main.contract");
    const shown = text(hover(project.checked("main.contract"), project.params("main.contract")));
    expect(shown).toContain("**tier** row");
    expect(shown).toContain("Band volumes: zero or more; amounts: more than zero.");
    expect(shown).toContain("Band 1 to 9,999 module — 9,999 module wide; price USD 182.00 (US Dollar) per module");
  });

  it("shows a duration in days, counted from the effective date", () => {
    const project = new TestProject({ "main.contract": contract.replace("term: 5 years", "term: 5 ye<|>ars") });
    project.open("main.contract");
    const shown = text(hover(project.checked("main.contract"), project.params("main.contract")));
    expect(shown).toContain("**term**: duration (required)");
    expect(shown).toContain("How long the agreement runs from the effective date. Durations: more than zero.");
    // 2026-04-01 to 2031-04-01.
    expect(shown).toContain("Value: 5 years = 1,826 days from the effective date");
  });

  it("shows percentages, shares and rates as a person reads them", () => {
    const project = new TestProject({
      "main.contract": `${contract}
kpi k "K" {
  measure: percent
  penalty {
    ra<|>te: 0.5% of invoice
    per: 1% below target
    c<|>ap: 5% of invoice
  }
}
commitment c {
  party: buyer
  product: p
  mini<|>mum: 400_000 module per year
}
`,
    });
    project.open("main.contract");
    const at = (i: number): string => text(hover(project.checked("main.contract"), project.params("main.contract", i)));
    expect(at(0)).toContain("Value: 0.5% of the invoice");
    expect(at(1)).toContain("Value: 5% of the invoice");
    expect(at(2)).toContain("Value: 400,000 module per year");
  });

  it("names an ISO code under the cursor", () => {
    const project = new TestProject({ "main.contract": contract.replace("jurisdiction: CN", "jurisdiction: C<|>N") });
    project.open("main.contract");
    expect(text(hover(project.checked("main.contract"), project.params("main.contract")))).toContain("`CN`: People's Republic of China");
  });

  it("explains a field name from the kind schema", () => {
    const project = new TestProject({ "main.contract": contract.replace("governing_law:", "govern<|>ing_law:") });
    project.open("main.contract");
    const shown = text(hover(project.checked("main.contract"), project.params("main.contract")));
    expect(shown).toContain("**governing_law**: text (required)");
    expect(shown).toContain("The law that governs the agreement.");
  });

  it("shows a party named by its role", () => {
    const project = new TestProject({ "lib.contract": `milestone m "M" {\n  due: 2026-10-01\n  responsible: sup<|>plier\n}\n` });
    project.open("lib.contract");
    expect(text(hover(project.checked("lib.contract"), project.params("lib.contract")))).toContain("the party whose role is supplier");
  });

  it("follows a reference into an imported file and shows the clause as it will read", () => {
    const project = exampleProject();
    project.open("supply-agreement.contract");
    const view = project.checked("supply-agreement.contract");
    const text0 = view.parsed.text;
    const at = text0.indexOf("on_miss: ladder") + "on_miss: la".length;
    const position = { line: view.parsed.lines.positionAt(at).line - 1, character: view.parsed.lines.positionAt(at).column - 1 };
    const shown = text(hover(view, { textDocument: { uri: view.uri }, position }));
    expect(shown).toContain("**escalation** `ladder`");
    expect(shown).toContain("- step day 15: corrective action by supplier");
    expect(shown).toContain("*As it will read:*");
  });

  it("returns null on blank space", () => {
    const project = new TestProject({ "main.contract": `${contract}\n<|>\n` });
    project.open("main.contract");
    expect(hover(project.checked("main.contract"), project.params("main.contract"))).toBeNull();
  });
});

describe("hover keeps author text inert", () => {
  it("escapes a title, a doc comment and a text value: no link, HTML, heading or line break of the author's", () => {
    const project = new TestProject({
      "main.contract": `${contract}
/// # Heading [click](javascript:alert(1)) <img src=x onerror=alert(1)>
party acme "Acme [x](javascript:alert(1)) <script>alert(1)</script> | \`code\`" {
  role: buyer
  jurisdiction: JP
  address: "1 Main St\\n\\n## 9. Signing Bonus"
}
obligation report "Report" {
  party: ac<|>me
  must: "send a report"
  within: 10 days
}
`,
    });
    project.open("main.contract");
    const shown = text(hover(project.checked("main.contract"), project.params("main.contract")));
    const unescaped = shown.replace(/\\[\s\S]/g, "").replace(/`[^`\n]*`/g, "");
    expect(unescaped).not.toMatch(/[<[\]]/);
    expect(shown).not.toMatch(/^#+ .*(Signing Bonus|Heading)/m);
    expect(shown).toContain("Acme \\[x\\](javascript:alert(1)) \\<script\\>alert(1)\\</script\\> \\| \\`code\\`");
    expect(shown).toContain("\\# Heading \\[click\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\>");
    expect(shown).toContain('address: "1 Main St \\#\\# 9. Signing Bonus"');
  });
});

describe("hover on hostile sizes", () => {
  it("a cause of 70,000 terms: a bounded answer, no stack overflow", { timeout: 60_000 }, () => {
    const cause = Array.from({ length: 70_000 }, (_, i) => (i % 2 ? "insolvency of buyer" : "insolvency of supplier")).join(" and ");
    const project = new TestProject({ "main.contract": `${contract}\ntermi<|>nation {\n  ca<|>use: ${cause}\n}\n` });
    project.open("main.contract");
    const onBlock = text(hover(project.checked("main.contract"), project.params("main.contract", 0)));
    expect(onBlock).toContain("**termination**");
    expect(onBlock).toContain("*As it will read:*");
    expect(onBlock.length).toBeLessThan(6_000);
    const onField = text(hover(project.checked("main.contract"), project.params("main.contract", 1)));
    expect(onField).toContain("**cause**");
    expect(onField.length).toBeLessThan(2_000);
  });

  it("a pricing of 150,000 tiers: the summary shows a screenful and says how many more", { timeout: 120_000 }, () => {
    const tiers = Array.from({ length: 150_000 }, (_, i) => `  tier ${i * 10 + 1} .. ${i * 10 + 10}: USD ${200_000 - i}.00`).join("\n");
    const project = new TestProject({
      "main.contract": `${contract}
product airbag "Airbag" {
  unit: module
  supplied_by: supplier
}
pricing airbag_pr<|>ice for airbag {
  basis: order_volume
${tiers}
}
`,
    });
    project.open("main.contract");
    const shown = text(hover(project.checked("main.contract"), project.params("main.contract")));
    expect(shown).toContain("**pricing** `airbag_price`");
    expect(shown).toContain("- … 149986 more");
    expect(shown.length).toBeLessThan(6_000);
  });
});
