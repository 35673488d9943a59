import { jsonInert } from "@covenant/compiler";
import type { TermDiff } from "./model.js";

/**
 * The diff as JSON: the model itself, decimals as strings, stable key order from the model's
 * construction; characters that act on a terminal are written as `\uXXXX` escapes.
 */
export function renderDiffJson(diff: TermDiff): string {
  return jsonInert(JSON.stringify({ equal: diff.declarations.length === 0, ...diff }, null, 2)) + "\n";
}
