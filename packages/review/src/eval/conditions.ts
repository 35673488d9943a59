import { addDuration, compareDates, isoDate, type CalendarDate, type Condition, type DurationValue } from "@covenant/core";
import { conditionText, valueText } from "../diff/value-text.js";
import type { Facts } from "./facts.js";
import { amountIn, compare, measureText } from "./measures.js";
import type { KpiResult, MilestoneResult, Truth } from "./model.js";

/**
 * Conditions (force-majeure triggers, termination causes) against the facts, in three values: a
 * condition the facts do not decide (a duration without a start date, free text) is `unknown`, and
 * `and`/`or`/`not` combine as Kleene's logic does. What the facts do not mention did not happen.
 */

export interface ConditionContext {
  readonly facts: Facts;
  /** Declaration name → kind (`defects` → `kpi`). */
  readonly kinds: ReadonlyMap<string, string>;
  /** Event name → the unit it is measured in. */
  readonly eventUnits: ReadonlyMap<string, string | undefined>;
  /** Party name → role, for `insolvency of supplier` and `of any party`. */
  readonly partyRoles: ReadonlyMap<string, string>;
  readonly kpis: ReadonlyMap<string, KpiResult>;
  readonly milestones: ReadonlyMap<string, MilestoneResult>;
  /** Force majeure name → whether it is triggered and since when. */
  readonly forceMajeure: ReadonlyMap<string, { readonly triggered: Truth; readonly since: CalendarDate | undefined }>;
}

export interface Verdict {
  readonly truth: Truth;
  readonly why: string;
}

export function evaluateCondition(condition: Condition, context: ConditionContext): Verdict {
  switch (condition.form) {
    case "all":
    case "any": {
      const parts = condition.operands.map((o) => evaluateCondition(o, context));
      const decisive = condition.form === "all" ? "false" : "true";
      const truth: Truth = parts.some((p) => p.truth === decisive)
        ? decisive
        : parts.some((p) => p.truth === "unknown")
          ? "unknown"
          : condition.form === "all"
            ? "true"
            : "false";
      return { truth, why: parts.map((p) => p.why).join(condition.form === "all" ? "; and " : "; or ") };
    }
    case "not": {
      const inner = evaluateCondition(condition.operand, context);
      const truth: Truth = inner.truth === "unknown" ? "unknown" : inner.truth === "true" ? "false" : "true";
      return { truth, why: `not (${inner.why})` };
    }
    case "threshold":
      return threshold(condition, context);
    case "breach":
      return breach(condition, context);
    case "insolvency":
    case "change_of_control":
      return partyEvent(condition, context);
    case "lasting":
      return lasting(condition, context);
    case "missed":
      return missed(condition, context);
    case "text":
      return { truth: "unknown", why: `${conditionText(condition)} is free text; the facts cannot decide it` };
  }
}

function threshold(condition: Extract<Condition, { form: "threshold" }>, context: ConditionContext): Verdict {
  const name = condition.event.name;
  const fact = context.facts.events.get(name);
  const unit = context.eventUnits.get(name);
  if (!fact) return { truth: "false", why: `no measurement of ${name} is given` };
  const limit = amountIn(condition.amount, unit);
  if (limit === undefined) return { truth: "unknown", why: `${valueText(condition.amount)} does not convert to ${name}'s unit (${unit})` };
  const holds = compare(fact.value, condition.operator, limit);
  const measured = measureText(fact.value, unit);
  return {
    truth: holds ? "true" : "false",
    why: `${name} measured ${measured}, ${holds ? "meeting" : "short of"} the threshold ${conditionText(condition).replace(`${name} `, "")}`,
  };
}

function breach(condition: Extract<Condition, { form: "breach" }>, context: ConditionContext): Verdict {
  const name = condition.target.name;
  const needed = condition.periods ?? 1;
  const kind = context.kinds.get(name);
  let count: number | undefined;
  let counted = "";
  if (kind === "kpi") {
    const result = context.kpis.get(name);
    if (!result) return { truth: "false", why: `no measurements of ${name} are given` };
    count = condition.consecutive ? result.consecutiveMisses : result.misses;
    counted = condition.consecutive ? "consecutive missed periods at most" : "missed periods";
  } else if (kind === "obligation") {
    count = context.facts.obligations.get(name)?.breaches ?? 0;
    counted = "periods in breach";
  } else return { truth: "unknown", why: `the facts cannot say whether ${name} is breached` };
  const holds = count >= needed;
  const has =
    condition.consecutive && kind === "kpi"
      ? `${name} missed at most ${count} ${count === 1 ? "period" : "periods"} in a row`
      : `${name} has ${count} ${counted}`;
  return { truth: holds ? "true" : "false", why: `${has}; the cause needs ${needed}` };
}

function partyEvent(condition: Extract<Condition, { form: "insolvency" | "change_of_control" }>, context: ConditionContext): Verdict {
  const reference = condition.party;
  const parties = reference.byRole
    ? [...context.partyRoles].filter(([, role]) => reference.name === "any" || role === reference.name).map(([party]) => party)
    : [reference.name];
  const what = condition.form === "insolvency" ? "insolvent" : "under a change of control";
  const hit = parties.filter((p) => {
    const fact = context.facts.parties.get(p);
    return condition.form === "insolvency" ? fact?.insolvent : fact?.changeOfControl;
  });
  if (hit.length > 0) return { truth: "true", why: `${hit.join(" and ")} ${hit.length === 1 ? "is" : "are"} ${what}` };
  return { truth: "false", why: `the facts report no party ${what}${parties.length > 0 ? ` (${parties.join(", ")})` : ""}` };
}

function lasting(condition: Extract<Condition, { form: "lasting" }>, context: ConditionContext): Verdict {
  const name = condition.target.name;
  const fm = context.forceMajeure.get(name);
  const event = context.facts.events.get(name);
  const since = fm ? fm.since : event?.since;
  const active: Truth = fm ? fm.triggered : event ? "true" : "false";
  if (active === "false") return { truth: "false", why: `${name} is not in force` };
  return lastedFor(name, since, condition.duration, context.facts.asOf, active);
}

/** Whether something that started on `since` has lasted `duration` by `asOf`. */
export function lastedFor(
  name: string,
  since: CalendarDate | undefined,
  duration: DurationValue,
  asOf: CalendarDate | undefined,
  active: Truth,
): Verdict {
  if (!since || !asOf) {
    return { truth: "unknown", why: `how long ${name} has lasted is unknown (the facts need its start date${asOf ? "" : " and as_of"})` };
  }
  const end = addDuration(since, duration);
  const holds = compareDates(asOf, end) >= 0;
  const truth: Truth = holds ? active : "false";
  return {
    truth,
    why: `${name} began ${isoDate(since)}; ${valueText(duration)} ${holds ? "were reached" : "will be reached"} on ${isoDate(end)}${holds ? `, on or before ${isoDate(asOf)}` : `, after ${isoDate(asOf)}`}`,
  };
}

function missed(condition: Extract<Condition, { form: "missed" }>, context: ConditionContext): Verdict {
  const name = condition.target.name;
  const milestone = context.milestones.get(name);
  if (milestone) {
    const truth: Truth =
      milestone.status === "late" || milestone.status === "missed" ? "true" : milestone.status === "unknown" ? "unknown" : "false";
    return { truth, why: `${name} is ${milestone.status}` };
  }
  if (context.kinds.get(name) === "obligation") {
    const fact = context.facts.obligations.get(name);
    return { truth: fact?.missed ? "true" : "false", why: fact?.missed ? `${name} was missed` : `the facts report no miss of ${name}` };
  }
  return { truth: "false", why: `the facts report nothing about ${name}` };
}
