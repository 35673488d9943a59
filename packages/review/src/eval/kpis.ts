import type { DeclarationModel, Decimal, MoneyValue, ShareValue, Value } from "@covenant/core";
import { valueText } from "../diff/value-text.js";
import { addMoney, moneyText, numberText, roundToMinorUnits } from "./amounts.js";
import type { KpiMeasurement } from "./facts.js";
import { amountIn, compare, differenceText, measureText, unitOfMeasure } from "./measures.js";
import type { KpiPeriodResult, KpiResult, Money } from "./model.js";

/**
 * A KPI over the measured periods, in calendar order. A period misses when its level fails the target; the penalty is
 * the rate for each full step of shortfall (as the prose says: "for each full 1% by which ..."),
 * cut to the cap; the bonus is earned when the level meets the bonus threshold. Amounts that are a
 * share of invoice use the period's invoice; payments are rounded to the currency's minor units.
 */
export function evaluateKpi(kpi: DeclarationModel, measurements: readonly KpiMeasurement[], currency: string): KpiResult {
  // In calendar order, whatever the order of the facts; misses are consecutive when their periods are
  // adjacent on the calendar (a period not measured breaks the run).
  const ordered = [...measurements].sort((a, b) => a.ordinal - b.ordinal);
  const periods = ordered.map((m) => evaluatePeriod(kpi, m, currency));
  // The longest run, not the one up to the last period: a right that arose on three missed months
  // in a row does not lapse because a later month was met.
  let run = 0;
  let consecutiveMisses = 0;
  periods.forEach((period, i) => {
    const adjacent = i > 0 && ordered[i]!.ordinal === ordered[i - 1]!.ordinal + 1;
    run = period.met ? 0 : adjacent ? run + 1 : 1;
    consecutiveMisses = Math.max(consecutiveMisses, run);
  });
  return {
    kpi: kpi.name ?? "?",
    periods,
    totalPenalty: periods.reduce<Money | undefined>((sum, p) => addMoney(sum, p.penalty), undefined),
    totalBonus: periods.reduce<Money | undefined>((sum, p) => addMoney(sum, p.bonus), undefined),
    consecutiveMisses,
    misses: periods.filter((p) => !p.met).length,
  };
}

function evaluatePeriod(kpi: DeclarationModel, measurement: KpiMeasurement, currency: string): KpiPeriodResult {
  const trace: string[] = [];
  const target = kpi.fields.get("target");
  const blank = {
    period: measurement.period,
    value: measurement.value,
    penalty: undefined,
    capped: false,
    cap: undefined,
    bonus: undefined,
  };
  if (target?.kind !== "comparison") return { ...blank, met: true, trace: ["the KPI has no readable target"] };
  const unit = unitOfMeasure(target.operand);
  const level = amountIn(target.operand, unit)!;
  const shown = measureText(measurement.value, unit);
  const met = compare(measurement.value, target.operator, level);
  const penaltyBlock = kpi.blocks.find((b) => b.kind === "penalty");
  const bonusBlock = kpi.blocks.find((b) => b.kind === "bonus");
  let penalty: Money | undefined;
  let cap: Money | undefined;
  let capped = false;
  if (met) trace.push(`${shown} meets the target ${valueText(target)}`);
  else {
    const shortfall = measurement.value.sub(level).abs();
    trace.push(`${shown} misses the target ${valueText(target)} by ${differenceText(shortfall, unit)}`);
    if (penaltyBlock) ({ penalty, cap, capped } = penaltyFor(penaltyBlock, shortfall, unit, measurement, currency, trace));
    else trace.push("no penalty is set for a miss");
  }
  const bonus = bonusBlock ? bonusFor(bonusBlock, measurement, unit, currency, trace) : undefined;
  return { ...blank, met, penalty, cap, capped, bonus, trace };
}

function penaltyFor(
  block: DeclarationModel,
  shortfall: Decimal,
  unit: string | undefined,
  measurement: KpiMeasurement,
  currency: string,
  trace: string[],
): { penalty: Money | undefined; cap: Money | undefined; capped: boolean } {
  const per = block.fields.get("per");
  const rate = block.fields.get("rate");
  const step = per?.kind === "step" ? amountIn(per.amount, unit) : undefined;
  if (!step || step.isZero() || !rate) {
    trace.push("the penalty's step does not convert to the target's unit; no penalty computed");
    return { penalty: undefined, cap: undefined, capped: false };
  }
  const steps = shortfall.div(step).floor();
  const perStep = amountOf(rate, measurement, currency);
  if (!perStep) {
    trace.push(`the rate ${valueText(rate)} needs the period's invoice`);
    return { penalty: undefined, cap: undefined, capped: false };
  }
  const raw: Money = { currency, amount: perStep.money.amount.mul(steps) };
  trace.push(`${numberText(steps)} full step${steps.eq(1) ? "" : "s"} of ${valueText(per!)} × ${perStep.text} = ${moneyText(raw)}`);
  const rounded = roundToMinorUnits(raw);
  if (rounded.note) trace.push(rounded.note);
  let penalty = rounded.money;
  const capValue = block.fields.get("cap");
  if (!capValue) {
    trace.push("the penalty has no cap");
    return { penalty, cap: undefined, capped: false };
  }
  const capAmount = amountOf(capValue, measurement, currency);
  if (!capAmount) return { penalty, cap: undefined, capped: false };
  const cap = roundToMinorUnits(capAmount.money).money;
  const capped = penalty.amount.gt(cap.amount);
  if (capped) {
    trace.push(`capped at ${capAmount.text}: the penalty is ${moneyText(cap)}`);
    penalty = cap;
  } else trace.push(`the cap of ${capAmount.text} is not reached`);
  return { penalty, cap, capped };
}

function bonusFor(
  block: DeclarationModel,
  measurement: KpiMeasurement,
  unit: string | undefined,
  currency: string,
  trace: string[],
): Money | undefined {
  const when = block.fields.get("when");
  const rate = block.fields.get("rate");
  if (when?.kind !== "comparison" || !rate) return undefined;
  const threshold = amountIn(when.operand, unit);
  if (threshold === undefined || !compare(measurement.value, when.operator, threshold)) return undefined;
  const amount = amountOf(rate, measurement, currency);
  if (!amount) {
    trace.push(`the bonus ${valueText(rate)} needs the period's invoice`);
    return undefined;
  }
  const rounded = roundToMinorUnits(amount.money);
  trace.push(`${measureText(measurement.value, unit)} meets the bonus threshold ${valueText(when)}: bonus ${amount.text}`);
  if (rounded.note) trace.push(rounded.note);
  return rounded.money;
}

/** A money rate, or a share of the period's invoice worked out: `0.5% of invoice USD 1,250,000.00 (USD 6,250.00)`. */
function amountOf(value: Value, measurement: KpiMeasurement, currency: string): { money: Money; text: string } | undefined {
  if (value.kind === "money") {
    const money = { currency: (value as MoneyValue).currency, amount: value.amount };
    return { money, text: moneyText(money) };
  }
  if (value.kind !== "share" || measurement.invoice === undefined) return undefined;
  const share = value as ShareValue;
  const money = { currency, amount: measurement.invoice.mul(share.percent).div(100) };
  return { money, text: `${valueText(share)} ${moneyText({ currency, amount: measurement.invoice })} (${moneyText(money)})` };
}
