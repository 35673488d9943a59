import { describe, expect, it } from "vitest";
import { actionSpec, actionVerbs, escalationActions } from "@covenant/core";
import { compile, en } from "../src/index.js";
import { actionHeader as header, checkText } from "./examples.js";

/**
 * The action vocabulary of the core is the one list the checker accepts and the wording covers:
 * every verb, with each object it takes, checks clean in each place an action is written and is
 * printed with its wording (a missing entry in the wording table is a type error; this proves the
 * entries read in the sentences that use them).
 */

/** Each way a verb may be written: bare when it takes no object or may go without, and with each object. */
const phrases = actionVerbs.flatMap((verb) => {
  const spec = actionSpec(verb)!;
  const bare = spec.objects.length === 0 || spec.objectOptional ? [{ verb, object: [] as string[] }] : [];
  return [...bare, ...spec.objects.map((object) => ({ verb, object: [object] }))];
});

const errors = (text: string): string[] =>
  checkText(text)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`);

describe("the action vocabulary", () => {
  it.each(phrases.map((p) => [[p.verb, ...p.object].join(" "), p] as const))("'%s' checks clean and is worded", (written, p) => {
    const wording = en.actionPhrase(p.verb, p.object);
    expect(wording).not.toContain("_");
    const text = `${header}
force_majeure fm "Force Majeure" {
  trigger port_closure >= 72 hours
  relief: ${written} for 30 days
  contingency: ${written} within 10 days
}
kpi on_time "On-Time Delivery" {
  measure: percent
  target: >= 98%
  period: monthly
  obligor: supplier
  remedy: ${written} within 10 days
}
`;
    expect(errors(text)).toEqual([]);
    const prose = compile(checkText(text), { to: "text", width: 10_000 }).replace(/\s+/g, " ");
    expect(prose).toContain(`may ${wording}`);
    expect(prose).toContain(`shall ${wording}`);
  });

  it.each(escalationActions.map((verb) => [verb]))("'%s' is a ladder step that checks clean and is worded", (verb) => {
    const text = `${header}
escalation ladder "Delivery Escalation" {
  step day 0: ${verb} ${verb === "notify" ? "supplier" : "by buyer"}
}
milestone tooling "Tooling Approval" {
  due: 2026-09-01
  on_miss: ladder
}
`;
    expect(errors(text)).toEqual([]);
    // No word of the source (`step_in`, `corrective_action`) reaches the prose unworded.
    expect(compile(checkText(text), { to: "text", width: 10_000 })).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  });

  it("refuses a verb outside the vocabulary, suggesting the one meant", () => {
    const text = `${header}
force_majeure fm "Force Majeure" {
  trigger port_closure >= 72 hours
  relief: excuse performance
}
`;
    expect(errors(text)).toEqual([expect.stringMatching(/^\d+:11 CV308 'excuse' is not an action .*did you mean 'suspend'\?/)]);
  });
});
