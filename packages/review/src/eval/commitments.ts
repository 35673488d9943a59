import { Decimal, rateOverPeriod, type DeclarationModel } from "@covenant/core";
import { valueText } from "../diff/value-text.js";
import { moneyText, numberText, roundToMinorUnits } from "./amounts.js";
import type { CommitmentResult, Money } from "./model.js";

/** One measurement period, as a trace names it. */
const periodNouns: Readonly<Record<string, string>> = {
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
  semi_annually: "half-year",
  annually: "year",
};

/**
 * A volume commitment against the quantity bought: the shortfall below the minimum and what it
 * costs, whether a payment per unit short, a share of the unit price, or a credit that expires.
 * `purchased` is the quantity of one measurement period; a minimum per year measured quarterly is
 * compared as a quarter of it, and a minimum with no exact amount per period is not compared at all.
 */
export function evaluateCommitment(
  commitment: DeclarationModel,
  purchased: Decimal,
  unitPrice: Money | undefined,
  currency: string,
): CommitmentResult {
  const minimumValue = commitment.fields.get("minimum");
  const periodValue = commitment.fields.get("period");
  const period = periodValue?.kind === "enum" ? periodValue.value : "annually";
  const name = commitment.name ?? "?";
  const trace: string[] = [];
  // The purchases are one period's; the minimum is compared only once it is stated for that same period.
  let minimum = new Decimal(0);
  if (minimumValue?.kind === "rate") {
    const over = rateOverPeriod(minimumValue, period);
    if (over.kind !== "exact") {
      trace.push(
        `the minimum of ${valueText(minimumValue)} has no exact amount per ${periodNouns[period] ?? period}, so the ${numberText(purchased)} bought in the period cannot be compared with it`,
      );
      return { commitment: name, minimum: undefined, purchased, shortfall: undefined, payment: undefined, credit: false, trace };
    }
    minimum = over.amount;
    if (over.converted) {
      const each = periodNouns[period] ?? period;
      trace.push(`the minimum of ${valueText(minimumValue)}, measured ${period}, is ${numberText(minimum)} for each ${each}`);
      trace.push(`bought ${numberText(purchased)} in the ${each} against that ${numberText(minimum)}`);
    } else trace.push(`bought ${numberText(purchased)} against a minimum of ${valueText(minimumValue)}`);
  } else trace.push(`bought ${numberText(purchased)} against a minimum of ?`);
  const shortfall = Decimal.max(0, minimum.sub(purchased));
  const shortfallValue = commitment.fields.get("shortfall");
  const result = { commitment: name, minimum, purchased, shortfall };
  if (shortfall.isZero()) {
    trace.push("no shortfall");
    return { ...result, payment: undefined, credit: false, trace };
  }
  trace.push(`shortfall ${numberText(shortfall)}`);
  let perUnit: Money | undefined;
  let credit = false;
  if (shortfallValue?.kind === "rate" && shortfallValue.amount.kind === "money") {
    perUnit = { currency: shortfallValue.amount.currency, amount: shortfallValue.amount.amount };
  } else if (shortfallValue?.kind === "credit" && shortfallValue.rate.amount.kind === "money") {
    perUnit = { currency: shortfallValue.rate.amount.currency, amount: shortfallValue.rate.amount.amount };
    credit = true;
  } else if (shortfallValue?.kind === "share") {
    if (!unitPrice) {
      trace.push(`${valueText(shortfallValue)} needs the product's price: give its volume so the tier is known`);
      return { ...result, payment: undefined, credit: false, trace };
    }
    perUnit = { currency: unitPrice.currency, amount: unitPrice.amount.mul(shortfallValue.percent).div(100) };
    trace.push(`${valueText(shortfallValue)} ${moneyText(unitPrice)} = ${moneyText(perUnit)} per unit short`);
  }
  if (!perUnit) return { ...result, payment: undefined, credit: false, trace };
  const owed = roundToMinorUnits({ currency: perUnit.currency ?? currency, amount: perUnit.amount.mul(shortfall) });
  trace.push(
    `${numberText(shortfall)} × ${moneyText(perUnit)} = ${moneyText(owed.money)}${credit && shortfallValue?.kind === "credit" ? ` as a credit expiring ${valueText(shortfallValue.expires)}` : ""}`,
  );
  if (owed.note) trace.push(owed.note);
  return { ...result, payment: owed.money, credit, trace };
}
