import { Codes } from "../../diagnostics/codes.js";
import type { Condition, Value } from "../values.js";
import { Decimal } from "../decimal.js";
import { blocksOf, declarationOf, isWritten, type RuleContext } from "./context.js";

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
        if (!isWritten(penalty, "cap")) {
          const example = capExample(penalty.fields.get("rate"));
          context.report(
            model.uri,
            Codes.UncappedPenalty,
            penalty.node.keyword.range,
            `This penalty has no cap; add 'cap:' in the terms of the rate${example ? ` (for example 'cap: ${example}')` : ""} so the exposure is bounded`,
          );
        }
      }
    }
  }
}

/**
 * A cap to show in CV901, in the rate's own terms (ten periods' worth at one step): an amount in the
 * rate's currency for an amount, a share of the same base for a share. Undefined when the rate did
 * not read.
 */
function capExample(rate: Value | undefined): string | undefined {
  if (rate?.kind === "money") return `${rate.currency} ${groupDigits(rate.amount.times(10).toFixed())}`;
  if (rate?.kind === "share") {
    const percent = Decimal.min(rate.percent.times(10), 100);
    return `${percent.toFixed()}% of ${rate.base}`;
  }
  return undefined;
}

/** `20000` → `20_000`, as amounts are written in contracts. */
function groupDigits(plain: string): string {
  const [whole, fraction] = plain.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, "_");
  return fraction ? `${grouped}.${fraction}` : grouped;
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
      if (event && event.kind === "event" && !isWritten(event, "evidence")) {
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
