import type { SourceRange } from "../syntax/position.js";
import type { Decimal } from "./decimal.js";
import type { PercentRange } from "./schema.js";
import type * as V from "./values.js";

/** One percentage inside a value, as written. */
export interface WrittenPercent {
  readonly value: Decimal;
  /** As written, with its sign and `%`: `125%`. */
  readonly written: string;
  readonly range: SourceRange;
}

/** The bounds of each percentage range. */
export const percentBounds: Readonly<Record<PercentRange, { readonly low: number; readonly high: number }>> = {
  share: { low: 0, high: 100 },
  change: { low: -100, high: 100 },
};

/**
 * Every percentage a value holds: a percentage, a share (`5% of invoice`), a target or threshold
 * (`>= 98%`), a penalty step (`1% below target`), the yearly decline of a convenience fee, the shares
 * of an allocation.
 */
export function percentsIn(value: V.Value): WrittenPercent[] {
  const found: WrittenPercent[] = [];
  const stack: V.Value[] = [value];
  while (stack.length > 0) {
    const v = stack.pop()!;
    switch (v.kind) {
      case "percent":
        found.push({ value: v.value, written: v.written, range: v.range });
        break;
      case "share":
        found.push({ value: v.percent, written: v.written, range: v.range });
        break;
      case "comparison":
        stack.push(v.operand);
        break;
      case "step":
        stack.push(v.amount);
        break;
      case "convenience":
        if (v.declining) stack.push(v.declining.percent);
        break;
      case "payment":
        stack.push(v.amount);
        break;
      case "allocation":
        for (const share of v.shares) stack.push(share.percent);
        break;
      case "list":
        for (const item of v.items) stack.push(item);
        break;
      default:
        break;
    }
  }
  return found;
}

/** The percentages of a value outside the range its field or row declares. */
export function percentsOutOfRange(value: V.Value, range: PercentRange | undefined): WrittenPercent[] {
  if (!range) return [];
  const { low, high } = percentBounds[range];
  return percentsIn(value).filter((p) => p.value.lt(low) || p.value.gt(high));
}
