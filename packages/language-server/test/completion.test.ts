import { describe, expect, it } from "vitest";
import { InsertTextFormat, type CompletionItem } from "vscode-languageserver";
import { actionVerbs, actionVocabulary } from "@covenant/core";
import { completion } from "../src/features/completion.js";
import { contract, TestProject } from "./support.js";

function complete(source: string, snippets = false): CompletionItem[] {
  const project = new TestProject({ "main.contract": source });
  project.open("main.contract");
  return completion(project.checked("main.contract"), project.params("main.contract"), { snippets }).items;
}
const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

describe("completion", () => {
  it("offers declaration kinds and import at the top level, each described", () => {
    const items = complete(`${contract}\npro<|>`);
    expect(labels(items)).toEqual(expect.arrayContaining(["party", "product", "pricing", "force_majeure", "termination", "import"]));
    expect(items.find((i) => i.label === "kpi")?.documentation).toBe("A measured obligation with a target, penalties and bonuses.");
    expect(items.find((i) => i.label === "pro")).toBeUndefined();
  });

  it("offers snippets for every declaration kind when the client takes them", () => {
    const items = complete(`${contract}\n<|>`, true);
    const pricing = items.find((i) => i.label === "pricing")!;
    expect(pricing.insertTextFormat).toBe(InsertTextFormat.Snippet);
    expect(pricing.textEdit?.newText).toBe(
      "pricing ${1:name} for ${2:product} {\n\tbasis: ${3|annual_volume,order_volume,cumulative_volume|}\n}",
    );
  });

  it("offers the fields the kind allows and has not used yet, required first", () => {
    const items = complete(`${contract}\nlicense bms "BMS" {\n  licensor: supplier\n  <|>\n}\n`);
    const names = labels(items);
    expect(names).toContain("licensee");
    expect(names).toContain("territory");
    expect(names).toContain("escrow");
    expect(names).toContain("royalty");
    expect(names).not.toContain("licensor");
    const licensee = items.find((i) => i.label === "licensee")!;
    expect(licensee.textEdit?.newText).toBe("licensee: ");
    expect(licensee.detail).toBe("reference to a party · required");
    expect(licensee.sortText! < items.find((i) => i.label === "survives")!.sortText!).toBe(true);
  });

  it("offers a block given once only while it is not there yet; a block that may repeat always (CV302)", () => {
    const kpi = labels(complete(`${contract}\nkpi k "K" {\n  measure: percent\n  bonus {\n    rate: 1% of invoice\n  }\n  <|>\n}\n`));
    expect(kpi).toContain("penalty");
    expect(kpi).not.toContain("bonus");
    const pricing = labels(complete(`${contract}\npricing p for x {\n  index a "A" {\n    weight: 10%\n  }\n  <|>\n}\n`));
    expect(pricing).toContain("index");
  });

  it("offers the fields of a nested block", () => {
    const items = complete(`${contract}\nkpi k "K" {\n  measure: percent\n  penalty {\n    rate: 1% of invoice\n    <|>\n  }\n}\n`);
    expect(labels(items).sort()).toEqual(["cap", "per"]);
  });

  it("offers references of the kind the field expects, and party roles", () => {
    const items = complete(`${contract}\nproduct airbag "Airbag" {\n  unit: module\n  supplied_by: sup<|>\n}\n`);
    const names = labels(items);
    expect(names).toEqual(expect.arrayContaining(["supplier", "buyer", "licensor"]));
    expect(names).not.toContain("airbag");
    expect(items.find((i) => i.label === "buyer")?.detail).toBe("party — Buyer Co.");
    expect(items.find((i) => i.label === "licensor")?.detail).toBe("the party whose role is licensor");
    // The word being typed is replaced.
    expect(items[0]!.textEdit).toMatchObject({ range: { start: { character: 15 }, end: { character: 18 } } });
  });

  it("offers the subject after 'for' in a header", () => {
    const items = complete(`${contract}\nproduct airbag "Airbag" {\n  unit: module\n  supplied_by: supplier\n}\npricing p for <|>`);
    expect(labels(items)).toEqual(["airbag"]);
  });

  it("offers enum values", () => {
    const items = complete(`${contract}\nkpi k "K" {\n  measure: <|>\n}\n`);
    expect(labels(items)).toEqual(["percent", "ppm", "days", "hours", "count", "tco2e_per_unit"]);
    expect(items[0]!.textEdit!.newText).toBe("percent");
  });

  it("puts a space before a value completed right after the colon", () => {
    const items = complete(`${contract}\nkpi k "K" {\n  measure:<|>\n}\n`);
    expect(items[0]!.textEdit!.newText).toBe(" percent");
  });

  it("offers ISO currencies with names, the contract's first", () => {
    const items = complete(`${contract}\nmilestone m "M" {\n  due: 2026-10-01\n  payment: <|>\n}\n`);
    const usd = items.find((i) => i.label === "USD")!;
    expect(usd.detail).toBe("US Dollar");
    expect(usd.preselect).toBe(true);
    expect(labels(items)).toContain("JPY");
  });

  it("offers ISO country codes with names, in lists too", () => {
    const jurisdiction = complete(contract.replace("jurisdiction: CN", "jurisdiction: <|>"));
    expect(jurisdiction.find((i) => i.label === "DE")?.detail).toBe("Germany");
    const territory = complete(`${contract}\nlicense l "L" {\n  territory: [CN, <|>\n}\n`);
    expect(labels(territory)).toContain("JP");
    expect(labels(territory)).not.toContain("worldwide");
  });

  it("offers units after a number, and duration units for durations", () => {
    expect(labels(complete(contract.replace("term: 5 years", "term: 5 <|>")))).toEqual([
      "hours",
      "days",
      "business_days",
      "weeks",
      "months",
      "years",
    ]);
    const units = labels(complete(`${contract}\nevent e "E" {\n  unit: <|>\n}\n`));
    expect(units).toEqual(expect.arrayContaining(["module", "kg", "hours"]));
  });

  it("offers the words of a phrase: share bases, condition forms and their references", () => {
    expect(labels(complete(`${contract}\nkpi k "K" {\n  penalty {\n    rate: 0.5% of <|>\n  }\n}\n`))).toEqual([
      "invoice",
      "price",
      "contract_value",
      "net_sales",
      "milestone_payment",
    ]);
    const causes = labels(complete(`${contract}\nkpi defects "D" {\n  measure: ppm\n}\ntermination {\n  cause: <|>\n}\n`));
    expect(causes).toEqual(expect.arrayContaining(["breach of", "insolvency of", "missed"]));
    expect(labels(complete(`${contract}\nkpi defects "D" {\n  measure: ppm\n}\ntermination {\n  cause: breach of <|>\n}\n`))).toEqual([
      "defects",
    ]);
  });

  it("offers escalation actions on a step and parties after them", () => {
    expect(labels(complete(`${contract}\nescalation ladder "L" {\n  step day 5: <|>\n}\n`))).toEqual([
      ...["notify", "corrective_action", "review", "step_in", "terminate", "mediation", "arbitration"],
    ]);
    expect(labels(complete(`${contract}\nescalation ladder "L" {\n  step day 5: review by <|>\n}\n`))).toContain("supplier");
  });

  it("offers the verbs of the action vocabulary, then the objects the verb takes", () => {
    const kpi = (remedy: string): string =>
      `${contract}\nkpi k "K" {\n  measure: percent\n  target: >= 98%\n  period: monthly\n  remedy: ${remedy}\n}\n`;
    expect(labels(complete(kpi("<|>")))).toEqual([...actionVerbs]);
    expect(labels(complete(kpi("suspend <|>")))).toEqual([...actionVocabulary.suspend.objects]);
    expect(labels(complete(kpi("audit <|>")))).toEqual([...actionVocabulary.audit.objects, "by", "within"]);
  });

  it("offers nothing inside a comment or text", () => {
    expect(complete(`${contract}\n// par<|>`)).toEqual([]);
    expect(complete(contract.replace('"Japan"', '"Jap<|>an"'))).toEqual([]);
  });
});

describe("completion while a member is being typed", () => {
  it("takes a lone word in a body for the start of a field", () => {
    const items = complete(`${contract}\nlicense bms "BMS" {\n  licensor: supplier\n  lic<|>\n}\n`);
    expect(labels(items)).toContain("licensee");
    expect(labels(items)).not.toContain("licensor");
  });
});
