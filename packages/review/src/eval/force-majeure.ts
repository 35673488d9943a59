import { isoDate, type CalendarDate, type Condition, type DeclarationModel, type TriggerRow } from "@covenant/core";
import { conditionText, valueText } from "../diff/value-text.js";
import { daysBetween } from "./amounts.js";
import { evaluateCondition, lastedFor, type ConditionContext } from "./conditions.js";
import type { ForceMajeureResult, Truth } from "./model.js";

/**
 * A force-majeure clause: triggered when any trigger holds; then the relief and contingency apply,
 * and once it has lasted `terminate_after` from the earliest triggering event's start, either party
 * may terminate.
 */
export function evaluateForceMajeure(fm: DeclarationModel, context: ConditionContext): ForceMajeureResult {
  const triggers = fm.rows
    .filter((r): r is TriggerRow => r.row === "trigger")
    .map((row) => {
      const verdict = evaluateCondition(row.condition, context);
      return { trigger: conditionText(row.condition), holds: verdict.truth, why: verdict.why, condition: row.condition };
    });
  const triggered: Truth = triggers.some((t) => t.holds === "true")
    ? "true"
    : triggers.some((t) => t.holds === "unknown")
      ? "unknown"
      : "false";
  const starts = triggers.filter((t) => t.holds === "true").flatMap((t) => eventStarts(t.condition, context));
  const since = starts.sort((a, b) => daysBetween(b, a))[0];
  const asOf = context.facts.asOf;
  const relief = fm.fields.get("relief");
  const contingency = fm.fields.get("contingency");
  const terminateAfter = fm.fields.get("terminate_after");
  const trace = triggers.map(
    (t) => `trigger ${t.trigger}: ${t.holds === "true" ? "holds" : t.holds === "false" ? "does not hold" : "unknown"} (${t.why})`,
  );
  if (triggered === "true") {
    trace.push(`${fm.name} is triggered${since ? ` since ${isoDate(since)}` : ""}`);
    if (relief) trace.push(`relief: ${valueText(relief)}`);
    if (contingency) trace.push(`contingency: ${valueText(contingency)}`);
  } else trace.push(triggered === "false" ? `${fm.name} is not triggered` : `whether ${fm.name} is triggered is unknown`);
  let terminationRight: Truth | undefined;
  if (terminateAfter?.kind === "duration") {
    if (triggered === "false") terminationRight = "false";
    else {
      const verdict = lastedFor(fm.name ?? "force majeure", since, terminateAfter, asOf, triggered);
      terminationRight = verdict.truth;
      trace.push(
        `right to terminate after ${valueText(terminateAfter)}: ${verdict.truth === "true" ? "has arisen" : verdict.truth === "false" ? "not yet" : "unknown"} (${verdict.why})`,
      );
    }
  }
  return {
    forceMajeure: fm.name ?? "force_majeure",
    triggered,
    triggers: triggers.map(({ trigger, holds, why }) => ({ trigger, holds, why })),
    relief: triggered !== "false" && relief ? valueText(relief) : undefined,
    contingency: triggered !== "false" && contingency ? valueText(contingency) : undefined,
    since: since ? isoDate(since) : undefined,
    lastingDays: since && asOf ? daysBetween(since, asOf) : undefined,
    terminationRight,
    trace,
  };
}

/** The start dates the facts give for the events a holding condition measures. */
function eventStarts(condition: Condition, context: ConditionContext): CalendarDate[] {
  switch (condition.form) {
    case "threshold": {
      const since = context.facts.events.get(condition.event.name)?.since;
      return since ? [since] : [];
    }
    case "all":
    case "any":
      return condition.operands.flatMap((o) => (evaluateCondition(o, context).truth === "true" ? eventStarts(o, context) : []));
    default:
      return [];
  }
}
