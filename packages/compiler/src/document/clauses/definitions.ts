import type { Clause, Inline } from "../model.js";
import { clause, list, paragraph } from "../blocks.js";
import { field, type BuildContext } from "../context.js";
import { clauseRef, runs } from "../phrase.js";

/** Terms the wording itself uses; they are defined only when some clause uses them. */
function standardTerms(context: BuildContext, used: ReadonlySet<string>): void {
  const w = context.w.definitions;
  const names = context.w.terms;
  if (used.has(names.businessDay)) context.define(names.businessDay, { where: "definitions", meaning: w.businessDay() });
  if (used.has(names.contractYear)) context.define(names.contractYear, { where: "definitions", meaning: w.contractYear() });
  const total = context.contract ? field(context.contract, "total_value", "money") : undefined;
  if (used.has(names.contractValue) && total)
    context.define(names.contractValue, { where: "definitions", meaning: w.contractValue(context.money(total.currency, total.amount)) });
  if (context.currency) {
    const { currencyName } = context.w.values;
    context.define(names.contractCurrency, {
      where: "definitions",
      meaning: w.contractCurrency(currencyName(context.currency, context.currencyName)),
    });
  }
}

/**
 * Clause 2: every defined term in alphabetical order — its meaning where the author gave one
 * (`define`), or the clause that defines it — then the rules of interpretation. Built after the
 * other clauses, which register the terms they define; numbered with them.
 */
export function buildDefinitions(context: BuildContext, used: ReadonlySet<string>): Clause {
  const w = context.w.definitions;
  for (const declaration of context.declarations) {
    if (declaration.kind === "define" && declaration.title) {
      context.define(declaration.title, {
        where: "definitions",
        meaning: context.prose(context.text(declaration.fields.get("means")) ?? ""),
      });
    }
    if (declaration.kind === "event" && declaration.title && used.has(declaration.title)) {
      context.define(declaration.title, {
        where: "definitions",
        meaning: w.event({
          unit: context.w.values.unitName(field(declaration, "unit", "unit")?.unit ?? "", true),
          evidence: context.text(declaration.fields.get("evidence")),
        }),
      });
    }
  }
  standardTerms(context, used);
  const entries = [...context.definitions].sort(([a], [b]) =>
    a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0,
  );
  const paragraphs = entries.map(([name, definition], i) => {
    const last = i === entries.length - 1;
    if (definition.where === "definitions") return paragraph(w.means(name, definition.meaning, last));
    const where: Inline[] = definition.where === "introduction" ? w.introduction() : context.w.parties.clause(clauseRef(definition.clause));
    return paragraph(w.elsewhere(name, where, last));
  });
  const interpretation = w.interpretation({ businessDays: used.has(context.w.terms.businessDay) });
  return clause(
    "definitions",
    w.title,
    [],
    [
      clause("definitions.terms", w.termsTitle, [paragraph(w.intro()), ...paragraphs]),
      clause("definitions.interpretation", w.interpretationTitle, [
        paragraph(w.interpretationIntro()),
        list(interpretation.map((item, i) => runs(item, context.w.listEnd(i, interpretation.length, "and")))),
      ]),
    ],
  );
}
