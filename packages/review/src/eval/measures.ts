import type { ComparisonOperator, Decimal, MeasureValue } from "@covenant/core";
import { numberText } from "./amounts.js";

/**
 * Measured amounts (KPI levels, event measurements, thresholds) as decimals in one unit. Time
 * converts between hours, days and weeks; business days and calendar units only to themselves.
 */

const hoursPer: Readonly<Record<string, number>> = { hours: 1, hour: 1, days: 24, day: 24, weeks: 168, week: 168 };

/** A measure's amount expressed in `unit`, or undefined when the units do not convert. */
export function amountIn(measure: MeasureValue, unit: string | undefined): Decimal | undefined {
  switch (measure.kind) {
    case "percent":
      return measure.value;
    case "number":
      return measure.value;
    case "quantity":
      return unit === undefined || measure.unit === unit ? measure.amount : undefined;
    case "duration": {
      if (unit === undefined || unit === measure.unit) return measure.amount;
      const from = hoursPer[measure.unit];
      const to = hoursPer[unit];
      return from !== undefined && to !== undefined ? measure.amount.mul(from).div(to) : undefined;
    }
  }
}

/** The unit a measure is counted in: `percent` for a percentage, the quantity's or duration's unit, none for a level. */
export function unitOfMeasure(measure: MeasureValue): string | undefined {
  switch (measure.kind) {
    case "percent":
      return "percent";
    case "quantity":
      return measure.unit;
    case "duration":
      return measure.unit;
    case "number":
      return undefined;
  }
}

export function compare(value: Decimal, operator: ComparisonOperator, threshold: Decimal): boolean {
  switch (operator) {
    case ">=":
      return value.gte(threshold);
    case "<=":
      return value.lte(threshold);
    case ">":
      return value.gt(threshold);
    case "<":
      return value.lt(threshold);
    case "=":
      return value.eq(threshold);
  }
}

/** `97.25%`, `72 ppm`, `3 business days`, `4` (a level). */
export function measureText(value: Decimal, unit: string | undefined): string {
  if (unit === "percent") return `${numberText(value)}%`;
  if (unit === undefined) return numberText(value);
  if (unit === "level") return `level ${numberText(value)}`;
  return `${numberText(value)} ${unit.replace(/_/g, " ")}`;
}

/** A difference between two levels: `1.6 percentage points`, `22 ppm`. */
export function differenceText(value: Decimal, unit: string | undefined): string {
  if (unit === "percent") return `${numberText(value)} percentage point${value.eq(1) ? "" : "s"}`;
  return measureText(value, unit);
}
