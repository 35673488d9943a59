import type { DateValue, DurationValue } from "./values.js";

/** A calendar date without time zone. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function fromEpochDays(days: number): CalendarDate {
  const date = new Date(days * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function toEpochDays(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
}

/**
 * The date a duration after `date` ends, as contracts count it: months and years keep the day of
 * the month (clamped to the month's end), business days skip Saturdays and Sundays, hours round up to days.
 */
export function addDuration(date: CalendarDate, duration: DurationValue): CalendarDate {
  const amount = duration.amount;
  switch (duration.unit) {
    case "years":
    case "months": {
      const months = (duration.unit === "years" ? amount.mul(12) : amount).floor().toNumber();
      const total = date.year * 12 + (date.month - 1) + months;
      const year = Math.floor(total / 12);
      const month = (total % 12) + 1;
      return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
    }
    case "weeks":
      return fromEpochDays(toEpochDays(date) + amount.mul(7).ceil().toNumber());
    case "days":
      return fromEpochDays(toEpochDays(date) + amount.ceil().toNumber());
    case "hours":
      return fromEpochDays(toEpochDays(date) + amount.div(24).ceil().toNumber());
    case "business_days": {
      let days = toEpochDays(date);
      let left = amount.ceil().toNumber();
      while (left > 0) {
        days++;
        const weekday = new Date(days * 86_400_000).getUTCDay();
        if (weekday !== 0 && weekday !== 6) left--;
      }
      return fromEpochDays(days);
    }
  }
}

/** Negative if `a` is before `b`, zero if equal, positive if after. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return toEpochDays(a) - toEpochDays(b);
}

/** `2026-04-01`. */
export function isoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

export function dateOf(value: DateValue): CalendarDate {
  return { year: value.year, month: value.month, day: value.day };
}
