import type { Decimal } from "./decimal.js";
import type { DurationUnit, RateValue } from "./values.js";

/**
 * A rate "per <unit of time>" read over a measurement period (`period: quarterly`). Calendar months
 * and years convert into each other exactly (a quarter is 3 months, a year 12), as do hours, days and
 * weeks (a week is 7 days); nothing converts across the two families (a month is not a whole number of
 * weeks), and business days convert into nothing.
 */

/** A length of time in its family's smallest unit: months for the calendar, hours for the clock. */
interface Length {
  readonly family: "calendar" | "clock";
  readonly size: number;
}

const periodLengths: Readonly<Record<string, Length>> = {
  weekly: { family: "clock", size: 168 },
  monthly: { family: "calendar", size: 1 },
  quarterly: { family: "calendar", size: 3 },
  semi_annually: { family: "calendar", size: 6 },
  annually: { family: "calendar", size: 12 },
};

const unitLengths: Readonly<Partial<Record<DurationUnit, Length>>> = {
  hours: { family: "clock", size: 1 },
  days: { family: "clock", size: 24 },
  weeks: { family: "clock", size: 168 },
  months: { family: "calendar", size: 1 },
  years: { family: "calendar", size: 12 },
};

/** Lengths of the units a count of time is written in (`6 months`, `3 quarters`, `14 days`). */
const countLengths: Readonly<Record<string, Length>> = {
  days: { family: "clock", size: 24 },
  weeks: { family: "clock", size: 168 },
  months: { family: "calendar", size: 1 },
  quarters: { family: "calendar", size: 3 },
  years: { family: "calendar", size: 12 },
};

/**
 * How many measurement periods `count` units of time are (6 months of quarterly periods are 2), or
 * undefined when that is no whole number, or when the unit and the period do not convert (a month
 * is no whole number of weeks).
 */
export function periodsIn(count: number, unit: string, period: string): number | undefined {
  const over = periodLengths[period];
  const length = countLengths[unit];
  if (!over || !length || over.family !== length.family) return undefined;
  const total = count * length.size;
  return total % over.size === 0 && total > 0 ? total / over.size : undefined;
}

/** The period a rate unit names exactly (`years` → `annually`), if there is one. */
export const periodOfRateUnit: Readonly<Partial<Record<string, string>>> = { weeks: "weekly", months: "monthly", years: "annually" };

/** A rate restated over a measurement period. */
export type RateOverPeriod =
  /** The amount for one period: the rate's own amount when the units agree, else converted exactly. */
  | { readonly kind: "exact"; readonly amount: Decimal; readonly converted: boolean }
  /** The rate's unit and the period are of different families (per week, measured monthly). */
  | { readonly kind: "incommensurable" }
  /** The period's share of the rate is finer than the rate is written (8_000_000 per year is 666,666.66… a month). */
  | { readonly kind: "inexact"; readonly numerator: number; readonly denominator: number; readonly converted: Decimal };

/** The amount a rate "per <unit>" comes to over one measurement period, when that is exact. */
export function rateOverPeriod(rate: RateValue, period: string): RateOverPeriod {
  const over = periodLengths[period];
  const unit = unitLengths[rate.per as DurationUnit];
  if (!over || !unit || over.family !== unit.family) return { kind: "incommensurable" };
  const common = gcd(over.size, unit.size);
  const [numerator, denominator] = [over.size / common, unit.size / common];
  const amount = rate.amount.amount;
  if (numerator === denominator) return { kind: "exact", amount, converted: false };
  const converted = amount.mul(numerator).div(denominator);
  // Exact means: written with no more decimals than the rate itself (1_000 per year is 250 a quarter;
  // 1_001 is not 250.25 of a unit counted whole, and 1_000 per year is no exact amount a month).
  if (converted.decimalPlaces() > amount.decimalPlaces()) return { kind: "inexact", numerator, denominator, converted };
  return { kind: "exact", amount: converted, converted: true };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
