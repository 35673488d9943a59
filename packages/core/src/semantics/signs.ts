import type { SourceRange } from "../syntax/position.js";
import type { Decimal } from "./decimal.js";
import { signedUnits, type SignPart, type SignRule, type SignRules } from "./schema.js";
import type * as V from "./values.js";

/** One number inside a value, with the part of the value it belongs to. */
export interface SignedNumber {
  readonly part: SignPart;
  readonly amount: Decimal;
  /** The range of the value the number is written in (`-30 days`, `USD -1_000`, `-5% of invoice`). */
  readonly range: SourceRange;
  /** A level in a unit that goes below zero (`-20 celsius`): no sign rule applies to it. */
  readonly signedUnit: boolean;
}

/** A number that breaks its field's sign rule. */
export interface SignViolation {
  readonly number: SignedNumber;
  readonly rule: Exclude<SignRule, "any">;
}

/**
 * Every number a value holds, each with its part: durations are `time` (or `level` when measured
 * against, as in `port_closure >= 72 hours`), targets and thresholds `level`, band limits `band`,
 * everything else `amount`. Conditions are walked with an explicit stack: a flat chain of 70,000
 * `and` terms must not cost 70,000 frames.
 */
export function numbersIn(value: V.Value): SignedNumber[] {
  const found: SignedNumber[] = [];
  const add = (part: SignPart, amount: Decimal, range: SourceRange, signedUnit = false): void => {
    found.push({ part, amount, range, signedUnit });
  };
  const measure = (measured: V.MeasureValue, part: SignPart): void => {
    if (measured.kind === "duration") add(part, measured.amount, measured.range);
    else if (measured.kind === "quantity")
      add(part, measured.amount, measured.range, part === "level" && signedUnits.includes(measured.unit));
    else add(part, measured.value, measured.range);
  };
  const condition = (root: V.Condition): void => {
    const stack: V.Condition[] = [root];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (c.form === "all" || c.form === "any") for (let i = c.operands.length - 1; i >= 0; i--) stack.push(c.operands[i]!);
      else if (c.form === "not") stack.push(c.operand);
      else if (c.form === "threshold") measure(c.amount, "level");
      else if (c.form === "lasting") add("time", c.duration.amount, c.duration.range);
    }
  };
  const stack: V.Value[] = [value];
  while (stack.length > 0) {
    const v = stack.pop()!;
    switch (v.kind) {
      case "duration":
        add("time", v.amount, v.range);
        break;
      case "money":
        add("amount", v.amount, v.range);
        break;
      case "percent":
      case "number":
      case "quantity":
        measure(v, "amount");
        break;
      case "share":
        add("amount", v.percent, v.range);
        break;
      case "range":
        add("band", v.low, v.range);
        if (v.high) add("band", v.high, v.range);
        break;
      case "list":
        for (let i = v.items.length - 1; i >= 0; i--) stack.push(v.items[i]!);
        break;
      case "comparison":
        measure(v.operand, "level");
        break;
      case "step":
        measure(v.amount, "amount");
        break;
      case "condition":
        condition(v.condition);
        break;
      case "cause":
        condition(v.condition);
        if (v.cure) stack.push(v.cure);
        break;
      case "convenience":
        stack.push(v.notice);
        if (v.fee) stack.push(v.fee);
        if (v.declining) stack.push(v.declining.percent);
        break;
      case "action":
        if (v.within) stack.push(v.within);
        if (v.for) stack.push(v.for);
        break;
      case "every":
        stack.push(v.interval);
        break;
      case "payment":
        stack.push(v.amount);
        break;
      case "rate":
        stack.push(v.amount);
        break;
      case "credit":
        stack.push(v.rate, v.expires);
        break;
      case "allocation":
        for (const share of v.shares) stack.push(share.percent);
        break;
      default:
        break;
    }
  }
  return found;
}

/** The numbers of a value that break the sign rules declared for its field or row. */
export function signViolations(value: V.Value, rules: SignRules | undefined): SignViolation[] {
  const violations: SignViolation[] = [];
  for (const number of numbersIn(value)) {
    const rule = rules?.[number.part] ?? "any";
    if (rule === "any" || number.signedUnit) continue;
    if (number.amount.isNegative() || (rule === "positive" && number.amount.isZero())) violations.push({ number, rule });
  }
  return violations;
}
