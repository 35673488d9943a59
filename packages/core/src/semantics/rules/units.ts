import { Codes } from "../../diagnostics/codes.js";
import type { SourceRange } from "../../syntax/position.js";
import type { DeclarationModel } from "../model.js";
import { durationUnits } from "../schema.js";
import { currencyInfo } from "../codes-tables.js";
import { Decimal } from "../decimal.js";
import { periodOfRateUnit, rateOverPeriod } from "../periods.js";
import type { DurationValue, MeasureValue, RateValue, Value } from "../values.js";
import { allValues, blocksOf, declarationOf, fieldOf, isWritten, type RuleContext } from "./context.js";

/** The dimension a measured value has, in words. */
function dimensionOf(value: MeasureValue): string {
  switch (value.kind) {
    case "percent":
      return "a percentage";
    case "number":
      return "a plain number";
    case "duration":
      return `a duration in ${value.unit.replace("_", " ")}`;
    case "quantity":
      return `a quantity in ${value.unit}`;
  }
}

/** Hours, days and weeks convert exactly into one another; months, years and business days only into themselves. */
const exactTimeUnits: ReadonlySet<string> = new Set(["hours", "days", "weeks"]);

/** True when a duration can be stated exactly in `unit` (2 weeks in days, 3 days in hours). */
function convertsTo(value: DurationValue, unit: string): boolean {
  return value.unit === unit || (exactTimeUnits.has(value.unit) && exactTimeUnits.has(unit));
}

/** What each KPI measure expects, as a predicate and in words. */
const measureDimensions: Readonly<Record<string, { accepts: (v: MeasureValue) => boolean; words: string; example: string }>> = {
  percent: { accepts: (v) => v.kind === "percent", words: "a percentage", example: "98%" },
  ppm: { accepts: (v) => v.kind === "quantity" && v.unit === "ppm", words: "a quantity in ppm", example: "50 ppm" },
  days: {
    accepts: (v) => v.kind === "duration" && (v.unit === "business_days" || convertsTo(v, "days")),
    words: "a number of days",
    example: "5 days",
  },
  hours: { accepts: (v) => v.kind === "duration" && convertsTo(v, "hours"), words: "a number of hours", example: "48 hours" },
  count: { accepts: (v) => v.kind === "number", words: "a plain count", example: "3" },
  tco2e_per_unit: {
    accepts: (v) => v.kind === "number" || (v.kind === "quantity" && v.unit === "tco2e"),
    words: "tonnes of CO2e per unit",
    example: "2.5 tco2e",
  },
};

/** Dimensions (ppm against percent, money against shares, per-kg against per-module) and the contract currency. */
export function checkUnitsAndMoney(context: RuleContext): void {
  for (const model of context.declarations) {
    if (model.kind === "kpi") checkKpi(context, model);
    if (model.kind === "force_majeure") checkTriggers(context, model);
    if (model.kind === "commitment") checkCommitment(context, model);
    if (model.kind === "pricing") checkPricingUnits(context, model);
  }
  checkCurrency(context);
  checkRounding(context);
}

function mismatch(
  context: RuleContext,
  uri: string,
  range: SourceRange,
  message: string,
  related?: { uri: string; range: SourceRange; message: string },
): void {
  context.report(uri, Codes.DimensionMismatch, range, message, related ? { related: [related] } : undefined);
}

function checkKpi(context: RuleContext, model: DeclarationModel): void {
  const measure = fieldOf(model, "measure", "enum");
  const dimension = measure ? measureDimensions[measure.value] : undefined;
  if (!measure || !dimension) return;
  const related = { uri: model.uri, range: measure.range, message: `The KPI measures ${measure.value}` };
  const expect = (value: MeasureValue | undefined, what: string): void => {
    if (value && !dimension.accepts(value)) {
      mismatch(
        context,
        model.uri,
        value.range,
        `${what} is ${dimensionOf(value)}, but this KPI measures ${measure.value}: write ${dimension.words} such as ${dimension.example}`,
        related,
      );
    }
  };
  expect(fieldOf(model, "target", "comparison")?.operand, "The target");
  for (const penalty of blocksOf(model, "penalty")) {
    expect(fieldOf(penalty, "per", "step")?.amount, "The penalty step");
    const rate = penalty.fields.get("rate");
    const cap = penalty.fields.get("cap");
    if (rate && cap && (rate.kind !== cap.kind || (rate.kind === "share" && cap.kind === "share" && rate.base !== cap.base))) {
      mismatch(
        context,
        model.uri,
        cap.range,
        `The cap is ${amountWords(cap)} but the rate is ${amountWords(rate)}; state the cap in the same terms as the rate`,
        { uri: model.uri, range: rate.range, message: "The penalty rate" },
      );
    }
  }
  for (const bonus of blocksOf(model, "bonus")) expect(fieldOf(bonus, "when", "comparison")?.operand, "The bonus threshold");
}

function amountWords(value: Value): string {
  if (value.kind === "share") return `a share of ${value.base}`;
  if (value.kind === "money") return `a money amount`;
  return value.kind;
}

function checkTriggers(context: RuleContext, model: DeclarationModel): void {
  for (const row of model.rows) {
    if (row.row !== "trigger" || row.condition.form !== "threshold") continue;
    const { amount, event: reference } = row.condition;
    const event = declarationOf(context, reference);
    const unit = event ? fieldOf(event, "unit", "unit")?.unit : undefined;
    // A threshold on something other than an event is already CV201.
    if (!event || event.kind !== "event" || !unit) continue;
    const timeUnit = durationUnits[unit];
    const ok = timeUnit
      ? amount.kind === "duration" && convertsTo(amount, timeUnit)
      : amount.kind === "number" || (amount.kind === "quantity" && amount.unit === unit);
    if (!ok) {
      const found =
        amount.kind === "duration" && timeUnit
          ? `a duration in ${amount.unit.replace("_", " ")}, which does not convert exactly into ${timeUnit?.replace("_", " ")}`
          : dimensionOf(amount);
      mismatch(
        context,
        model.uri,
        amount.range,
        `'${reference.name}' is measured in ${unit}, but this threshold is ${found}; write it in ${unit}`,
        {
          uri: event.uri,
          range: fieldOf(event, "unit", "unit")!.range,
          message: `The unit of '${reference.name}'`,
        },
      );
    }
  }
}

function productUnit(
  context: RuleContext,
  model: DeclarationModel,
  reference: Value | undefined,
): { unit: string; product: DeclarationModel } | undefined {
  if (reference?.kind !== "reference") return undefined;
  const product = declarationOf(context, reference);
  const unit = product ? fieldOf(product, "unit", "unit")?.unit : undefined;
  return product && unit ? { unit, product } : undefined;
}

function checkCommitment(context: RuleContext, model: DeclarationModel): void {
  const product = productUnit(context, model, model.fields.get("product"));
  const minimum = fieldOf(model, "minimum", "rate");
  if (minimum && !durationUnits[minimum.per]) {
    mismatch(
      context,
      model.uri,
      minimum.range,
      `A minimum volume is a quantity per period, such as '400_000 module per year'; 'per ${minimum.per}' is not a period`,
    );
  }
  if (minimum && durationUnits[minimum.per]) checkRatePeriod(context, model, minimum);
  if (!product) return;
  const related = {
    uri: product.product.uri,
    range: fieldOf(product.product, "unit", "unit")!.range,
    message: `'${product.product.name}' is counted in ${product.unit}`,
  };
  if (minimum && minimum.amount.kind === "quantity" && minimum.amount.unit !== product.unit) {
    mismatch(
      context,
      model.uri,
      minimum.amount.range,
      `The minimum is counted in ${minimum.amount.unit}, but '${product.product.name}' is counted in ${product.unit}`,
      related,
    );
  }
  const shortfall = model.fields.get("shortfall");
  const rate = shortfall?.kind === "rate" ? shortfall : shortfall?.kind === "credit" ? shortfall.rate : undefined;
  if (rate && rate.per !== product.unit) {
    mismatch(
      context,
      model.uri,
      rate.range,
      `The shortfall is priced per ${rate.per}, but '${product.product.name}' is counted in ${product.unit}`,
      related,
    );
  }
}

/**
 * A minimum "per <unit of time>" must come to an exact amount over each measurement period: per year
 * measured quarterly is a quarter of it, but per week measured monthly, or 1_000 per year measured
 * monthly (83.33…), has no exact amount per period and is reported (CV406).
 */
function checkRatePeriod(context: RuleContext, model: DeclarationModel, minimum: RateValue): void {
  const period = fieldOf(model, "period", "enum");
  if (!period) return;
  const over = rateOverPeriod(minimum, period.value);
  if (over.kind === "exact") return;
  const unit = minimum.per.replace(/s$/, "").replace("_", " ");
  const matching = periodOfRateUnit[minimum.per];
  const reason =
    over.kind === "incommensurable"
      ? `a ${unit} does not divide into ${period.value} periods exactly`
      : `${over.numerator}/${over.denominator} of ${minimum.amount.written} is ${shortDecimal(over.converted)}, finer than the minimum is written`;
  context.report(
    model.uri,
    Codes.RatePeriodMismatch,
    minimum.range,
    `The minimum is per ${unit} but is measured ${period.value}, and ${reason}; ${matching ? `measure it ${matching} or ` : ""}state a minimum that divides exactly into ${period.value} periods`,
    {
      related: [{ uri: model.uri, range: period.range, message: "The measurement period" }],
      fixes: matching
        ? [{ title: `Measure it ${matching}`, edits: [{ uri: model.uri, range: period.range, newText: matching }] }]
        : undefined,
    },
  );
}

/**
 * A pricing's `rounding:` may not keep more decimals than the currency has minor units (CV402): yen
 * rounded to 2 decimals gives prices nobody can pay. An indexed pricing without `rounding:` leaves
 * its prices between minor units (CV407). The currency is the tier prices' (the contract's when no
 * tier reads).
 */
function checkRounding(context: RuleContext): void {
  const contractCurrency = context.contract ? fieldOf(context.contract, "currency", "code")?.code : undefined;
  for (const model of context.declarations) {
    if (model.kind !== "pricing") continue;
    const rounding = fieldOf(model, "rounding", "rounding");
    const tier = model.rows.find((row) => row.row === "tier" && row.price.kind === "money");
    const currency = tier?.row === "tier" && tier.price.kind === "money" ? tier.price.currency : contractCurrency;
    const digits = currency ? currencyInfo(currency)?.digits : undefined;
    if (currency === undefined || digits === undefined) continue;
    const places = (n: number): string => `${n} decimal${n === 1 ? "" : "s"}`;
    if (!rounding) {
      if (blocksOf(model, "index").length === 0 || !model.node.closed || isWritten(model, "rounding")) continue;
      // An indexed price moves by fractions of the minor unit (JPY 1,480 × 40% × 1.13% = 6.6896).
      const line = `rounding: half_up to ${places(digits)}`;
      const insert = insertLine(context, model, line);
      context.report(
        model.uri,
        Codes.IndexedPriceUnrounded,
        (model.node.name ?? model.node.keyword).range,
        `This price is indexed, but nothing says how the indexed price is rounded (${currency} has ${digits === 0 ? "no minor unit" : `${digits} decimal places`}); add '${line}' or the rounding the parties agree`,
        { fixes: insert ? [{ title: `Add '${line}'`, edits: [insert] }] : undefined },
      );
      continue;
    }
    if (rounding.decimals <= digits) continue;
    const fixed = `${rounding.mode} to ${places(digits)}`;
    context.report(
      model.uri,
      Codes.TooManyDecimals,
      rounding.range,
      digits === 0
        ? `${currency} has no minor unit; round to 0 decimals, not ${rounding.decimals}`
        : `${currency} has ${digits} decimal places; round to ${digits} decimals or fewer, not ${rounding.decimals}`,
      { fixes: [{ title: `Change to '${fixed}'`, edits: [{ uri: model.uri, range: rounding.range, newText: fixed }] }] },
    );
  }
}

/** An edit inserting a member line before a declaration's closing brace, indented like its other members. */
function insertLine(
  context: RuleContext,
  model: DeclarationModel,
  line: string,
): { uri: string; range: SourceRange; newText: string } | undefined {
  const text = context.texts.get(model.uri);
  if (text === undefined) return undefined;
  const brace = model.node.range.end;
  const closeOffset = brace.offset - 1;
  const lineStart = closeOffset - (brace.column - 2);
  const indent = " ".repeat(model.node.keyword.range.start.column - 1);
  if (!/^[ \t]*$/.test(text.slice(lineStart, closeOffset))) return undefined;
  const at = { offset: lineStart, line: brace.line, column: 1 };
  return { uri: model.uri, range: { start: at, end: at }, newText: `${indent}  ${line}\n` };
}

/** A decimal for a message: at most 8 digits after the point, with an ellipsis when cut. */
function shortDecimal(value: Decimal): string {
  const cut = value.toDecimalPlaces(8, Decimal.ROUND_DOWN);
  return cut.eq(value) ? value.toFixed() : `${cut.toFixed()}…`;
}

function checkPricingUnits(context: RuleContext, model: DeclarationModel): void {
  const minimum = fieldOf(model, "minimum_order", "quantity");
  const product = productUnit(context, model, model.subject);
  if (minimum && product && minimum.unit !== product.unit) {
    mismatch(
      context,
      model.uri,
      minimum.range,
      `The minimum order is counted in ${minimum.unit}, but '${product.product.name}' is counted in ${product.unit}`,
      {
        uri: product.product.uri,
        range: fieldOf(product.product, "unit", "unit")!.range,
        message: `The unit of '${product.product.name}'`,
      },
    );
  }
}

function checkCurrency(context: RuleContext): void {
  const currency = context.contract ? fieldOf(context.contract, "currency", "code") : undefined;
  if (!currency) return;
  // A library declaration the contract does not use is priced in no currency of this contract.
  for (const model of context.terms) {
    for (const value of allValues(model)) {
      if (value.kind !== "money" || value.currency === currency.code) continue;
      // The whole amount is rewritten: it may have been written `12.00 USD` or `$12.00` (reported apart).
      const rewritten = `${currency.code} ${value.written}`;
      context.report(
        model.uri,
        Codes.ForeignCurrency,
        value.range,
        `This amount is in ${value.currency}, but the contract currency is ${currency.code}`,
        {
          related: [{ uri: context.contract!.uri, range: currency.range, message: "The contract currency" }],
          fixes: [{ title: `Change to ${currency.code}`, edits: [{ uri: model.uri, range: value.range, newText: rewritten }] }],
        },
      );
    }
  }
}
