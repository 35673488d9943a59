import type { BandRow, Decimal } from "@covenant/core";
import { displayStyle, rangeText } from "../diff/value-text.js";
import { numberText } from "./amounts.js";

/** The band of a tier or royalty table that holds a volume, with the sentence that says why. */
export interface BandMatch {
  readonly index: number;
  readonly row: BandRow;
  readonly why: string;
}

/**
 * Finds the band holding `volume`: low ≤ volume ≤ high (an open band has no high). Bands are
 * checked in written order, so where two fractional bands share a boundary the first one wins.
 */
export function findBand(rows: readonly BandRow[], volume: Decimal, word: "tier" | "royalty band"): BandMatch | { readonly why: string } {
  for (const [i, row] of rows.entries()) {
    if (volume.gte(row.band.low) && (row.band.high === undefined || volume.lte(row.band.high))) {
      return { index: i + 1, row, why: `${word} ${i + 1} applies: ${numberText(volume)} is within ${rangeText(row.band, displayStyle)}` };
    }
  }
  const first = rows[0];
  if (first && volume.lt(first.band.low)) {
    return { why: `no ${word} applies: ${numberText(volume)} is below the first band, ${rangeText(first.band, displayStyle)}` };
  }
  return { why: `no ${word} applies: ${numberText(volume)} falls between the bands` };
}
