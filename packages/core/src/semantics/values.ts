import type { ComparisonOperator } from "../syntax/ast.js";
import type { SourceRange } from "../syntax/position.js";
import type { Decimal } from "./decimal.js";

/**
 * Typed values: what the checker reads out of a field's phrase, given the field's schema.
 * Plain readonly data; numbers are exact decimals. Every value keeps the range it was read from.
 */

export type DurationUnit = "hours" | "days" | "business_days" | "weeks" | "months" | "years";

interface Base {
  readonly range: SourceRange;
}

export interface TextValue extends Base {
  readonly kind: "text";
  readonly value: string;
}
export interface DateValue extends Base {
  readonly kind: "date";
  readonly iso: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
}
export interface BoolValue extends Base {
  readonly kind: "bool";
  readonly value: boolean;
}
export interface NumberValue extends Base {
  readonly kind: "number";
  readonly value: Decimal;
  readonly written: string;
}
/** `35%` is `{ value: 35 }`. */
export interface PercentValue extends Base {
  readonly kind: "percent";
  readonly value: Decimal;
  readonly written: string;
}
export interface DurationValue extends Base {
  readonly kind: "duration";
  readonly amount: Decimal;
  readonly unit: DurationUnit;
  readonly written: string;
}
export interface PerpetualValue extends Base {
  readonly kind: "perpetual";
}
export interface MoneyValue extends Base {
  readonly kind: "money";
  readonly currency: string;
  readonly amount: Decimal;
  readonly written: string;
}
export interface QuantityValue extends Base {
  readonly kind: "quantity";
  readonly amount: Decimal;
  readonly unit: string;
  readonly written: string;
}
/** An ISO code: a currency (ISO 4217) or a country (ISO 3166-1 alpha-2). */
export interface CodeValue extends Base {
  readonly kind: "code";
  readonly code: string;
}
export interface TerritoryValue extends Base {
  readonly kind: "territory";
  readonly worldwide: boolean;
  readonly countries: readonly CodeValue[];
}
export interface UnitValue extends Base {
  readonly kind: "unit";
  readonly unit: string;
}
export interface EnumValue extends Base {
  readonly kind: "enum";
  readonly value: string;
}
/**
 * A name that refers to a declaration, or to a party by its role (`supplier` meaning the party whose
 * role is supplier). `any party` is a role reference with role "any".
 */
export interface ReferenceValue extends Base {
  readonly kind: "reference";
  readonly name: string;
  readonly byRole: boolean;
}
export interface ListValue extends Base {
  readonly kind: "list";
  readonly items: readonly Value[];
}
/** `>= 98%`. */
export interface ComparisonValue extends Base {
  readonly kind: "comparison";
  readonly operator: ComparisonOperator;
  readonly operand: MeasureValue;
}
/** `0.5% of invoice`. */
export interface ShareValue extends Base {
  readonly kind: "share";
  readonly percent: Decimal;
  readonly written: string;
  readonly base: string;
}
/** `1% below target`. */
export interface StepValue extends Base {
  readonly kind: "step";
  readonly amount: MeasureValue;
  readonly direction: "below" | "above";
}
export interface ConditionValue extends Base {
  readonly kind: "condition";
  readonly condition: Condition;
}
export interface CauseValue extends Base {
  readonly kind: "cause";
  readonly condition: Condition;
  readonly cure: DurationValue | undefined;
}
export interface ConvenienceValue extends Base {
  readonly kind: "convenience";
  readonly party: ReferenceValue;
  readonly notice: DurationValue;
  readonly fee: MoneyValue | undefined;
  /** The fee falls by this percentage each `per` period. */
  readonly declining: { readonly percent: PercentValue; readonly per: DurationUnit } | undefined;
}
/** `suspend delivery for 60 days`, `corrective_action by supplier within 10 days`, `notify supplier`. */
export interface ActionValue extends Base {
  readonly kind: "action";
  readonly verb: string;
  /** Words after the verb, before any `by`/`for`/`within` (`delivery` in `suspend delivery`). */
  readonly object: readonly string[];
  readonly party: ReferenceValue | undefined;
  readonly within: DurationValue | undefined;
  readonly for: DurationValue | undefined;
}
export interface RoundingValue extends Base {
  readonly kind: "rounding";
  readonly mode: string;
  readonly decimals: number;
}
export interface EveryValue extends Base {
  readonly kind: "every";
  readonly interval: DurationValue;
}
export interface PaymentValue extends Base {
  readonly kind: "payment";
  readonly amount: MoneyValue | ShareValue;
  readonly to: ReferenceValue;
}
/** `USD 12.00 per module`, `400_000 module per year`. */
export interface RateValue extends Base {
  readonly kind: "rate";
  readonly amount: MoneyValue | QuantityValue;
  readonly per: string;
}
export interface CreditValue extends Base {
  readonly kind: "credit";
  readonly rate: RateValue;
  readonly expires: DurationValue;
}
export interface AllocationValue extends Base {
  readonly kind: "allocation";
  readonly byFault: boolean;
  readonly shares: readonly { readonly party: ReferenceValue; readonly percent: PercentValue }[];
}
export interface RangeValue extends Base {
  readonly kind: "range";
  readonly low: Decimal;
  readonly high: Decimal | undefined;
  readonly lowWritten: string;
  readonly highWritten: string | undefined;
}

/** A value measured against a KPI target or an event threshold. */
export type MeasureValue = PercentValue | QuantityValue | DurationValue | NumberValue;

export type Value =
  | TextValue
  | DateValue
  | BoolValue
  | NumberValue
  | PercentValue
  | DurationValue
  | PerpetualValue
  | MoneyValue
  | QuantityValue
  | CodeValue
  | TerritoryValue
  | UnitValue
  | EnumValue
  | ReferenceValue
  | ListValue
  | ComparisonValue
  | ShareValue
  | StepValue
  | ConditionValue
  | CauseValue
  | ConvenienceValue
  | ActionValue
  | RoundingValue
  | EveryValue
  | PaymentValue
  | RateValue
  | CreditValue
  | AllocationValue
  | RangeValue;

/** A termination cause, a release condition or a force-majeure trigger, as structured data. */
export type Condition =
  | { readonly form: "all" | "any"; readonly operands: readonly Condition[]; readonly range: SourceRange }
  | { readonly form: "not"; readonly operand: Condition; readonly range: SourceRange }
  /** `port_closure >= 72 hours`. */
  | {
      readonly form: "threshold";
      readonly event: ReferenceValue;
      readonly operator: ComparisonOperator;
      readonly amount: MeasureValue;
      readonly range: SourceRange;
    }
  /** `breach of defects for 3 consecutive periods`. */
  | {
      readonly form: "breach";
      readonly target: ReferenceValue;
      readonly periods: number | undefined;
      readonly consecutive: boolean;
      readonly range: SourceRange;
    }
  /** `insolvency of supplier`, `change_of_control of buyer`. */
  | { readonly form: "insolvency" | "change_of_control"; readonly party: ReferenceValue; readonly range: SourceRange }
  /** `fm lasting 180 days`. */
  | { readonly form: "lasting"; readonly target: ReferenceValue; readonly duration: DurationValue; readonly range: SourceRange }
  /** `missed sop`. */
  | { readonly form: "missed"; readonly target: ReferenceValue; readonly range: SourceRange }
  /** Free text: legal, but not objectively measurable (CV900 where that matters). */
  | { readonly form: "text"; readonly text: string; readonly range: SourceRange };

/** How many days a duration spans at most, for ordering checks (a month counts 31 days, a year 366, a business day 7/5). */
export function durationMaxDays(duration: DurationValue): Decimal {
  switch (duration.unit) {
    case "hours":
      return duration.amount.div(24);
    case "days":
      return duration.amount;
    case "business_days":
      return duration.amount.mul(7).div(5);
    case "weeks":
      return duration.amount.mul(7);
    case "months":
      return duration.amount.mul(31);
    case "years":
      return duration.amount.mul(366);
  }
}
