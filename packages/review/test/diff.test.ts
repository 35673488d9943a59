import { describe, expect, it } from "vitest";
import { diffDocuments, renderDiffJson, renderDiffMarkdown, renderDiffText, type TermDiff } from "../src/index.js";
import { checkText, example } from "./documents.js";

const supply = example("supply-agreement");

function diff(before: string, after: string): TermDiff {
  const a = checkText(before);
  const b = checkText(after);
  expect(a.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(b.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return diffDocuments(a, b, { old: "old", new: "new" });
}

function lines(d: TermDiff): string[] {
  return renderDiffText(d).split("\n").slice(1, -3);
}

describe("term diff", () => {
  it("pairs a tier whose band moved with the tier in the same place", () => {
    const d = diff(
      supply,
      supply
        .replace("tier 10_000 .. 49_999: USD 171.50", "tier 10_000 .. 39_999: USD 171.50")
        .replace("tier 50_000 ..:", "tier 40_000 ..:"),
    );
    expect(lines(d)).toEqual([
      "pricing airbag_price",
      "  ~ tier 10,000–49,999 → 10,000–39,999 modules: USD 171.50   material",
      "  ~ tier 50,000+ → 40,000+ modules: USD 165.00   material",
    ]);
  });

  it("pairs an escalation step that moved to another day by its action", () => {
    const d = diff(supply, supply.replace("step day 45: review by steering_committee", "step day 30: review by steering_committee"));
    expect(lines(d)).toEqual(["escalation ladder", "  ~ step day 45 → 30: review by steering_committee"]);
  });

  it("finds a rename by the body and reads references to it with the new name", () => {
    const d = diff(
      supply,
      supply
        .replace("milestone sop ", "milestone start_of_production ")
        .replace("kpi defects ", "kpi defect_rate ")
        .replace("breach of defects", "breach of defect_rate"),
    );
    expect(d.declarations.map((x) => [x.status, x.kind, x.oldName, x.name])).toEqual([
      ["renamed", "kpi", "defects", "defect_rate"],
      ["renamed", "milestone", "sop", "start_of_production"],
    ]);
    expect(d.summary.changes).toBe(2);
  });

  it("lists every term of an added or removed declaration", () => {
    const d = diff(supply, supply.replace(/kpi on_time[\s\S]*?\n}\n\n/, ""));
    expect(d.declarations).toHaveLength(1);
    expect(d.declarations[0]).toMatchObject({ status: "removed", kind: "kpi", name: "on_time", material: true });
    expect(d.declarations[0]!.changes.map((c) => c.path)).toContain("penalty / cap");
  });

  it("says who a change favours: removing a KPI's cap favours its beneficiary, a shorter licence term the licensor", () => {
    const d = diff(supply, supply.replace("    cap: USD 50_000\n", "").replace("term: 7 years", "term: 60 months"));
    const changes = d.declarations.flatMap((x) => x.changes);
    expect(changes.find((c) => c.path === "penalty / cap")).toMatchObject({
      change: "removed",
      favours: { role: "buyer", party: "buyer" },
      reason: "removing the penalty cap favours the buyer",
    });
    expect(changes.find((c) => c.path === "term")).toMatchObject({ favours: { role: "licensor" }, material: true });
  });

  it("ignores comments, doc comments, layout, order and digit grouping", () => {
    const relaid = supply
      .replace("/// Interior safety", "/// Changed doc comment.\n/// Interior safety")
      .replace("USD 1_200_000", "USD 1200000.00")
      .replace("  weight: 35%\n", "  weight: 35.0%   // a note\n");
    const moved = relaid
      .replace(/(event port_closure[\s\S]*?\n}\n)/, "")
      .concat("\n", /(event port_closure[\s\S]*?\n}\n)/.exec(supply)![1]!);
    expect(diff(supply, moved).declarations).toEqual([]);
  });

  it("renders Markdown and JSON with the same changes", () => {
    const d = diff(supply, supply.replace("exclusive: false", "exclusive: true"));
    expect(renderDiffMarkdown(d)).toContain("| ⚠️ material | `licence bms` | exclusive | false | true | licensee |");
    const json = JSON.parse(renderDiffJson(d));
    expect(json.equal).toBe(false);
    expect(json.declarations[0].changes[0]).toMatchObject({
      change: "changed",
      path: "exclusive",
      old: { text: "false", value: { kind: "bool", value: false } },
      new: { text: "true", value: { kind: "bool", value: true } },
      material: true,
      favours: { role: "licensee", party: "buyer" },
    });
  });
});
