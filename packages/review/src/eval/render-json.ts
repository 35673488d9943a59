import { currencyInfo, Decimal } from "@covenant/core";
import { jsonInert } from "@covenant/compiler";
import type { EvalResult } from "./model.js";

/**
 * The evaluation as JSON: decimals as strings (money with at least its currency's minor digits),
 * every result with its trace; characters that act on a terminal written as `\uXXXX` escapes.
 */
export function renderEvalJson(result: EvalResult): string {
  return jsonInert(JSON.stringify(plain(result), null, 2)) + "\n";
}

function plain(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return (value as Decimal).toFixed();
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (typeof record["currency"] === "string" && Decimal.isDecimal(record["amount"])) {
    const amount = record["amount"] as Decimal;
    const minor = currencyInfo(record["currency"])?.digits ?? 2;
    return {
      ...Object.fromEntries(Object.entries(record).map(([k, v]) => [k, plain(v)])),
      amount: amount.toFixed(Math.max(minor, amount.decimalPlaces())),
    };
  }
  return Object.fromEntries(
    Object.entries(record)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, plain(v)]),
  );
}
