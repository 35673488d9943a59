import {
  addDuration,
  compareDates,
  Decimal,
  isoDate,
  type CalendarDate,
  type CauseValue,
  type ConvenienceValue,
  type DurationValue,
} from "@covenant/core";
import { conditionText, valueText } from "../diff/value-text.js";
import { moneyText, roundToMinorUnits } from "./amounts.js";
import { evaluateCondition, type ConditionContext } from "./conditions.js";
import type { Money, TerminationResult } from "./model.js";

/** A termination cause: arisen when its condition holds (a cure period, if any, still runs from notice). */
export function evaluateCause(cause: CauseValue, context: ConditionContext): TerminationResult {
  const verdict = evaluateCondition(cause.condition, context);
  const trace = [verdict.why];
  if (verdict.truth === "true" && cause.cure) trace.push(`the party in breach may cure within ${valueText(cause.cure)} of notice`);
  return {
    right: "cause",
    text: conditionText(cause.condition),
    arisen: verdict.truth,
    party: undefined,
    notice: undefined,
    cure: cause.cure ? valueText(cause.cure) : undefined,
    fee: undefined,
    trace,
  };
}

/**
 * A right to terminate for convenience: always there, on notice. Its fee falls by the declining
 * percentage of the original amount for each full period from the effective date to `as_of`
 * (as the prose says), never below zero.
 */
export function evaluateConvenience(
  right: ConvenienceValue,
  effective: CalendarDate | undefined,
  asOf: CalendarDate | undefined,
): TerminationResult {
  const trace = [`${right.party.name} may terminate on ${valueText(right.notice)}' notice`];
  let fee: Money | undefined;
  if (right.fee) {
    const full: Money = { currency: right.fee.currency, amount: right.fee.amount };
    fee = full;
    if (right.declining && effective && asOf) {
      const periods = fullPeriods(effective, asOf, right.declining.per, right.notice);
      const factor = Decimal.max(0, new Decimal(1).sub(right.declining.percent.value.mul(periods).div(100)));
      fee = roundToMinorUnits({ currency: full.currency, amount: full.amount.mul(factor) }).money;
      trace.push(
        `fee ${moneyText(full)} less ${valueText(right.declining.percent)} for each of ${periods} full ${right.declining.per.replace(/s$/, "")}${periods === 1 ? "" : "s"} from ${isoDate(effective)} to ${isoDate(asOf)}: ${moneyText(fee)}`,
      );
    } else if (right.declining) trace.push(`fee ${moneyText(full)}, declining over time (give as_of to work it out)`);
    else trace.push(`fee ${moneyText(full)}`);
  }
  return {
    right: "convenience",
    text: valueText(right),
    arisen: "true",
    party: right.party.name,
    notice: valueText(right.notice),
    cure: undefined,
    fee,
    trace,
  };
}

/** Full periods of `unit` from `start` to `end` (0 when `end` is before one period has passed). */
function fullPeriods(start: CalendarDate, end: CalendarDate, unit: DurationValue["unit"], like: DurationValue): number {
  let n = 0;
  const after = (k: number): CalendarDate => addDuration(start, { ...like, amount: new Decimal(k), unit, written: `${k} ${unit}` });
  while (n < 10_000 && compareDates(after(n + 1), end) <= 0) n++;
  return n;
}
