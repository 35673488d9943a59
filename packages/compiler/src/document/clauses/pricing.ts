import type { BandRow, DeclarationModel } from "@covenant/core";
import { clause, paragraph, table } from "../blocks.js";
import { field, type BuildContext } from "../context.js";
import type { Clause, Inline } from "../model.js";
import { runs } from "../phrase.js";

/** One clause per price: the band table and the sentence that says which band applies, indexation, rounding, renegotiation, most-favoured-customer. */
export function buildPricing(context: BuildContext): Clause[] {
  return context.declarations.filter((d) => d.kind === "pricing").map((pricing) => pricingClause(context, pricing));
}

function pricingClause(context: BuildContext, pricing: DeclarationModel): Clause {
  const w = context.w;
  const id = context.clauseId(pricing);
  const product = pricing.subject ? context.byName.get(pricing.subject.name) : undefined;
  const productTitle = product?.title ?? pricing.subject?.name ?? "";
  const unit = (product && field(product, "unit", "unit")?.unit) ?? "unit";
  const supplier = product ? field(product, "supplied_by", "reference") : undefined;
  const buyer = context.roleOrOther("buyer", supplier);
  const subClauses: Clause[] = [];

  const tiers = pricing.rows.filter((row): row is BandRow => row.row === "tier");
  if (tiers.length > 0) {
    const basis = field(pricing, "basis", "enum")?.value ?? "annual_volume";
    const definedVolume = context.definedTerm(basis);
    const volume = definedVolume
      ? w.pricing.definedVolume({ term: definedVolume, product: productTitle })
      : basis === "order_volume"
        ? w.pricing.orderVolume({ unit })
        : basis === "cumulative_volume"
          ? w.pricing.cumulativeVolume({ product: productTitle, unit, buyer })
          : w.pricing.annualVolume({ product: productTitle, unit, buyer });
    const rows = tiers.map(
      (tier, i) =>
        [
          runs(String(i + 1)),
          runs(w.values.band(tier.band.low, tier.band.high)),
          runs(tier.price.kind === "money" ? context.money(tier.price.currency, tier.price.amount) : `${tier.price.value.toFixed()}%`),
        ] as Inline[][],
    );
    const blocks = [
      paragraph(w.pricing.bands({ product: productTitle, unit, volume })),
      table(w.pricing.columns({ basis, unit, currency: context.currency }), rows),
    ];
    const minimum = field(pricing, "minimum_order", "quantity");
    if (minimum) blocks.push(paragraph(w.pricing.minimumOrder(w.values.quantity(minimum))));
    subClauses.push(clause(`${id}.bands`, w.pricing.bandsTitle, blocks));
  }

  const indexClauses = pricing.blocks
    .filter((b) => b.kind === "index")
    .map((index) => {
      const weight = field(index, "weight", "percent");
      const baseline = field(index, "baseline", "date");
      const source = index.title ?? index.name ?? "";
      return clause(`${id}.index.${index.name}`, w.pricing.indexTitle(source), [
        paragraph(
          w.pricing.index({
            weight: weight ? w.values.percent(weight.value) : "",
            product: productTitle,
            source,
            period: w.values.period(field(index, "review", "enum")?.value ?? "quarterly"),
            base: baseline ? w.pricing.baseDate(context.date(baseline)) : w.pricing.effectiveDate(),
            floor: field(index, "floor", "percent")?.value,
            ceiling: field(index, "ceiling", "percent")?.value,
          }),
        ),
      ]);
    });
  for (const item of indexClauses) subClauses.push(item);

  const rounding = field(pricing, "rounding", "rounding");
  if (rounding) {
    const refs = indexClauses.map((c) => ({ kind: "ref" as const, target: c.id, number: "" }));
    subClauses.push(
      clause(`${id}.rounding`, w.pricing.roundingTitle, [
        paragraph(w.pricing.rounding({ refs, decimals: rounding.decimals, mode: rounding.mode, currency: context.currency })),
      ]),
    );
  }
  const renegotiation = field(pricing, "renegotiation", "every");
  if (renegotiation) {
    subClauses.push(
      clause(`${id}.renegotiation`, w.pricing.renegotiationTitle, [
        paragraph(w.pricing.renegotiation({ interval: w.values.duration(renegotiation.interval), clause: context.ref(pricing) })),
      ]),
    );
  }
  if (field(pricing, "most_favoured_customer", "bool")?.value) {
    subClauses.push(
      clause(`${id}.most_favoured`, w.pricing.mostFavouredTitle, [
        paragraph(w.pricing.mostFavoured({ supplier: context.party(supplier), buyer, product: productTitle })),
      ]),
    );
  }
  return clause(id, pricing.title ?? w.pricing.title(productTitle), [], subClauses);
}
