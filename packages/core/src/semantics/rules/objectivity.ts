import { Codes } from "../../diagnostics/codes.js";
import type { Condition } from "../values.js";
import { blocksOf, declarationOf, fieldOf, type RuleContext } from "./context.js";

/** Force-majeure triggers and termination causes must be measurable; penalties need a cap. */
export function checkObjectivity(context: RuleContext): void {
  for (const model of context.declarations) {
    if (model.kind === "force_majeure") {
      for (const row of model.rows) if (row.row === "trigger") checkCondition(context, model.uri, row.condition, "force-majeure trigger");
    }
    if (model.kind === "termination") {
      for (const cause of model.repeated.get("cause") ?? [])
        if (cause.kind === "cause") checkCondition(context, model.uri, cause.condition, "termination cause");
    }
    if (model.kind === "kpi") {
      for (const penalty of blocksOf(model, "penalty")) {
        if (!penalty.fields.has("cap") && !penalty.node.members.some((m) => m.type === "Field" && m.name.text === "cap")) {
          context.report(
            model.uri,
            Codes.UncappedPenalty,
            penalty.node.keyword.range,
            `This penalty has no cap; add 'cap:' (for example 'cap: 5% of invoice') so the exposure is bounded`,
          );
        }
      }
    }
  }
}

function checkCondition(context: RuleContext, uri: string, condition: Condition, what: string): void {
  switch (condition.form) {
    case "all":
    case "any":
      condition.operands.forEach((c) => checkCondition(context, uri, c, what));
      return;
    case "not":
      checkCondition(context, uri, condition.operand, what);
      return;
    case "text":
      context.report(
        uri,
        Codes.NotMeasurable,
        condition.range,
        `This ${what} is free text, so nobody can measure whether it happened; refer to an event with evidence, a KPI breach or a milestone`,
      );
      return;
    case "threshold":
    case "lasting": {
      const reference = condition.form === "threshold" ? condition.event : condition.target;
      const event = declarationOf(context, reference);
      if (event && event.kind === "event" && !fieldOf(event, "evidence", "text") && !event.unread.has("evidence")) {
        context.report(
          uri,
          Codes.NotMeasurable,
          condition.range,
          `The event '${reference.name}' names no evidence, so this ${what} cannot be proven; add 'evidence:' to the event`,
          {
            related: [{ uri: event.uri, range: (event.node.name ?? event.node.keyword).range, message: `The event '${reference.name}'` }],
          },
        );
      }
      return;
    }
    default:
      return;
  }
}
