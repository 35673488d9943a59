import { Decimal, durationUnits, type Condition, type DeclarationModel, type MeasureValue, type ReferenceValue } from "@covenant/core";
import type { MeasureArg } from "../wording/en.js";
import { field, type BuildContext } from "./context.js";
import type { Inline } from "./model.js";
import { runs } from "./phrase.js";

/**
 * Conditions (termination causes, escrow release, force-majeure triggers) as clauses of a sentence:
 * `breach of defects for 3 consecutive periods` → "the Supplier fails to meet the Defect Rate target
 * in Clause 8.2 in three (3) consecutive calendar months".
 */

export interface ConditionOptions {
  /** How `any party` reads: "a Party" by default, "the other Party" where a party may terminate. */
  readonly anyParty?: Inline[];
}

/** The party bound by a declaration a condition refers to: a KPI's obligor, an obligation's party, a milestone's responsible party. */
export function boundParty(context: BuildContext, declaration: DeclarationModel | undefined): ReferenceValue | undefined {
  if (!declaration) return undefined;
  switch (declaration.kind) {
    case "kpi":
      return field(declaration, "obligor", "reference") ?? roleReference(context, "supplier");
    case "obligation":
    case "commitment":
      return field(declaration, "party", "reference");
    case "milestone":
      return field(declaration, "responsible", "reference");
    case "license":
      return field(declaration, "licensee", "reference");
    case "warranty": {
      const product = field(declaration, "product", "reference");
      const productDeclaration = product ? context.byName.get(product.name) : undefined;
      return productDeclaration ? field(productDeclaration, "supplied_by", "reference") : undefined;
    }
    default:
      return undefined;
  }
}

function roleReference(context: BuildContext, role: string): ReferenceValue | undefined {
  return context.partyByRoleName(role)
    ? {
        kind: "reference",
        name: role,
        byRole: true,
        range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
      }
    : undefined;
}

/** A measured value as the wording takes it. */
export function measureArg(value: MeasureValue, suffix?: string): MeasureArg {
  switch (value.kind) {
    case "percent":
      return { kind: "percent", value: value.value };
    case "quantity":
      return { kind: "quantity", amount: value.amount, unit: value.unit, ...(suffix ? { suffix } : {}) };
    case "duration":
      return { kind: "duration", amount: value.amount, unit: value.unit };
    case "number":
      return { kind: "number", value: value.value };
  }
}

/** The force-majeure term a `lasting` condition or a trigger list uses ("Force Majeure Event"). */
export function forceMajeureTerm(context: BuildContext, declaration: DeclarationModel): string {
  return context.w.forceMajeure.eventTerm(declaration.title);
}

/** A condition as a clause ("the Supplier becomes insolvent"); `negated` denies it ("the Supplier has not become insolvent"). */
export function conditionPhrase(
  context: BuildContext,
  condition: Condition,
  options: ConditionOptions = {},
  nested = false,
  negated = false,
): Inline[] {
  const w = context.w.conditions;
  const subject = (reference: ReferenceValue): Inline[] =>
    reference.byRole && reference.name === "any" ? (options.anyParty ?? context.w.parties.aParty()) : context.party(reference);
  switch (condition.form) {
    case "all":
    case "any": {
      if (negated) return w.not(conditionPhrase(context, condition, options, true));
      const operands = condition.operands.map((operand) => conditionPhrase(context, operand, options, true));
      const compound = condition.operands.some((operand) => operand.form === "all" || operand.form === "any");
      return condition.form === "all" ? w.all(operands, nested, compound) : w.any(operands, nested, compound);
    }
    case "not":
      return conditionPhrase(context, condition.operand, options, nested, !negated);
    case "threshold": {
      const event = context.byName.get(condition.event.name);
      const unit = event ? (field(event, "unit", "unit")?.unit ?? "") : "";
      const title = event?.title ?? condition.event.name;
      const amount = condition.amount;
      const operator = condition.operator;
      if (unit === "level" || (amount.kind === "number" && !durationUnits[unit])) {
        const value = amount.kind === "number" || amount.kind === "percent" ? amount.value : amount.amount;
        return w.threshold({
          event: title,
          kind: "level",
          operator,
          value: unit === "level" ? w.levelValue(value) : context.w.values.measure(measureArg(amount)),
          negated,
        });
      }
      if (amount.kind === "number") {
        return w.threshold({
          event: title,
          kind: "duration",
          operator,
          value: context.w.values.duration({ amount: amount.value, unit: durationUnits[unit]! }),
          negated,
        });
      }
      return w.threshold({
        event: title,
        kind: amount.kind === "duration" ? "duration" : "amount",
        operator,
        value: context.w.values.measure(measureArg(amount)),
        negated,
      });
    }
    case "breach": {
      const target = context.byName.get(condition.target.name);
      const meet = target?.kind === "kpi" || target?.kind === "commitment";
      let repeat: Inline[] | undefined;
      if (condition.periods !== undefined) {
        const periods = periodCount(context, condition.periods);
        const period = target ? (field(target, "period", "enum")?.value ?? undefined) : undefined;
        repeat =
          meet && period
            ? w.consecutivePeriods(periods, context.w.values.periods(period, new Decimal(condition.periods)), condition.consecutive)
            : w.occasions(periods, condition.consecutive);
      }
      return w.breach({
        subject: context.party(boundParty(context, target)),
        object: breachObject(context, target, condition.target.name),
        meet,
        repeat,
        negated,
      });
    }
    case "insolvency":
      return w.insolvency(subject(condition.party), negated);
    case "change_of_control":
      return w.changeOfControl(subject(condition.party), negated);
    case "lasting": {
      const target = context.byName.get(condition.target.name);
      const what =
        target?.kind === "force_majeure" ? w.anEvent(forceMajeureTerm(context, target)) : w.anEvent(target?.title ?? condition.target.name);
      return w.lasting({ subject: what, duration: context.w.values.duration(condition.duration), negated });
    }
    case "missed": {
      const target = context.byName.get(condition.target.name);
      if (target?.kind === "obligation") {
        return w.missedObligation({
          party: context.party(field(target, "party", "reference")),
          title: target.title ?? condition.target.name,
          clause: context.ref(target),
          negated,
        });
      }
      const responsible = boundParty(context, target);
      return w.missedMilestone({
        party: responsible ? context.party(responsible) : undefined,
        title: target?.title ?? condition.target.name,
        clause: target ? context.ref(target) : runs(condition.target.name)[0]!,
        due: target ? context.date(target.fields.get("due")) : "",
        negated,
      });
    }
    case "text":
      return negated ? w.not(context.prose(condition.text)) : w.text(context.prose(condition.text));
  }
}

function periodCount(context: BuildContext, n: number): string {
  return context.w.values.wordsAndFigures(new Decimal(n));
}

/** "the Defect Rate target in Clause 8.2", "its Royalty Reports obligation in Clause 9.3". */
function breachObject(context: BuildContext, target: DeclarationModel | undefined, name: string): Inline[] {
  const w = context.w.conditions;
  if (!target) return runs(name);
  const title = target.title ?? name;
  const clause = context.ref(target);
  switch (target.kind) {
    case "kpi":
      return w.kpiObject({ title, clause });
    case "obligation":
      return w.obligationObject({ title, clause });
    case "milestone":
      return w.milestoneObject({ title, clause });
    case "license":
      return w.namedObject({ title, clause, terms: true });
    default:
      return w.namedObject({ title, clause });
  }
}
