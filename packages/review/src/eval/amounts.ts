import { currencyInfo, Decimal, type CalendarDate } from "@covenant/core";
import { groupDigits } from "../diff/value-text.js";
import type { Money } from "./model.js";

/** Money in a trace: `USD 173.60`, with at least the currency's minor digits and every exact digit beyond. */
export function moneyText(money: Money): string {
  const minor = currencyInfo(money.currency)?.digits ?? 2;
  return `${money.currency} ${groupDigits(money.amount.toFixed(Math.max(minor, money.amount.decimalPlaces())), ",")}`;
}

/** A decimal in a trace: `23,000`, `97.25`. */
export function numberText(value: Decimal): string {
  return groupDigits(value.toFixed(), ",");
}

/** A signed percentage: `+6.5%`, `-3%`. */
export function signedPercent(value: Decimal): string {
  return `${value.isNegative() ? "" : "+"}${numberText(value)}%`;
}

/**
 * Rounds a payment to the currency's minor units, half up: what an invoice can carry. Returns the
 * rounded money and, when rounding changed it, a line for the trace.
 */
export function roundToMinorUnits(money: Money): { money: Money; note: string | undefined } {
  const minor = currencyInfo(money.currency)?.digits ?? 2;
  const rounded = money.amount.toDecimalPlaces(minor, Decimal.ROUND_HALF_UP);
  if (rounded.eq(money.amount)) return { money, note: undefined };
  const result = { currency: money.currency, amount: rounded };
  return { money: result, note: `${moneyText(money)} rounded half up to ${moneyText(result)} (${minor} decimals of ${money.currency})` };
}

export function addMoney(a: Money | undefined, b: Money | undefined): Money | undefined {
  if (!a) return b;
  if (!b) return a;
  return { currency: a.currency, amount: a.amount.add(b.amount) };
}

const day = 86_400_000;

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / day);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * day);
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}
