import { createHash } from "node:crypto";
import type { Json } from "./canonical.js";

/**
 * JSON with a stable key order: object keys sorted by UTF-16 code units at every level, as in
 * RFC 8785 (JCS). The terms hold no floating-point numbers (decimals are strings) and no
 * integer-like keys, so after sorting, the engine's own JSON.stringify (which keeps insertion
 * order) gives the JCS canonical form compactly, and readable output with an indent.
 */
export function stableStringify(value: Json, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

/** A copy of `value` whose objects have their keys inserted in sorted order. */
export function sortKeys(value: Json): Json {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(sortKeys);
  const object = value as { readonly [key: string]: Json };
  const sorted: { [key: string]: Json } = {};
  for (const key of Object.keys(object).sort()) sorted[key] = sortKeys(object[key]!);
  return sorted;
}

/** `sha256:` and the hex SHA-256 of the canonical (compact, sorted) JSON of `value`. */
export function contentHash(value: Json): string {
  return `sha256:${createHash("sha256").update(stableStringify(value), "utf8").digest("hex")}`;
}
