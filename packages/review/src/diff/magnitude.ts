import { Decimal, type Value } from "@covenant/core";

/**
 * The size of a value along one dimension, so that two versions of a term can be ordered: a price
 * in USD, a percentage, a duration in days. Values of different dimensions (USD and EUR, a share
 * of invoice and a money amount) have no order, and a change between them favours no one.
 */
export interface Magnitude {
  readonly dimension: string;
  readonly amount: Decimal;
}

/** Days in a unit, averaged over the calendar: only for ordering, never for evaluation. */
const daysPer: Readonly<Record<string, string>> = {
  hours: "0.041666666666666666666666666666666666666666666667",
  days: "1",
  business_days: "1.4",
  weeks: "7",
  months: "30.436875",
  years: "365.2425",
};

/** The magnitude of a value, or undefined when it has none (text, references, conditions). */
export function magnitude(value: unknown): Magnitude | undefined {
  if (typeof value !== "object" || value === null || !("kind" in value)) return undefined;
  const v = value as Value;
  switch (v.kind) {
    case "number":
      return { dimension: "number", amount: v.value };
    case "percent":
      return { dimension: "percent", amount: v.value };
    case "money":
      return { dimension: `money ${v.currency}`, amount: v.amount };
    case "quantity":
      return { dimension: `quantity ${v.unit}`, amount: v.amount };
    case "duration":
      return { dimension: "duration", amount: v.amount.mul(new Decimal(daysPer[v.unit]!)) };
    case "perpetual":
      return { dimension: "duration", amount: new Decimal(Infinity) };
    case "bool":
      return { dimension: "bool", amount: new Decimal(v.value ? 1 : 0) };
    case "share":
      return { dimension: `share ${v.base}`, amount: v.percent };
    case "rate": {
      const inner = magnitude(v.amount);
      return inner && { dimension: `${inner.dimension} per ${v.per}`, amount: inner.amount };
    }
    case "credit": {
      const inner = magnitude(v.rate);
      return inner && { dimension: `credit ${inner.dimension}`, amount: inner.amount };
    }
    case "payment":
      return magnitude(v.amount);
    case "every":
      return magnitude(v.interval);
    case "step":
      return magnitude(v.amount);
    case "comparison":
      return magnitude(v.operand);
    case "action": {
      const span = v.for ?? v.within;
      return span ? magnitude(span) : undefined;
    }
    case "date":
      return { dimension: "date", amount: new Decimal(Date.UTC(v.year, v.month - 1, v.day) / 86_400_000) };
    default:
      return undefined;
  }
}

/** -1, 0 or 1 when both values have a magnitude of the same dimension; undefined otherwise. */
export function compareMagnitudes(before: unknown, after: unknown): -1 | 0 | 1 | undefined {
  const a = magnitude(before);
  const b = magnitude(after);
  if (!a || !b || a.dimension !== b.dimension) return undefined;
  return a.amount.comparedTo(b.amount) as -1 | 0 | 1;
}
