import type { DeclarationModel } from "@covenant/core";
import { clause, paragraph } from "../blocks.js";
import { boundParty } from "../conditions.js";
import { field, type BuildContext } from "../context.js";
import type { Clause } from "../model.js";

/** Warranties: the warranty period from delivery, how far it may be extended, and who bears recall costs. */
export function buildWarranties(context: BuildContext): Clause[] {
  const warranties = context.declarations.filter((d) => d.kind === "warranty");
  if (warranties.length === 0) return [];
  return [
    clause(
      "warranties",
      context.w.warranties.title,
      [],
      warranties.map((warranty) => warrantyClause(context, warranty)),
    ),
  ];
}

function warrantyClause(context: BuildContext, warranty: DeclarationModel): Clause {
  const w = context.w;
  const productRef = field(warranty, "product", "reference");
  const product = productRef ? context.byName.get(productRef.name) : undefined;
  const productTitle = product?.title ?? productRef?.name ?? "";
  const unit = (product && field(product, "unit", "unit")?.unit) ?? "unit";
  const blocks = [
    paragraph(
      w.warranties.warranty({
        warrantor: context.party(boundParty(context, warranty)),
        product: productTitle,
        unit,
        period: context.duration(warranty.fields.get("period")),
      }),
    ),
  ];
  const extendable = field(warranty, "extendable_to", "duration");
  if (extendable) blocks.push(paragraph(w.warranties.extendable(w.values.duration(extendable))));
  const recall = field(warranty, "recall_costs", "allocation");
  if (recall?.byFault) blocks.push(paragraph(w.warranties.byFault(productTitle)));
  else if (recall)
    blocks.push(
      paragraph(
        w.warranties.shares(
          productTitle,
          recall.shares.map((share) => w.warranties.share(w.values.percent(share.percent.value), context.party(share.party))),
        ),
      ),
    );
  return clause(context.clauseId(warranty), warranty.title ?? productTitle, blocks);
}
