import { describe, expect, it } from "vitest";
import { actionSpec, actionVerbs, escalationActions } from "@covenant/core";
import { compile, en } from "../src/index.js";
import { actionHeader as header, checkText } from "./examples.js";

/**
 * Every term an action holds reaches the prose: the verb with its object, the party it names
 * (`by PARTY`, as its defined term), how long it lasts (`for`) and the time it is taken in
 * (`within`), both in words and figures. Walked over the whole action vocabulary, in each place an
 * action is written (relief, contingency, KPI remedy, escalation step), with every combination of
 * the optional parts. A combination the checker refuses is not printed, so it passes; one that
 * checks clean must state everything it holds.
 */

type Place = "relief" | "contingency" | "remedy" | "step";

/** One place an action is written, as a contract around it. */
const contracts: Readonly<Record<Place, (action: string) => string>> = {
  relief: (action) => `${header}force_majeure fm "Force Majeure" {\n  trigger port_closure >= 72 hours\n  relief: ${action}\n}\n`,
  contingency: (action) =>
    `${header}force_majeure fm "Force Majeure" {\n  trigger port_closure >= 72 hours\n  relief: suspend delivery\n  contingency: ${action}\n}\n`,
  remedy: (action) =>
    `${header}kpi on_time "On-Time Delivery" {\n  measure: percent\n  target: >= 98%\n  period: monthly\n  obligor: supplier\n  remedy: ${action}\n}\n`,
  step: (action) =>
    `${header}escalation ladder "Delivery Escalation" {\n  step day 0: ${action}\n}\nmilestone tooling "Tooling Approval" {\n  due: 2026-09-01\n  on_miss: ladder\n}\n`,
};

/** The sentence the action is printed in, in a contract that must check clean: the clause's paragraph (or the ladder's table row). */
function sentence(place: Place, text: string): string | undefined {
  const checked = checkText(text);
  expect(checked.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return sentenceOf(place, compile(checked, { to: "text", width: 10_000 }));
}

/** The line of `prose` (text, unwrapped) that prints the action written at `place`. */
function sentenceOf(place: Place, prose: string): string | undefined {
  const lines = prose.split("\n");
  if (place === "step") return lines.find((line) => /^\s*\|?\s*0\s*\|/.test(line) || /^\s*0\s{2,}\S/.test(line));
  const anchor = place === "remedy" ? "does not meet the target" : place === "relief" ? " may " : " shall ";
  return lines.find((line) => line.includes(anchor) && (place === "remedy" || line.includes("Force Majeure Event")));
}

const errors = (text: string): string[] =>
  checkText(text)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => d.code);

interface Parts {
  readonly party: boolean;
  readonly within: boolean;
  readonly for: boolean;
}
/** No optional part, each part alone, and all of them. */
const combinations: readonly Parts[] = [
  { party: false, within: false, for: false },
  { party: true, within: false, for: false },
  { party: false, within: true, for: false },
  { party: false, within: false, for: true },
  { party: true, within: true, for: true },
];
const written = (verb: string, object: readonly string[], parts: Parts): string =>
  [
    verb,
    ...object,
    ...(parts.party ? ["by buyer"] : []),
    ...(parts.for ? ["for 3 months"] : []),
    ...(parts.within ? ["within 7 days"] : []),
  ].join(" ");

/** Each verb with its first object (actions.test.ts walks every object of every verb). */
const phrases = actionVerbs.map((verb) => {
  const spec = actionSpec(verb)!;
  return { verb, object: spec.objects.length === 0 || spec.objectOptional ? ([] as string[]) : [spec.objects[0]!] };
});

const cases: [string, Place, string, readonly string[]][] = [
  ...(["relief", "contingency", "remedy"] as const).flatMap((place) =>
    phrases.map(
      (p) => [`${place}: ${[p.verb, ...p.object].join(" ")}`, place, p.verb, p.object] as [string, Place, string, readonly string[]],
    ),
  ),
  ...escalationActions.map((verb) => [`step: ${verb}`, "step", verb, []] as [string, Place, string, readonly string[]]),
];

describe("every term of an action is in the prose", () => {
  it.each(cases)("%s, with each combination of party, for and within", (_name, place, verb, object) => {
    const printed = new Map<string, string>();
    for (const parts of combinations) {
      const text = contracts[place](written(verb, object, parts));
      const checked = checkText(text);
      // Only a part may be refused; the action without any checks clean everywhere.
      if (parts.party || parts.within || parts.for) {
        if (checked.diagnostics.some((d) => d.severity === "error")) continue;
      } else expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const line = sentenceOf(place, compile(checked, { to: "text", width: 10_000 }));
      expect(line, `${written(verb, object, parts)} is printed`).toBeDefined();
      const key = JSON.stringify(parts);
      if (place !== "step") expect(line).toContain(en.actionPhrase(verb, object));
      if (parts.for) expect(line).toContain("three (3) months");
      else expect(line).not.toContain("three (3) months");
      if (parts.within) expect(line).toContain("seven (7) days");
      else expect(line).not.toContain("seven (7) days");
      if (parts.party) expect(line).toContain("Buyer");
      printed.set(key, line!);
    }
    // Every combination that checks clean reads differently: no part is lost (the party too, which
    // the assertions above cannot tell from a counterparty named anyway).
    expect(new Set(printed.values()).size).toBe(printed.size);
  });

  it("states the durations and party of the actions reported lost (issue 10 QA 1)", () => {
    const text = `${header}force_majeure fm "Force Majeure" {
  trigger port_closure >= 72 hours
  relief: suspend delivery within 60 days
  contingency: dual_source by supplier within 30 days
}
kpi defects "Defect Rate" {
  measure: ppm
  target: <= 50 ppm
  period: monthly
  obligor: supplier
  remedy: corrective_action for 10 days
}
escalation ladder "Escalation" {
  step day 0: notify supplier
  step day 15: corrective_action by supplier within 5 days
}
milestone tooling "Tooling Approval" {
  due: 2026-09-01
  on_miss: ladder
}
`;
    expect(errors(text)).toEqual([]);
    const prose = compile(checkText(text), { to: "text", width: 10_000 }).replace(/[ |]+/g, " ");
    expect(prose).toContain("Within sixty (60) days after a Force Majeure Event begins, the Party affected by it may suspend delivery.");
    expect(prose).toContain(
      "Within thirty (30) days after a Force Majeure Event begins, the Supplier shall qualify and use a second source of supply.",
    );
    expect(prose).toContain("the Supplier shall submit and carry out a corrective action plan for a period of ten (10) days.");
    expect(prose).toContain("The Supplier shall submit and carry out a corrective action plan within five (5) days after that day.");
  });

  it("words `for` on a relief as a limit and on a duty as the time itself, `extend` as a measure", () => {
    const relief = sentence("relief", contracts.relief("suspend delivery for 60 days within 5 days"));
    expect(relief).toContain(
      "Within five (5) days after a Force Majeure Event begins, the Party affected by it may suspend delivery for up to sixty (60) days.",
    );
    expect(sentence("relief", contracts.relief("extend milestones for 90 days"))).toContain(
      "may extend milestones by up to ninety (90) days.",
    );
    expect(sentence("contingency", contracts.contingency("extend milestones for 90 days"))).toContain(
      "shall extend milestones by ninety (90) days.",
    );
    expect(sentence("remedy", contracts.remedy("decarbonisation_plan for 3 months"))).toContain(
      "shall carry out a decarbonisation plan for a period of three (3) months.",
    );
  });
});
