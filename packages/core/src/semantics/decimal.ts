import { Decimal as DecimalJs } from "decimal.js";

/**
 * The one decimal type of Covenant: arbitrary precision, never binary floats. Money, percentages
 * and quantities are exact; rounding happens only where a contract says so.
 */
export const Decimal = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

/** Parses the digits of a number literal (grouping already removed); undefined if not a number. */
export function toDecimal(digits: string): Decimal | undefined {
  try {
    return new Decimal(digits);
  } catch {
    return undefined;
  }
}

/** The number of digits after the decimal point as written (`182.00` has 2). */
export function writtenDecimals(digits: string): number {
  const dot = digits.indexOf(".");
  return dot < 0 ? 0 : digits.length - dot - 1;
}
