import { Decimal } from "@covenant/core";

/** Keys of typed values that say where or how a value was written, not what it is. */
const layoutKeys = new Set(["range", "node", "written", "lowWritten", "highWritten"]);

/**
 * A typed value (or row) as plain JSON: decimals as strings in their shortest exact form, source
 * ranges and spellings dropped, reference names passed through `names`. Two values that mean the
 * same (`171.50` and `171.5`, `9_999` and `9999`) give the same plain value.
 */
export function plainValue(value: unknown, names: (name: string) => string = (n) => n): unknown {
  if (Decimal.isDecimal(value)) return (value as Decimal).toString();
  if (Array.isArray(value)) return value.map((item) => plainValue(item, names));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    if (layoutKeys.has(key) || record[key] === undefined) continue;
    out[key] = plainValue(record[key], names);
  }
  if (record["kind"] === "reference" && typeof record["name"] === "string") out["name"] = names(record["name"]);
  return out;
}

/** A string that is equal for two values exactly when they mean the same. */
export function canonicalKey(value: unknown, names?: (name: string) => string): string {
  return JSON.stringify(plainValue(value, names));
}
