import type { ComparisonOperator, Condition, Decimal, DurationValue, RangeValue, Value } from "@covenant/core";

/**
 * Values as text, in two styles: `display` is what a reviewer reads (`USD 1,200,000`, `≤ 50 ppm`,
 * `10,000–49,999`); `source` is how Covenant writes it (`USD 1_200_000`, `<= 50 ppm`, `10_000 .. 49_999`)
 * and makes stable term paths. Names go through `names`, so a renamed declaration's references read
 * with its new name.
 */
export interface TextStyle {
  readonly style: "display" | "source";
  readonly names: (name: string) => string;
}

export const displayStyle: TextStyle = { style: "display", names: (name) => name };
export const sourceStyle: TextStyle = { style: "source", names: (name) => name };

/** Groups the integer part in thousands: `1,200,000.50` (display) or `1_200_000.50` (source). */
export function groupDigits(digits: string, separator: string): string {
  const negative = digits.startsWith("-");
  const unsigned = negative ? digits.slice(1) : digits;
  const [whole = "", fraction] = unsigned.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return `${negative ? "-" : ""}${grouped}${fraction !== undefined ? `.${fraction}` : ""}`;
}

/** A decimal with as many decimals as written (`182.00` stays `182.00`), grouped for the style. */
export function formatNumber(value: Decimal, written: string | undefined, style: TextStyle): string {
  const decimals = written ? decimalsOf(written) : Math.max(0, value.decimalPlaces());
  return groupDigits(value.toFixed(decimals), style.style === "display" ? "," : "_");
}

function decimalsOf(written: string): number {
  const match = /\.(\d+)/.exec(written.replace(/_/g, ""));
  return match ? match[1]!.length : 0;
}

const uncountable = new Set(["kg", "g", "lb", "m", "km", "kwh", "mwh", "ppm", "mm", "cm", "celsius", "tco2e"]);

/** `modules` for `module`; measures such as `kg` and `ppm` stay as they are. */
export function pluralUnit(unit: string): string {
  if (uncountable.has(unit) || unit.endsWith("s")) return unit;
  return `${unit}s`;
}

function unitFor(amount: Decimal, unit: string): string {
  return amount.eq(1) ? unit : pluralUnit(unit);
}

const durationNames: Readonly<Record<DurationValue["unit"], readonly [string, string]>> = {
  hours: ["hour", "hours"],
  days: ["day", "days"],
  business_days: ["business day", "business days"],
  weeks: ["week", "weeks"],
  months: ["month", "months"],
  years: ["year", "years"],
};

function durationText(value: DurationValue, style: TextStyle): string {
  const amount = formatNumber(value.amount, value.written.split(" ")[0], style);
  if (style.style === "source") return `${amount} ${value.amount.eq(1) ? value.unit.replace(/s$/, "") : value.unit}`;
  const [one, many] = durationNames[value.unit];
  return `${amount} ${value.amount.eq(1) ? one : many}`;
}

export function operatorText(operator: ComparisonOperator, style: TextStyle): string {
  if (style.style === "source") return operator;
  return { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" }[operator];
}

/** `10,000–49,999` or `50,000+` (display); `10_000 .. 49_999` or `50_000 ..` (source). */
export function rangeText(range: RangeValue, style: TextStyle): string {
  const low = formatNumber(range.low, range.lowWritten, style);
  const high = range.high ? formatNumber(range.high, range.highWritten, style) : undefined;
  if (style.style === "source") return high ? `${low} .. ${high}` : `${low} ..`;
  return high ? `${low}–${high}` : `${low}+`;
}

/** `per year`, not `per years`: rates are per one unit of time. */
function perUnit(unit: string): string {
  const time = durationNames[unit as DurationValue["unit"]];
  return time ? time[0] : unit;
}

/** The text of a typed value. */
export function valueText(value: Value, style: TextStyle = displayStyle): string {
  const text = (v: Value): string => valueText(v, style);
  switch (value.kind) {
    case "text":
      return JSON.stringify(value.value);
    case "date":
      return value.iso;
    case "bool":
      return String(value.value);
    case "number":
      return formatNumber(value.value, value.written, style);
    case "percent":
      return `${formatNumber(value.value, value.written, style)}%`;
    case "duration":
      return durationText(value, style);
    case "perpetual":
      return "perpetual";
    case "money":
      return `${value.currency} ${formatNumber(value.amount, value.written, style)}`;
    case "quantity":
      return `${formatNumber(value.amount, value.written, style)} ${style.style === "display" ? unitFor(value.amount, value.unit) : value.unit}`;
    case "code":
      return value.code;
    case "territory":
      return value.worldwide ? "worldwide" : `[${value.countries.map((c) => c.code).join(", ")}]`;
    case "unit":
      return value.unit;
    case "enum":
      return value.value;
    case "reference":
      return value.byRole && value.name === "any" ? "any party" : style.names(value.name);
    case "list":
      return `[${value.items.map(text).join(", ")}]`;
    case "comparison":
      return `${operatorText(value.operator, style)} ${text(value.operand)}`;
    case "share":
      return `${formatNumber(value.percent, value.written, style)}% of ${value.base}`;
    case "step":
      return `${text(value.amount)} ${value.direction} target`;
    case "condition":
      return conditionText(value.condition, style);
    case "cause":
      return `${conditionText(value.condition, style)}${value.cure ? ` cure ${text(value.cure)}` : ""}`;
    case "convenience": {
      const fee = value.fee ? ` paying ${text(value.fee)}` : "";
      const declining = value.declining ? ` declining ${text(value.declining.percent)} per ${value.declining.per.replace(/s$/, "")}` : "";
      return `${text(value.party)} with notice ${text(value.notice)}${fee}${declining}`;
    }
    case "action":
      return [
        value.verb,
        ...value.object,
        // `notify supplier`: the party notified is the verb's object; others act `by` a party.
        ...(value.party ? (value.verb === "notify" ? [text(value.party)] : ["by", text(value.party)]) : []),
        ...(value.within ? ["within", text(value.within)] : []),
        ...(value.for ? ["for", text(value.for)] : []),
      ].join(" ");
    case "rounding":
      return `${value.mode} to ${value.decimals} decimal${value.decimals === 1 ? "" : "s"}`;
    case "every":
      return `every ${text(value.interval)}`;
    case "payment":
      return `${text(value.amount)} to ${text(value.to)}`;
    case "rate":
      return `${text(value.amount)} per ${perUnit(value.per)}`;
    case "credit":
      return `credit ${text(value.rate)} expiring ${text(value.expires)}`;
    case "allocation":
      return value.byFault ? "by fault" : `[${value.shares.map((s) => `${text(s.party)} ${text(s.percent)}`).join(", ")}]`;
    case "range":
      return rangeText(value, style);
  }
}

/** A condition as written, with `and`/`or`/`not` and the brackets its structure needs. */
export function conditionText(condition: Condition, style: TextStyle = displayStyle): string {
  const inner = (c: Condition, parent: "all" | "any" | "not"): string => {
    const text = conditionText(c, style);
    const needsBrackets = (c.form === "all" || c.form === "any") && (parent === "not" || c.form !== parent);
    return needsBrackets ? `(${text})` : text;
  };
  switch (condition.form) {
    case "all":
    case "any":
      return condition.operands.map((o) => inner(o, condition.form as "all" | "any")).join(condition.form === "all" ? " and " : " or ");
    case "not":
      return `not ${inner(condition.operand, "not")}`;
    case "threshold":
      return `${style.names(condition.event.name)} ${operatorText(condition.operator, style)} ${valueText(condition.amount, style)}`;
    case "breach": {
      const periods =
        condition.periods !== undefined
          ? ` for ${condition.periods}${condition.consecutive ? " consecutive" : ""} period${condition.periods === 1 ? "" : "s"}`
          : "";
      return `breach of ${style.names(condition.target.name)}${periods}`;
    }
    case "insolvency":
    case "change_of_control":
      return `${condition.form} of ${valueText(condition.party, style)}`;
    case "lasting":
      return `${style.names(condition.target.name)} lasting ${valueText(condition.duration, style)}`;
    case "missed":
      return `missed ${style.names(condition.target.name)}`;
    case "text":
      return JSON.stringify(condition.text);
  }
}
