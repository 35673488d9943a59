import { currencyInfo, Decimal, type BandRow, type DeclarationModel, type RoundingValue } from "@covenant/core";
import { displayStyle, rangeText } from "../diff/value-text.js";
import { moneyText, numberText, signedPercent } from "./amounts.js";
import { findBand } from "./bands.js";
import type { Facts } from "./facts.js";
import type { Money, PriceResult } from "./model.js";

type RoundingMode = Parameters<Decimal["toDecimalPlaces"]>[1];

const roundingModes: Readonly<Record<string, RoundingMode>> = {
  half_up: Decimal.ROUND_HALF_UP,
  half_down: Decimal.ROUND_HALF_DOWN,
  half_even: Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

/** Rounds as the pricing's `rounding:` says (`half_up to 2 decimals`). */
export function roundAsDeclared(amount: Decimal, rounding: RoundingValue): Decimal {
  return amount.toDecimalPlaces(rounding.decimals, roundingModes[rounding.mode] ?? Decimal.ROUND_HALF_UP);
}

/**
 * The price of a product at a volume: the tier whose band holds the volume, then each index's
 * share of that price moved by the index (within its floor and ceiling), then the declared rounding.
 */
export function evaluatePricing(pricing: DeclarationModel, unit: string | undefined, volume: Decimal, facts: Facts): PriceResult {
  const product = pricing.subject?.name ?? "?";
  const trace: string[] = [];
  const tiers = pricing.rows.filter((r): r is BandRow => r.row === "tier");
  const match = findBand(tiers, volume, "tier");
  trace.push(match.why);
  const base: Money | undefined =
    "row" in match && match.row.price.kind === "money" ? { currency: match.row.price.currency, amount: match.row.price.amount } : undefined;
  const result = { pricing: pricing.name ?? "?", product, volume, tier: "index" in match ? match.index : undefined };
  if (!base || !("row" in match)) {
    return { ...result, band: undefined, unitPrice: undefined, indexedPrice: undefined, priceBand: undefined, trace };
  }
  trace.push(`unit price ${moneyText(base)} per ${unit ?? "unit"}`);

  const indices = pricing.blocks.filter((b) => b.kind === "index");
  let exact = base.amount;
  let lowFactor: Decimal | undefined = new Decimal(1);
  let highFactor: Decimal | undefined = new Decimal(1);
  for (const index of indices) {
    const weight = percentField(index, "weight") ?? new Decimal(0);
    const floor = percentField(index, "floor");
    const ceiling = percentField(index, "ceiling");
    lowFactor = floor && lowFactor ? lowFactor.add(weight.mul(floor).div(10_000)) : undefined;
    highFactor = ceiling && highFactor ? highFactor.add(weight.mul(ceiling).div(10_000)) : undefined;
    const movement = facts.indices.get(index.name ?? "");
    if (movement === undefined) {
      trace.push(`no movement given for index ${index.name}; its ${numberText(weight)}% share is not adjusted`);
      continue;
    }
    let applied = movement;
    let limit = "";
    if (floor && movement.lt(floor)) {
      applied = floor;
      limit = `; the floor of ${signedPercent(floor)} applies`;
    } else if (ceiling && movement.gt(ceiling)) {
      applied = ceiling;
      limit = `; the ceiling of ${signedPercent(ceiling)} applies`;
    }
    const adjustment = base.amount.mul(weight).mul(applied).div(10_000);
    exact = exact.add(adjustment);
    trace.push(
      `index ${index.name} moved ${signedPercent(movement)}${limit}: ${numberText(weight)}% of ${moneyText(base)} moves by ${signedPercent(applied)}, ${adjustment.isNegative() ? "-" : "+"}${moneyText({ ...base, amount: adjustment.abs() })}`,
    );
  }

  const declared = pricing.fields.get("rounding");
  // Never finer than the currency: the checker refuses such a rounding (CV402), and a caller that
  // evaluates a document with errors still gets a price someone can pay.
  const digits = currencyInfo(base.currency)?.digits;
  const rounding =
    declared?.kind === "rounding" && digits !== undefined && declared.decimals > digits ? { ...declared, decimals: digits } : declared;
  const round = (amount: Decimal): Decimal => (rounding?.kind === "rounding" ? roundAsDeclared(amount, rounding) : amount);
  const indexed: Money = { currency: base.currency, amount: round(exact) };
  if (indices.length === 0) trace.push("no indexation: the unit price applies as it is");
  else if (rounding?.kind === "rounding") {
    const limited =
      declared?.kind === "rounding" && declared.decimals !== rounding.decimals
        ? ` (the declared ${declared.decimals} decimals are finer than ${base.currency} allows)`
        : "";
    trace.push(
      `indexed price ${moneyText({ ...base, amount: exact })}, rounded ${rounding.mode} to ${rounding.decimals} decimals${limited}: ${moneyText(indexed)}`,
    );
  } else trace.push(`indexed price ${moneyText(indexed)} (no rounding declared)`);

  const bound = (factor: Decimal | undefined): Money | undefined =>
    factor ? { currency: base.currency, amount: round(base.amount.mul(factor)) } : undefined;
  const priceBand = indices.length > 0 ? { low: bound(lowFactor), high: bound(highFactor) } : undefined;
  return { ...result, band: rangeText(match.row.band, displayStyle), unitPrice: base, indexedPrice: indexed, priceBand, trace };
}

function percentField(d: DeclarationModel, field: string): Decimal | undefined {
  const value = d.fields.get(field);
  return value?.kind === "percent" ? value.value : undefined;
}
