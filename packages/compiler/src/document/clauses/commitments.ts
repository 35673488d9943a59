import { rateOverPeriod, type DeclarationModel } from "@covenant/core";
import { clause, paragraph } from "../blocks.js";
import { field, type BuildContext } from "../context.js";
import type { Clause, Inline } from "../model.js";

/** The duration unit a period enum corresponds to, so `400_000 module per year` measured `annually` reads once. */
const periodUnits: Readonly<Record<string, string>> = { annually: "years", monthly: "months", weekly: "weeks" };

/** Volume commitments (take-or-pay): the minimum per period and what is owed for each unit short. */
export function buildCommitments(context: BuildContext): Clause[] {
  const commitments = context.declarations.filter((d) => d.kind === "commitment");
  if (commitments.length === 0) return [];
  return [
    clause(
      "commitments",
      context.w.commitments.title,
      [],
      commitments.map((c) => commitmentClause(context, c)),
    ),
  ];
}

function commitmentClause(context: BuildContext, commitment: DeclarationModel): Clause {
  const w = context.w;
  const partyRef = field(commitment, "party", "reference");
  const party = context.party(partyRef);
  const other = context.counterparty(partyRef);
  const productRef = field(commitment, "product", "reference");
  const product = productRef ? context.byName.get(productRef.name) : undefined;
  const productTitle = product?.title ?? productRef?.name ?? "";
  const unit = (product && field(product, "unit", "unit")?.unit) ?? "unit";
  const periodName = field(commitment, "period", "enum")?.value ?? "annually";
  const period = w.values.period(periodName);
  const minimum = field(commitment, "minimum", "rate");
  const blocks = [];
  if (minimum && minimum.amount.kind === "quantity") {
    const over = rateOverPeriod(minimum, periodName);
    if (over.kind === "exact" && over.converted) {
      // Per year measured quarterly: the prose states the amount each quarter, and the rate it comes from.
      const each = w.values.quantity({ ...minimum.amount, amount: over.amount });
      const stated = [w.values.quantity(minimum.amount), " per ", w.values.unitName(minimum.per, false)];
      blocks.push(paragraph(w.commitments.minimumConverted({ party, amount: each, product: productTitle, period, stated })));
    } else {
      const per = periodUnits[periodName] === minimum.per ? undefined : w.values.unitName(minimum.per, false);
      blocks.push(
        paragraph(w.commitments.minimum({ party, amount: w.values.quantity(minimum.amount), product: productTitle, per, period })),
      );
    }
  }
  const shortfall = commitment.fields.get("shortfall");
  let owed: Inline[] | undefined;
  if (shortfall?.kind === "rate" && shortfall.amount.kind === "money") {
    owed = w.commitments.shortfallMoney({
      party,
      other,
      unit,
      period,
      amount: context.money(shortfall.amount.currency, shortfall.amount.amount),
    });
  } else if (shortfall?.kind === "share") {
    const share = w.share(
      w.values.percent(shortfall.percent),
      w.shareBase(shortfall.base, { period: undefined, netSales: context.definedTerm("net_sales"), product: productTitle }),
    );
    owed = w.commitments.shortfallShare({ party, other, unit, period, share });
  } else if (shortfall?.kind === "credit" && shortfall.rate.amount.kind === "money") {
    owed = w.commitments.shortfallCredit({
      party,
      other,
      unit,
      period,
      amount: context.money(shortfall.rate.amount.currency, shortfall.rate.amount.amount),
      product: productTitle,
      expires: w.values.duration(shortfall.expires),
    });
  }
  if (owed) blocks.push(paragraph(owed));
  return clause(context.clauseId(commitment), commitment.title ?? productTitle, blocks);
}
