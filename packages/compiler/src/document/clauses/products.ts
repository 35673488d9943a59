import { clause, list, paragraph } from "../blocks.js";
import { field, type BuildContext } from "../context.js";
import type { Clause } from "../model.js";

/** The products and who supplies them to whom, grouped by supplier. */
export function buildProducts(context: BuildContext): Clause[] {
  const w = context.w;
  const products = context.declarations.filter((d) => d.kind === "product");
  if (products.length === 0) return [];
  const suppliers = [
    ...new Set(products.map((p) => field(p, "supplied_by", "reference")).map((r) => context.partyInfo(r)?.name ?? r?.name ?? "")),
  ];
  const subClauses = suppliers.map((supplierName, index) => {
    const group = products.filter(
      (p) =>
        (context.partyInfo(field(p, "supplied_by", "reference"))?.name ?? field(p, "supplied_by", "reference")?.name ?? "") ===
        supplierName,
    );
    const supplier = field(group[0]!, "supplied_by", "reference");
    const items = group.map((product, i) => [
      ...w.products.product({
        title: product.title ?? product.name ?? "",
        partNumber: context.text(product.fields.get("part_number")),
        unit: field(product, "unit", "unit")?.unit ?? "unit",
      }),
      { kind: "text" as const, text: w.listEnd(i, group.length, "and") },
    ]);
    const id = `products.${supplierName || index + 1}`;
    if (index === 0) {
      context.define(w.terms.product, { where: "clause", clause: id });
      context.define(w.terms.products, { where: "clause", clause: id });
    }
    return clause(id, undefined, [
      paragraph(
        w.products.supply({ supplier: context.party(supplier), buyer: context.roleOrOther("buyer", supplier), first: index === 0 }),
      ),
      list(items),
    ]);
  });
  return [clause("products", w.products.title, [], subClauses)];
}
