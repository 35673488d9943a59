import { Decimal, type CauseValue, type Condition, type ConvenienceValue, type ReferenceValue } from "@covenant/core";
import { clause, paragraph, table } from "../blocks.js";
import { boundParty, conditionPhrase } from "../conditions.js";
import { field, type BuildContext } from "../context.js";
import type { Block, Clause, Inline } from "../model.js";
import { plainText, runs } from "../phrase.js";

/** Most fee schedule rows worth printing; a fee that declines monthly over years is stated, not tabled. */
const maxFeeRows = 20;

/** Termination: who may terminate for each cause (the other side of the party at fault), then the rights to terminate for convenience. */
export function buildTermination(context: BuildContext): Clause[] {
  const blocks = context.declarations.filter((d) => d.kind === "termination");
  if (blocks.length === 0) return [];
  const subClauses: Clause[] = [];
  blocks.forEach((termination, b) => {
    (termination.repeated.get("cause") ?? []).forEach((cause, i) => {
      if (cause.kind === "cause") subClauses.push(causeClause(context, cause, `termination.${b + 1}.cause.${i + 1}`));
    });
    (termination.repeated.get("convenience") ?? []).forEach((right, i) => {
      if (right.kind === "convenience") subClauses.push(convenienceClause(context, right, `termination.${b + 1}.convenience.${i + 1}`));
    });
  });
  return [clause("termination", context.w.termination.title, [], subClauses)];
}

/** The party at fault in a condition, when there is exactly one: the party bound by what is breached or missed, or the insolvent party. */
function partyAtFault(context: BuildContext, condition: Condition): ReferenceValue | undefined | "any" {
  switch (condition.form) {
    case "breach":
    case "missed":
      return boundParty(context, context.byName.get(condition.target.name));
    case "insolvency":
    case "change_of_control":
      return condition.party.byRole && condition.party.name === "any" ? "any" : condition.party;
    case "not":
      return condition.operand.form === "not" ? partyAtFault(context, condition.operand.operand) : undefined;
    case "all":
    case "any": {
      // Either of two faults ("or") must be on the same side; for "and", the parts that fault no
      // one (a force-majeure duration, a negation) do not change who is at fault.
      const all = condition.operands.map((o) => partyAtFault(context, o));
      const parties = condition.form === "all" ? all.filter((p) => p !== undefined) : all;
      if (parties.length === 0 || parties.some((p) => p === undefined || p === "any")) return undefined;
      const sides = new Set(parties.map((p) => plainText(context.counterparty(p as ReferenceValue))));
      return sides.size === 1 ? parties[0] : undefined;
    }
    default:
      return undefined;
  }
}

function causeClause(context: BuildContext, cause: CauseValue, id: string): Clause {
  const w = context.w;
  const fault = partyAtFault(context, cause.condition);
  const count = context.parties.length;
  const either = w.parties.eitherParty(count);
  const other = w.parties.otherParty(count);
  const party = fault && fault !== "any" ? context.counterparty(fault) : either;
  const to = fault && fault !== "any" ? context.party(fault) : other;
  const condition = conditionPhrase(context, cause.condition, { anyParty: w.parties.anotherParty(count) });
  return clause(id, undefined, [
    paragraph(w.termination.cause({ party, other: to, condition, cure: cause.cure ? w.values.duration(cause.cure) : undefined })),
  ]);
}

function convenienceClause(context: BuildContext, right: ConvenienceValue, id: string): Clause {
  const w = context.w;
  const party = context.party(right.party);
  const other = context.counterparty(right.party);
  const blocks: Block[] = [paragraph(w.termination.convenience({ party, other, notice: w.termination.noticeLength(right.notice) }))];
  if (right.fee) {
    const schedule = right.declining ? feeSchedule(context, right) : undefined;
    blocks.push(
      paragraph(
        w.termination.fee({
          party,
          other,
          fee: context.money(right.fee.currency, right.fee.amount),
          declining: right.declining ? w.values.percent(right.declining.percent.value) : undefined,
          unit: right.declining?.per,
          table: schedule !== undefined,
        }),
      ),
    );
    if (schedule) blocks.push(schedule);
  }
  return clause(id, w.termination.convenienceTitle, blocks);
}

/** The fee by period of notice (year 1, 2, ...) until it reaches zero or the term ends. */
function feeSchedule(context: BuildContext, right: ConvenienceValue) {
  const w = context.w;
  const fee = right.fee!;
  const declining = right.declining!;
  const term = context.contract ? field(context.contract, "term", "duration") : undefined;
  const periods =
    term && term.unit === declining.per
      ? term.amount.toNumber()
      : term?.unit === "years" && declining.per === "months"
        ? term.amount.toNumber() * 12
        : maxFeeRows;
  const rows: Inline[][][] = [];
  for (let k = 0; k < Math.min(periods, maxFeeRows + 1); k++) {
    const factor = Decimal.max(0, new Decimal(1).minus(declining.percent.value.mul(k).div(100)));
    rows.push([runs(String(k + 1)), runs(context.money(fee.currency, fee.amount.mul(factor)))]);
    if (factor.isZero()) break;
  }
  if (rows.length > maxFeeRows) return undefined;
  return table(w.termination.feeColumns(declining.per), rows);
}
