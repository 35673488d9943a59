import type { DeclarationModel, Value } from "@covenant/core";
import { clause, list, paragraph } from "../blocks.js";
import { boundParty, measureArg } from "../conditions.js";
import { field, type BuildContext } from "../context.js";
import type { Block, Clause, Inline } from "../model.js";
import type { Phrase } from "../phrase.js";

/** KPIs as obligations: the target over the measurement period, then the penalty (with its cap), the bonus and the remedy. */
export function buildKpis(context: BuildContext): Clause[] {
  const kpis = context.declarations.filter((d) => d.kind === "kpi");
  if (kpis.length === 0) return [];
  return [
    clause(
      "kpis",
      context.w.kpis.title,
      [],
      kpis.map((k) => kpiClause(context, k)),
    ),
  ];
}

function kpiClause(context: BuildContext, kpi: DeclarationModel): Clause {
  const w = context.w;
  const title = kpi.title ?? kpi.name ?? "";
  const obligorRef = boundParty(context, kpi);
  const obligor = context.party(obligorRef);
  const beneficiary = context.counterparty(obligorRef);
  const period = w.values.period(field(kpi, "period", "enum")?.value ?? "monthly");
  const suffix = field(kpi, "measure", "enum")?.value === "tco2e_per_unit" ? w.kpis.perUnit : undefined;
  const target = field(kpi, "target", "comparison");
  const blocks: Block[] = [
    paragraph(
      w.kpis.target({
        obligor,
        title,
        period,
        target: target ? w.values.comparison(target.operator, measureArg(target.operand, suffix)) : "",
      }),
    ),
  ];

  const amount = (value: Value | undefined): Phrase | undefined => {
    if (value?.kind === "money") return context.money(value.currency, value.amount);
    if (value?.kind === "share")
      return w.share(
        w.values.percent(value.percent),
        w.shareBase(value.base, { period, netSales: context.definedTerm("net_sales"), product: undefined }),
      );
    return undefined;
  };
  const items: Inline[][] = [];
  const penalty = kpi.blocks.find((b) => b.kind === "penalty");
  const step = penalty && field(penalty, "per", "step");
  if (penalty && step) {
    items.push(
      w.kpis.penalty({
        obligor,
        beneficiary,
        title,
        period,
        step: w.values.measure(measureArg(step.amount, suffix)),
        direction: step.direction,
        rate: amount(penalty.fields.get("rate")) ?? "",
        cap: amount(penalty.fields.get("cap")),
        capIsShare: penalty.fields.get("cap")?.kind === "share",
      }),
    );
  }
  const bonus = kpi.blocks.find((b) => b.kind === "bonus");
  const when = bonus && field(bonus, "when", "comparison");
  if (bonus && when) {
    items.push(
      w.kpis.bonus({
        obligor,
        beneficiary,
        title,
        period,
        when: w.values.comparison(when.operator, measureArg(when.operand, suffix)),
        rate: amount(bonus.fields.get("rate")) ?? "",
      }),
    );
  }
  const remedy = field(kpi, "remedy", "action");
  if (remedy)
    items.push(
      w.kpis.remedy({
        obligor: remedy.party ? context.party(remedy.party) : obligor,
        title,
        period,
        action: w.action({
          verb: remedy.verb,
          object: remedy.object,
          for: remedy.for ? w.values.duration(remedy.for) : undefined,
          permission: false,
        }),
        within: remedy.within ? w.values.duration(remedy.within) : undefined,
      }),
    );
  if (items.length > 0) blocks.push(list(items));
  return clause(context.clauseId(kpi), title, blocks);
}
