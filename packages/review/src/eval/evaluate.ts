import { dateOf, type CalendarDate, type CheckedDocument, type DeclarationModel } from "@covenant/core";
import { addDays } from "./amounts.js";
import { evaluateCommitment } from "./commitments.js";
import type { ConditionContext } from "./conditions.js";
import { evaluateEscalation } from "./escalations.js";
import { evaluateForceMajeure } from "./force-majeure.js";
import { evaluateKpi } from "./kpis.js";
import { evaluateMilestone } from "./milestones.js";
import type { EscalationResult, EvalResult, KpiResult, MilestoneResult, Money, PriceResult, Truth } from "./model.js";
import { evaluatePricing } from "./pricing.js";
import { evaluateRoyalty } from "./royalties.js";
import { evaluateCause, evaluateConvenience } from "./termination.js";
import { calendarDate, type Facts } from "./facts.js";

type ForceMajeureState = Map<string, { triggered: Truth; since: CalendarDate | undefined }>;

/**
 * Applies a checked contract to facts. Each kind is evaluated from the facts about it: prices for
 * the volumes given, KPIs for the periods measured, commitments for the purchases, milestones
 * named in the facts, every force-majeure clause and termination right, and the escalation
 * ladders that a missed milestone or the facts started.
 */
export function evaluate(document: CheckedDocument, facts: Facts): EvalResult {
  const declarations = document.declarations;
  const named = (kind: string): Map<string, DeclarationModel> =>
    new Map(declarations.filter((d) => d.kind === kind && d.name !== undefined).map((d) => [d.name!, d]));
  const contract = document.contract;
  const currencyValue = contract?.fields.get("currency");
  const currency = currencyValue?.kind === "code" ? currencyValue.code : "USD";
  const effectiveValue = contract?.fields.get("effective");
  const effective = effectiveValue?.kind === "date" ? dateOf(effectiveValue) : undefined;
  const totalValue = contract?.fields.get("total_value");
  const total: Money | undefined = totalValue?.kind === "money" ? { currency: totalValue.currency, amount: totalValue.amount } : undefined;

  const products = named("product");
  const pricings = declarations.filter((d) => d.kind === "pricing");
  const prices: PriceResult[] = [];
  for (const [product, volume] of facts.volumes) {
    const unitValue = products.get(product)?.fields.get("unit");
    const unit = unitValue?.kind === "unit" ? unitValue.unit : undefined;
    for (const pricing of pricings.filter((p) => p.subject?.name === product)) prices.push(evaluatePricing(pricing, unit, volume, facts));
  }
  const priceOf = (product: string): Money | undefined => prices.find((p) => p.product === product)?.indexedPrice;

  const licences = named("license");
  const royalties = [...facts.royalties].flatMap(([name, volume]) => {
    const licence = licences.get(name);
    return licence ? [evaluateRoyalty(licence, volume)] : [];
  });

  const kpiDeclarations = named("kpi");
  const kpis: KpiResult[] = [...facts.kpis].flatMap(([name, periods]) => {
    const kpi = kpiDeclarations.get(name);
    return kpi ? [evaluateKpi(kpi, periods, currency)] : [];
  });

  const commitmentDeclarations = named("commitment");
  const commitments = [...facts.purchases].flatMap(([name, purchased]) => {
    const commitment = commitmentDeclarations.get(name);
    if (!commitment) return [];
    const product = commitment.fields.get("product");
    const price = product?.kind === "reference" ? priceOf(product.name) : undefined;
    return [evaluateCommitment(commitment, purchased, price, currency)];
  });

  const milestoneDeclarations = named("milestone");
  const milestones: MilestoneResult[] = [...facts.milestones].flatMap(([name, fact]) => {
    const milestone = milestoneDeclarations.get(name);
    return milestone ? [evaluateMilestone(milestone, fact.delivered, facts.asOf, total)] : [];
  });

  const context = conditionContext(document, facts, kpis, milestones);
  const forceMajeure = declarations
    .filter((d) => d.kind === "force_majeure")
    .map((fm) => {
      const result = evaluateForceMajeure(fm, context);
      context.forceMajeure.set(fm.name ?? "", {
        triggered: result.triggered,
        since: result.since ? calendarDate(result.since) : undefined,
      });
      return result;
    });

  const ladders = named("escalation");
  const escalations: EscalationResult[] = [];
  for (const [name, fact] of facts.escalations) {
    const ladder = ladders.get(name);
    if (ladder) escalations.push(evaluateEscalation(ladder, fact.started, "the failure the facts give", facts.asOf));
  }
  for (const result of milestones) {
    const onMiss = milestoneDeclarations.get(result.milestone)?.fields.get("on_miss");
    const ladder = onMiss?.kind === "reference" ? ladders.get(onMiss.name) : undefined;
    const due = calendarDate(result.due);
    if (!ladder || !due || (result.status !== "late" && result.status !== "missed")) continue;
    escalations.push(
      evaluateEscalation(ladder, addDays(due, 1), `${result.milestone} was not delivered by its due date ${result.due}`, facts.asOf),
    );
  }

  const termination = declarations
    .filter((d) => d.kind === "termination")
    .flatMap((t) => [
      ...(t.repeated.get("cause") ?? []).flatMap((c) => (c.kind === "cause" ? [evaluateCause(c, context)] : [])),
      ...(t.repeated.get("convenience") ?? []).flatMap((c) =>
        c.kind === "convenience" ? [evaluateConvenience(c, effective, facts.asOf)] : [],
      ),
    ]);

  return {
    contract: contract?.title,
    asOf: facts.asOf
      ? `${facts.asOf.year}-${String(facts.asOf.month).padStart(2, "0")}-${String(facts.asOf.day).padStart(2, "0")}`
      : undefined,
    currency,
    prices,
    royalties,
    kpis,
    commitments,
    forceMajeure,
    milestones,
    escalations,
    termination,
  };
}

function conditionContext(
  document: CheckedDocument,
  facts: Facts,
  kpis: readonly KpiResult[],
  milestones: readonly MilestoneResult[],
): ConditionContext & { forceMajeure: ForceMajeureState } {
  const kinds = new Map<string, string>();
  const eventUnits = new Map<string, string | undefined>();
  const partyRoles = new Map<string, string>();
  for (const d of document.declarations) {
    if (d.name === undefined) continue;
    kinds.set(d.name, d.kind);
    const unit = d.fields.get("unit");
    if (d.kind === "event") eventUnits.set(d.name, unit?.kind === "unit" ? unit.unit : undefined);
    const role = d.fields.get("role");
    if (d.kind === "party" && role?.kind === "enum") partyRoles.set(d.name, role.value);
  }
  return {
    facts,
    kinds,
    eventUnits,
    partyRoles,
    kpis: new Map(kpis.map((k) => [k.kpi, k])),
    milestones: new Map(milestones.map((m) => [m.milestone, m])),
    forceMajeure: new Map(),
  };
}
