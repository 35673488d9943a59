import { Decimal, type DeclarationModel } from "@covenant/core";
import { valueText } from "../diff/value-text.js";
import { moneyText, numberText, roundToMinorUnits } from "./amounts.js";
import type { CommitmentResult, Money } from "./model.js";

/**
 * A volume commitment against the quantity bought: the shortfall below the minimum and what it
 * costs, whether a payment per unit short, a share of the unit price, or a credit that expires.
 */
export function evaluateCommitment(
  commitment: DeclarationModel,
  purchased: Decimal,
  unitPrice: Money | undefined,
  currency: string,
): CommitmentResult {
  const minimumValue = commitment.fields.get("minimum");
  const minimum = minimumValue?.kind === "rate" ? minimumValue.amount.amount : new Decimal(0);
  const shortfall = Decimal.max(0, minimum.sub(purchased));
  const shortfallValue = commitment.fields.get("shortfall");
  const trace = [`bought ${numberText(purchased)} against a minimum of ${minimumValue ? valueText(minimumValue) : "?"}`];
  const result = { commitment: commitment.name ?? "?", minimum, purchased, shortfall };
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
