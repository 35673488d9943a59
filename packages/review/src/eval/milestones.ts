import { compareDates, dateOf, isoDate, type CalendarDate, type DeclarationModel } from "@covenant/core";
import { valueText } from "../diff/value-text.js";
import { daysBetween, moneyText, roundToMinorUnits } from "./amounts.js";
import type { MilestoneResult, Money } from "./model.js";

/**
 * A milestone against the date it was delivered (or not): met on or before its due date, late
 * after it, missed when undelivered after the due date as of `as_of`. A delivered milestone's
 * payment falls due; a share of contract value is worked out from `total_value`.
 */
export function evaluateMilestone(
  milestone: DeclarationModel,
  delivered: CalendarDate | undefined,
  asOf: CalendarDate | undefined,
  totalValue: Money | undefined,
): MilestoneResult {
  const dueValue = milestone.fields.get("due");
  const name = milestone.name ?? "?";
  if (dueValue?.kind !== "date")
    return { milestone: name, due: "?", status: "unknown", delivered: undefined, payment: undefined, trace: ["no due date"] };
  const due = dateOf(dueValue);
  const trace: string[] = [];
  let status: MilestoneResult["status"];
  if (delivered) {
    const late = daysBetween(due, delivered);
    status = late > 0 ? "late" : "met";
    trace.push(
      late > 0
        ? `delivered ${isoDate(delivered)}, ${late} day${late === 1 ? "" : "s"} after the due date ${dueValue.iso}`
        : `delivered ${isoDate(delivered)}, on or before the due date ${dueValue.iso}`,
    );
  } else if (!asOf) {
    status = "unknown";
    trace.push(`not delivered; without as_of the facts cannot say whether ${dueValue.iso} has passed`);
  } else if (compareDates(asOf, due) > 0) {
    status = "missed";
    trace.push(`not delivered by ${isoDate(asOf)}; it was due ${dueValue.iso}`);
  } else {
    status = "pending";
    trace.push(`not delivered yet; due ${dueValue.iso}, after ${isoDate(asOf)}`);
  }
  const payment = delivered ? paymentDue(milestone, totalValue, trace) : undefined;
  return { milestone: name, due: dueValue.iso, status, delivered: delivered ? isoDate(delivered) : undefined, payment, trace };
}

function paymentDue(milestone: DeclarationModel, totalValue: Money | undefined, trace: string[]): (Money & { to: string }) | undefined {
  const payment = milestone.fields.get("payment");
  if (payment?.kind !== "payment") return undefined;
  const to = payment.to.name;
  if (payment.amount.kind === "money") {
    const money = { currency: payment.amount.currency, amount: payment.amount.amount };
    trace.push(`payment of ${moneyText(money)} to ${to} falls due`);
    return { ...money, to };
  }
  if (!totalValue) {
    trace.push(`payment of ${valueText(payment.amount)} to ${to}: the contract states no total_value to work it out`);
    return undefined;
  }
  const rounded = roundToMinorUnits({ currency: totalValue.currency, amount: totalValue.amount.mul(payment.amount.percent).div(100) });
  trace.push(`payment of ${valueText(payment.amount)} (${moneyText(totalValue)}) = ${moneyText(rounded.money)} to ${to} falls due`);
  return { ...rounded.money, to };
}
