import { Codes } from "../../diagnostics/codes.js";
import { Decimal } from "../decimal.js";
import type { DeclarationModel } from "../model.js";
import type { PercentValue, ShareValue } from "../values.js";
import { blocksOf, fieldOf, type RuleContext } from "./context.js";

const hundred = new Decimal(100);

/**
 * Indexation (floor below ceiling, weights within 100%) and percentages that must lie in a sane range.
 * A percentage below zero (or at zero) where its field forbids it is the sign rule's finding (CV307), so
 * the ranges here check only what the sign rule cannot: the upper end, and the lower end of a floor or ceiling.
 */
export function checkPercentages(context: RuleContext): void {
  for (const model of context.declarations) {
    if (model.kind === "pricing") checkIndices(context, model);
    if (model.kind === "kpi") checkKpiPercentages(context, model);
    if (model.kind === "license") {
      for (const row of model.rows) {
        if (row.row === "royalty" && row.price.kind === "percent") atMost100(context, model.uri, row.price, "A royalty rate");
      }
    }
    if (model.kind === "warranty") {
      const allocation = fieldOf(model, "recall_costs", "allocation");
      if (allocation && !allocation.byFault) {
        const total = allocation.shares.reduce((sum, s) => sum.plus(s.percent.value), new Decimal(0));
        if (!total.eq(hundred)) {
          context.report(
            model.uri,
            Codes.PercentOutOfRange,
            allocation.range,
            `The recall cost shares add up to ${total.toFixed()}%, not 100%`,
          );
        }
      }
    }
  }
}

function checkIndices(context: RuleContext, model: DeclarationModel): void {
  const indices = blocksOf(model, "index");
  let total = new Decimal(0);
  for (const index of indices) {
    const weight = fieldOf(index, "weight", "percent");
    const floor = fieldOf(index, "floor", "percent");
    const ceiling = fieldOf(index, "ceiling", "percent");
    if (weight) {
      total = total.plus(weight.value);
      if (weight.value.gt(100)) {
        context.report(
          model.uri,
          Codes.PercentOutOfRange,
          weight.range,
          `An index weight must be above 0% and at most 100%; ${weight.written} is not`,
        );
      }
    }
    if (floor) inRange(context, model.uri, floor, -100, 100, "An index floor");
    if (ceiling) inRange(context, model.uri, ceiling, -100, 100, "An index ceiling");
    if (floor && ceiling && floor.value.gt(ceiling.value)) {
      context.report(
        model.uri,
        Codes.FloorAboveCeiling,
        floor.range,
        `The floor (${floor.written}) is above the ceiling (${ceiling.written}); no price could satisfy both`,
        {
          related: [{ uri: model.uri, range: ceiling.range, message: "The ceiling" }],
          fixes: [
            {
              title: "Swap floor and ceiling",
              edits: [
                { uri: model.uri, range: floor.range, newText: ceiling.written },
                { uri: model.uri, range: ceiling.range, newText: floor.written },
              ],
            },
          ],
        },
      );
    }
  }
  if (total.gt(hundred) && indices.length > 0) {
    const last = fieldOf(indices[indices.length - 1]!, "weight", "percent");
    const related = indices.flatMap((index) => {
      const weight = fieldOf(index, "weight", "percent");
      return weight ? [{ uri: model.uri, range: weight.range, message: `Weight of index '${index.name ?? "?"}'` }] : [];
    });
    context.report(
      model.uri,
      Codes.IndexWeightsOver,
      last?.range ?? indices[indices.length - 1]!.node.range,
      `The index weights add up to ${total.toFixed()}%; together they can cover at most 100% of the price`,
      { related },
    );
  }
}

function checkKpiPercentages(context: RuleContext, model: DeclarationModel): void {
  const target = fieldOf(model, "target", "comparison");
  if (target?.operand.kind === "percent") atMost100(context, model.uri, target.operand, "A percentage target");
  for (const block of model.blocks) {
    const rate = fieldOf(block, "rate", "share");
    const cap = fieldOf(block, "cap", "share");
    for (const share of [rate, cap]) if (share) shareInRange(context, model.uri, share);
    const when = fieldOf(block, "when", "comparison");
    if (when?.operand.kind === "percent") atMost100(context, model.uri, when.operand, "A bonus threshold");
  }
}

function shareInRange(context: RuleContext, uri: string, share: ShareValue): void {
  if (share.percent.gt(100)) {
    context.report(
      uri,
      Codes.PercentOutOfRange,
      share.range,
      `A share of ${share.base} must be above 0% and at most 100%; ${share.written} is not`,
    );
  }
}

/** A percentage of something whole: its sign is the field's sign rule; here only the upper end. */
function atMost100(context: RuleContext, uri: string, percent: PercentValue, what: string): void {
  if (percent.value.gt(hundred)) inRange(context, uri, percent, 0, 100, what);
}

function inRange(context: RuleContext, uri: string, percent: PercentValue, low: number, high: number, what: string): void {
  if (percent.value.lt(low) || percent.value.gt(high)) {
    context.report(
      uri,
      Codes.PercentOutOfRange,
      percent.range,
      `${what} must lie between ${low}% and ${high}%; ${percent.written} does not`,
    );
  }
}
