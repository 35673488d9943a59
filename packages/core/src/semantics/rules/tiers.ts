import { Codes } from "../../diagnostics/codes.js";
import type { Fix } from "../../diagnostics/diagnostic.js";
import type { BandRow, DeclarationModel } from "../model.js";
import type { Decimal } from "../decimal.js";
import { fieldOf, type RuleContext } from "./context.js";

/** Tier and royalty tables: bands in order, without gaps or overlaps, open band last, prices falling with volume. */
export function checkBandTables(context: RuleContext): void {
  for (const model of context.declarations) {
    for (const word of ["tier", "royalty"] as const) {
      const rows = model.rows.filter((r): r is BandRow => r.row === word);
      // A row that did not read (reported) leaves a hole the table checks would take for a gap or a late start.
      if (rows.length > 0 && !model.unread.has(word)) checkTable(context, model, rows);
    }
  }
}

/** Writes a number with the digit grouping style and the decimals of `like` (`10_000.00` if `like` is `5_000.00`). */
export function writeNumber(value: Decimal, like: string): string {
  const decimals = like.split(".")[1]?.length;
  const plain = decimals !== undefined && value.decimalPlaces() <= decimals ? value.toFixed(decimals) : value.toFixed();
  if (!like.includes("_")) return plain;
  const [whole, fraction] = plain.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, "_");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

function checkTable(context: RuleContext, model: DeclarationModel, rows: readonly BandRow[]): void {
  const uri = model.uri;
  const text = context.texts.get(uri) ?? "";
  const word = rows[0]!.row;

  let empty = false;
  for (const row of rows) {
    if (row.band.high && row.band.low.gt(row.band.high)) {
      empty = true;
      context.report(
        uri,
        Codes.EmptyTier,
        row.band.range,
        `This ${word} band is empty: ${row.band.lowWritten} is above ${row.band.highWritten}; swap the two ends`,
        {
          fixes: [
            {
              title: "Swap the ends of the band",
              edits: [{ uri, range: row.band.range, newText: `${row.band.highWritten} .. ${row.band.lowWritten}` }],
            },
          ],
        },
      );
    }
  }

  // Order, gaps and overlaps are measured between well-formed bands; an empty one would only echo CV506.
  if (empty) return;

  const sorted = [...rows].sort((a, b) => a.band.low.comparedTo(b.band.low));
  const outOfOrder = rows.findIndex((row, i) => row !== sorted[i]);
  if (outOfOrder >= 0) {
    const row = rows[outOfOrder]!;
    context.report(
      uri,
      Codes.TierOrder,
      row.node.range,
      `${capital(word)} bands must be listed from the lowest volume up; this band starts at ${row.band.lowWritten}`,
      {
        fixes: reorderFix(uri, text, rows, sorted),
      },
    );
  }

  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const row = sorted[i]!;
    const related = [{ uri, range: previous.node.range, message: `The ${word} band before it` }];
    if (!previous.band.high) {
      context.report(
        uri,
        Codes.OpenTierNotLast,
        previous.band.range,
        `The open band '${previous.band.lowWritten} ..' must be the last ${word}; bands after it can never apply`,
        {
          related: [{ uri, range: row.node.range, message: "A band that follows it" }],
        },
      );
      continue;
    }
    // Whole-number bands are counts: 1 .. 9_999 then 10_000 ... Fractional bands (kg, tonnes) are
    // continuous: they may share a boundary, which belongs to the higher band.
    const integral = previous.band.high.isInteger() && row.band.low.isInteger();
    const next = integral ? previous.band.high.plus(1) : previous.band.high;
    const overlaps = integral ? row.band.low.lte(previous.band.high) : row.band.low.lt(previous.band.high);
    const gap = integral ? row.band.low.gt(next) : row.band.low.gt(previous.band.high);
    if (overlaps) {
      context.report(
        uri,
        Codes.TierOverlap,
        row.band.range,
        `This ${word} band overlaps the one before it: volumes ${row.band.lowWritten} to ${previous.band.highWritten} fall in both`,
        {
          related,
          fixes: [
            {
              title: `Start this band at ${writeNumber(next, row.band.lowWritten)}`,
              edits: [{ uri, range: lowRange(row), newText: writeNumber(next, row.band.lowWritten) }],
            },
          ],
        },
      );
    } else if (gap) {
      const gapEnd = integral ? row.band.low.minus(1) : row.band.low;
      context.report(
        uri,
        Codes.TierGap,
        row.band.range,
        `No ${word} covers volumes ${writeNumber(next, row.band.lowWritten)} to ${writeNumber(gapEnd, row.band.lowWritten)}; start this band at ${writeNumber(next, row.band.lowWritten)}`,
        {
          related,
          fixes: [
            {
              title: `Start this band at ${writeNumber(next, row.band.lowWritten)}`,
              edits: [{ uri, range: lowRange(row), newText: writeNumber(next, row.band.lowWritten) }],
            },
          ],
        },
      );
    }
  }

  if (word === "tier") {
    const minimum = fieldOf(model, "minimum_order", "quantity");
    const first = sorted[0]!;
    if (minimum && first.band.low.gt(minimum.amount)) {
      context.report(
        uri,
        Codes.TierAboveMinimum,
        first.band.range,
        `The first tier starts at ${first.band.lowWritten}, above the minimum order of ${minimum.written} ${minimum.unit}; orders in between would have no price`,
        {
          related: [{ uri, range: minimum.range, message: "The minimum order" }],
          fixes: [
            { title: `Start the first tier at ${minimum.written}`, edits: [{ uri, range: lowRange(first), newText: minimum.written }] },
          ],
        },
      );
    }
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1]!.price;
      const price = sorted[i]!.price;
      if (previous.kind === "money" && price.kind === "money" && previous.currency === price.currency && price.amount.gt(previous.amount)) {
        context.report(
          uri,
          Codes.TierPriceRises,
          price.range,
          `The price rises with volume here (${previous.currency} ${previous.written} → ${price.currency} ${price.written}); volume tiers usually fall`,
          {
            related: [{ uri, range: previous.range, message: "The price of the band below" }],
          },
        );
      }
    }
  }
}

function lowRange(row: BandRow): BandRow["band"]["range"] {
  const start = row.band.range.start;
  const length = row.band.lowWritten.length;
  return { start, end: { offset: start.offset + length, line: start.line, column: start.column + length } };
}

function capital(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** Reorders the rows in place when they are written one after another. */
function reorderFix(uri: string, text: string, rows: readonly BandRow[], sorted: readonly BandRow[]): Fix[] | undefined {
  const pieces = rows.map((r) => text.slice(r.node.range.start.offset, r.node.range.end.offset));
  const separators: string[] = [];
  for (let i = 1; i < rows.length; i++) {
    const between = text.slice(rows[i - 1]!.node.range.end.offset, rows[i]!.node.range.start.offset);
    if (!/^\s*$/.test(between)) return undefined;
    separators.push(between);
  }
  const byRow = new Map(rows.map((r, i) => [r, pieces[i]!]));
  let newText = "";
  sorted.forEach((row, i) => {
    newText += byRow.get(row)! + (separators[i] ?? "");
  });
  const range = { start: rows[0]!.node.range.start, end: rows[rows.length - 1]!.node.range.end };
  return [{ title: "Sort the bands from the lowest volume up", edits: [{ uri, range, newText }] }];
}
