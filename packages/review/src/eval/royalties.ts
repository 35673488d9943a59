import type { BandRow, Decimal, DeclarationModel } from "@covenant/core";
import { displayStyle, rangeText } from "../diff/value-text.js";
import { numberText } from "./amounts.js";
import { findBand } from "./bands.js";
import type { RoyaltyResult } from "./model.js";

/** A licence's royalty band at a volume in its royalty basis, and the rate it sets. */
export function evaluateRoyalty(license: DeclarationModel, volume: Decimal): RoyaltyResult {
  const bands = license.rows.filter((r): r is BandRow => r.row === "royalty");
  const match = findBand(bands, volume, "royalty band");
  const trace = [match.why];
  if (!("row" in match) || match.row.price.kind !== "percent") {
    return { license: license.name ?? "?", volume, tier: undefined, band: undefined, rate: undefined, trace };
  }
  trace.push(`royalty rate ${numberText(match.row.price.value)}%`);
  return {
    license: license.name ?? "?",
    volume,
    tier: match.index,
    band: rangeText(match.row.band, displayStyle),
    rate: match.row.price.value,
    trace,
  };
}
