import {
  addDuration,
  compareDates,
  countryName,
  currencyInfo,
  dateOf,
  type CalendarDate,
  type CheckedDocument,
  type Condition,
  type Decimal,
  type DurationValue,
  type SignRules,
  type Value,
  type ValueType,
} from "@covenant/core";

/**
 * How the server shows typed values to a person: in hover and inlay hints. Amounts keep their
 * exact decimals and get digit grouping; codes get their names; durations can be counted in days.
 */

/** `1_000.50` → `1,000.50`, keeping every written decimal. */
export function grouped(value: Decimal | string): string {
  const text = typeof value === "string" ? value.replace(/_/g, "") : value.toFixed();
  const negative = text.startsWith("-");
  const [whole, fraction] = (negative ? text.slice(1) : text).split(".");
  const withCommas = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${withCommas}${fraction !== undefined ? `.${fraction}` : ""}`;
}

const signPartWords = { amount: "amounts", time: "durations", level: "levels", band: "band volumes" } as const;
const signRuleWords = { positive: "more than zero", non_negative: "zero or more", any: "any sign" } as const;

/** A field's or row's sign rules for hover (`Durations: more than zero.`), or undefined when it holds no number. */
export function signRulesText(rules: SignRules | undefined): string | undefined {
  const parts = Object.entries(rules ?? {}).map(
    ([part, rule]) => `${signPartWords[part as keyof typeof signPartWords]}: ${signRuleWords[rule]}`,
  );
  if (parts.length === 0) return undefined;
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The name of a value type, as hover shows it. */
export function typeName(type: ValueType): string {
  switch (type.type) {
    case "enum":
      return `one of ${type.values.map((v) => `\`${v}\``).join(", ")}`;
    case "reference":
      return `reference to ${type.kinds.map((k) => `a ${k.replace("_", " ")}`).join(" or ")}`;
    case "list":
      return `list of ${typeName(type.of)}`;
    case "duration":
      return type.allowPerpetual ? "duration or `perpetual`" : "duration";
    case "currency":
      return "currency code (ISO 4217)";
    case "country":
      return "country code (ISO 3166-1 alpha-2)";
    case "territory":
      return "country codes (ISO 3166-1 alpha-2) or `worldwide`";
    case "target":
      return "comparison with the measure";
    case "amount":
      return "money or share";
    case "step":
      return "step of shortfall";
    case "convenience":
      return "termination for convenience";
    case "shortfall":
      return "shortfall payment";
    default:
      return type.type;
  }
}

const units: Record<DurationValue["unit"], [string, string]> = {
  hours: ["hour", "hours"],
  days: ["day", "days"],
  business_days: ["business day", "business days"],
  weeks: ["week", "weeks"],
  months: ["month", "months"],
  years: ["year", "years"],
};

export function durationText(duration: DurationValue): string {
  const [one, many] = units[duration.unit];
  return `${grouped(duration.amount)} ${duration.amount.eq(1) ? one : many}`;
}

const epochDays = (d: CalendarDate): number => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;

/**
 * A duration counted in calendar days: exact for hours, days and weeks; for months, years and
 * business days only from a start date (the contract's effective date), undefined without one.
 */
export function durationDays(duration: DurationValue, from: CalendarDate | undefined): Decimal | number | undefined {
  switch (duration.unit) {
    case "days":
      return duration.amount;
    case "hours":
      return duration.amount.div(24);
    case "weeks":
      return duration.amount.mul(7);
    default:
      return from ? epochDays(addDuration(from, duration)) - epochDays(from) : undefined;
  }
}

/** The contract's effective date, which months and years are counted from. */
export function effectiveDate(checked: CheckedDocument): CalendarDate | undefined {
  const effective = checked.contract?.fields.get("effective");
  return effective?.kind === "date" ? dateOf(effective) : undefined;
}

/** Days from the effective date to `date` (negative before it). */
export function daysFrom(from: CalendarDate, date: CalendarDate): number {
  return compareDates(date, from);
}

function dayCount(days: Decimal | number): string {
  const text = typeof days === "number" ? grouped(String(days)) : grouped(days.toDecimalPlaces(2));
  return `${text} ${text === "1" ? "day" : "days"}`;
}

/** "1,826 days" for a duration that can be counted, else undefined. */
export function daysText(duration: DurationValue, from: CalendarDate | undefined): string | undefined {
  const days = durationDays(duration, from);
  return days === undefined ? undefined : dayCount(days);
}

const operatorWords = { ">=": "at least", "<=": "at most", ">": "more than", "<": "less than", "=": "exactly" } as const;

/** A typed value as a person reads it: `USD 182.00`, `5 years`, `CN (China)`. */
export function describeValue(value: Value): string {
  switch (value.kind) {
    case "text":
      return `"${value.value}"`;
    case "date":
      return value.iso;
    case "bool":
      return value.value ? "yes" : "no";
    case "number":
      return grouped(value.written);
    case "percent":
      return percentText(value.written);
    case "duration":
      return durationText(value);
    case "perpetual":
      return "perpetual";
    case "money":
      return `${value.currency} ${grouped(value.written)}${currencyName(value.currency)}`;
    case "quantity":
      return `${grouped(value.written)} ${value.unit}`;
    case "code": {
      const name = currencyInfo(value.code)?.name ?? countryName(value.code);
      return name ? `${value.code} (${name})` : value.code;
    }
    case "territory":
      return value.worldwide ? "worldwide" : value.countries.map((c) => describeValue(c)).join(", ");
    case "unit":
      return value.unit;
    case "enum":
      return value.value;
    case "reference":
      return value.byRole ? `the ${value.name.replace(/_/g, " ")} (by role)` : value.name;
    case "list":
      return value.items.map(describeValue).join(", ");
    case "comparison":
      return `${operatorWords[value.operator]} ${describeValue(value.operand)}`;
    case "share":
      return `${percentText(value.written)} of the ${value.base.replace(/_/g, " ")}`;
    case "step":
      return `each ${describeValue(value.amount)} ${value.direction} target`;
    case "condition":
      return describeCondition(value.condition);
    case "cause":
      return `${describeCondition(value.condition)}${value.cure ? `, cure period ${durationText(value.cure)}` : ""}`;
    case "convenience":
      return `${describeValue(value.party)} on ${durationText(value.notice)} notice${value.fee ? `, paying ${describeValue(value.fee)}` : ""}${
        value.declining ? ` falling ${percentText(value.declining.percent.written)} per ${units[value.declining.per][0]}` : ""
      }`;
    case "action":
      return [
        value.verb.replace(/_/g, " "),
        ...value.object,
        value.party ? `by ${describeValue(value.party)}` : "",
        value.within ? `within ${durationText(value.within)}` : "",
        value.for ? `for ${durationText(value.for)}` : "",
      ]
        .filter(Boolean)
        .join(" ");
    case "rounding":
      return `${value.mode.replace(/_/g, " ")} to ${value.decimals} decimal${value.decimals === 1 ? "" : "s"}`;
    case "every":
      return `every ${durationText(value.interval)}`;
    case "payment":
      return `${describeValue(value.amount)} to ${describeValue(value.to)}`;
    case "rate":
      return `${describeValue(value.amount)} per ${value.per in units ? units[value.per as DurationValue["unit"]][0] : value.per}`;
    case "credit":
      return `credit of ${describeValue(value.rate)}, expiring after ${durationText(value.expires)}`;
    case "allocation":
      return value.byFault
        ? "by share of fault"
        : value.shares.map((s) => `${describeValue(s.party)} ${percentText(s.percent.written)}`).join(", ");
    case "range":
      return value.high ? `${grouped(value.lowWritten)} to ${grouped(value.highWritten!)}` : `${grouped(value.lowWritten)} and above`;
  }
}

/** `12.5%` as written (the literal keeps its sign and `%`), with digit grouping. */
function percentText(written: string): string {
  return `${grouped(written.replace(/%$/, ""))}%`;
}

function currencyName(code: string): string {
  const name = currencyInfo(code)?.name;
  return name ? ` (${name})` : "";
}

export function describeCondition(condition: Condition): string {
  switch (condition.form) {
    case "all":
    case "any":
      return condition.operands
        .map((o) => (o.form === "all" || o.form === "any" ? `(${describeCondition(o)})` : describeCondition(o)))
        .join(condition.form === "all" ? " and " : " or ");
    case "not":
      return `not ${describeCondition(condition.operand)}`;
    case "threshold":
      return `${condition.event.name} reaches ${operatorWords[condition.operator]} ${describeValue(condition.amount)}`;
    case "breach":
      return `breach of ${condition.target.name}${condition.periods !== undefined ? ` for ${condition.periods}${condition.consecutive ? " consecutive" : ""} periods` : ""}`;
    case "insolvency":
      return `insolvency of ${describeValue(condition.party)}`;
    case "change_of_control":
      return `change of control of ${describeValue(condition.party)}`;
    case "lasting":
      return `${condition.target.name} lasting ${durationText(condition.duration)}`;
    case "missed":
      return `${condition.target.name} missed`;
    case "text":
      return `"${condition.text}" (free text)`;
  }
}
