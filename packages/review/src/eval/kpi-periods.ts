import type { DeclarationModel } from "@covenant/core";

/**
 * The calendar periods a KPI is measured over, as the facts name them: `2026-W18` (ISO 8601 week),
 * `2026-05`, `2026-Q2`, `2026-H1`, `2026`. A label is read into the period's place on the calendar
 * (its ordinal), so that two labels for one period are found and "consecutive" means adjacent on
 * the calendar, not in the array.
 */
export type KpiPeriod = "weekly" | "monthly" | "quarterly" | "semi_annually" | "annually";

/** How each period is written in the facts, with an example, and what one period is called. */
export const kpiPeriodLabels: Readonly<Record<KpiPeriod, { readonly form: string; readonly example: string; readonly one: string }>> = {
  weekly: { form: "YYYY-Www (ISO 8601 week)", example: "2026-W18", one: "a week" },
  monthly: { form: "YYYY-MM", example: "2026-05", one: "a month" },
  quarterly: { form: "YYYY-Qn", example: "2026-Q2", one: "a quarter" },
  semi_annually: { form: "YYYY-Hn", example: "2026-H1", one: "a half-year" },
  annually: { form: "YYYY", example: "2026", one: "a year" },
};

/** Any period label of any KPI, for the facts schema; the KPI's own period is checked when the facts are read. */
export const kpiPeriodPattern = "^\\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]|W(0[1-9]|[1-4]\\d|5[0-3])))?$";

/** The period a KPI is measured over (`period:`, monthly when not written, as the prose says). */
export function kpiPeriodOf(kpi: DeclarationModel): KpiPeriod {
  const value = kpi.fields.get("period");
  return value?.kind === "enum" && value.value in kpiPeriodLabels ? (value.value as KpiPeriod) : "monthly";
}

const dayMs = 86_400_000;

/** Milliseconds at the start of a UTC day; years below 100 are not moved into the 1900s as `Date.UTC` does. */
function utc(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

/** ISO 8601 weeks in `year`: 53 when it starts on a Thursday, or on a Wednesday in a leap year. */
function isoWeeksIn(year: number): number {
  const weekday = new Date(utc(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return weekday === 4 || (leap && weekday === 3) ? 53 : 52;
}

/**
 * The place on the calendar of the period `label` names, counted in periods of `period` (adjacent
 * periods differ by one); undefined when the label is not written as that period is or names no
 * such period (`2026-13`, `2026-Q5`, `2026-W53` in a year of 52 weeks).
 */
export function kpiPeriodOrdinal(period: KpiPeriod, label: string): number | undefined {
  const match = /^(\d{4})(?:-(?:(\d{2})|Q(\d)|H(\d)|W(\d{2})))?$/.exec(label);
  if (!match) return undefined;
  const year = Number(match[1]);
  const [month, quarter, half, week] = [match[2], match[3], match[4], match[5]].map((part) =>
    part === undefined ? undefined : Number(part),
  );
  switch (period) {
    case "monthly":
      return month !== undefined && month >= 1 && month <= 12 ? year * 12 + month - 1 : undefined;
    case "quarterly":
      return quarter !== undefined && quarter >= 1 && quarter <= 4 ? year * 4 + quarter - 1 : undefined;
    case "semi_annually":
      return half !== undefined && half >= 1 && half <= 2 ? year * 2 + half - 1 : undefined;
    case "annually":
      return match[2] === undefined && match[3] === undefined && match[4] === undefined && match[5] === undefined ? year : undefined;
    case "weekly": {
      if (week === undefined || week < 1 || week > isoWeeksIn(year)) return undefined;
      // Week 1 holds 4 January; weeks are counted from the Monday of week 1.
      const january4 = utc(year, 0, 4);
      const monday = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * dayMs + (week - 1) * 7 * dayMs;
      return Math.round(monday / dayMs / 7);
    }
  }
}
