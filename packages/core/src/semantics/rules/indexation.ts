import { Codes } from "../../diagnostics/codes.js";
import { Decimal } from "../decimal.js";
import type { DeclarationModel } from "../model.js";
import { blocksOf, fieldOf, type RuleContext } from "./context.js";
import { writeNumber } from "./tiers.js";

const hundred = new Decimal(100);

/**
 * The sums of percentages: index weights within 100%, recall cost shares at 100%, milestone payments
 * within the contract value; and an index floor below its ceiling. Each percentage's own range (a share
 * at most 100%, a floor within ±100%) is the schema's, checked as the value is read (CV602).
 */
export function checkPercentages(context: RuleContext): void {
  for (const model of context.declarations) {
    if (model.kind === "pricing") checkIndices(context, model);
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
  checkMilestonePayments(context);
}

/**
 * CV603. The milestone payments of the contract's terms may not add up to more than the contract
 * value: shares of it (`40% of contract_value`) to more than 100%, or, with `total_value:`, shares and
 * amounts in its currency together to more than it.
 */
function checkMilestonePayments(context: RuleContext): void {
  const total = context.contract ? fieldOf(context.contract, "total_value", "money") : undefined;
  const payments = context.terms.flatMap((model) => {
    const payment = model.kind === "milestone" ? fieldOf(model, "payment", "payment") : undefined;
    return payment ? [{ model, amount: payment.amount }] : [];
  });
  let shares = new Decimal(0);
  let money = new Decimal(0);
  for (const { amount } of payments) {
    if (amount.kind === "share" && amount.base === "contract_value") shares = shares.plus(amount.percent);
    else if (amount.kind === "money" && total && amount.currency === total.currency) money = money.plus(amount.amount);
  }
  const last = payments[payments.length - 1];
  if (!last) return;
  const related = payments.map(({ model, amount }) => ({
    uri: model.uri,
    range: amount.range,
    message: `The payment of milestone '${model.name ?? "?"}'`,
  }));
  const sum = total ? money.plus(total.amount.mul(shares).div(100)) : undefined;
  if (money.isZero() && shares.gt(hundred)) {
    const worth = total && sum ? ` (${total.currency} ${writeNumber(sum, total.written)})` : "";
    context.report(
      last.model.uri,
      Codes.MilestonePaymentsOverValue,
      last.amount.range,
      `The milestone payments add up to ${shares.toFixed()}% of the contract value${worth}; together they can be at most 100%`,
      { related },
    );
  } else if (total && sum && sum.gt(total.amount)) {
    context.report(
      last.model.uri,
      Codes.MilestonePaymentsOverValue,
      last.amount.range,
      `The milestone payments add up to ${total.currency} ${writeNumber(sum, total.written)}, more than the contract value of ${total.currency} ${total.written}; lower a payment or raise 'total_value'`,
      { related: [...related, { uri: context.contract!.uri, range: total.range, message: "The contract value" }] },
    );
  }
}

function checkIndices(context: RuleContext, model: DeclarationModel): void {
  const indices = blocksOf(model, "index");
  let total = new Decimal(0);
  for (const index of indices) {
    const weight = fieldOf(index, "weight", "percent");
    const floor = fieldOf(index, "floor", "percent");
    const ceiling = fieldOf(index, "ceiling", "percent");
    if (weight) total = total.plus(weight.value);
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
