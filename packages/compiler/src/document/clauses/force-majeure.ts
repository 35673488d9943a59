import type { ActionValue, Condition, DeclarationModel, TriggerRow } from "@covenant/core";
import { clause, list, paragraph } from "../blocks.js";
import { conditionPhrase, forceMajeureTerm } from "../conditions.js";
import { field, type BuildContext } from "../context.js";
import type { Block, Clause, Inline } from "../model.js";
import { clauseRef, runs, type Phrase } from "../phrase.js";

/**
 * One clause per force-majeure declaration: the measured events its triggers rely on (each with
 * the evidence that proves it — library events appear here, where they are used), the triggers as
 * objective thresholds, the relief, the contingency and the right to terminate.
 */
export function buildForceMajeure(context: BuildContext): Clause[] {
  return context.declarations.filter((d) => d.kind === "force_majeure").map((fm) => forceMajeureClause(context, fm));
}

function eventsOf(condition: Condition): string[] {
  switch (condition.form) {
    case "all":
    case "any":
      return condition.operands.flatMap(eventsOf);
    case "not":
      return eventsOf(condition.operand);
    case "threshold":
      return [condition.event.name];
    default:
      return [];
  }
}

function forceMajeureClause(context: BuildContext, fm: DeclarationModel): Clause {
  const w = context.w;
  const id = context.clauseId(fm);
  const term = forceMajeureTerm(context, fm);
  const triggers = fm.rows.filter((row): row is TriggerRow => row.row === "trigger");
  const subClauses: Clause[] = [];

  const events = [...new Set(triggers.flatMap((t) => eventsOf(t.condition)))]
    .filter((name) => !context.definedEvents.has(name))
    .flatMap((name) => {
      const event = context.byName.get(name);
      return event?.kind === "event" ? [event] : [];
    });
  let eventsRef: Inline | undefined;
  if (events.length > 0) {
    const eventsId = `${id}.events`;
    eventsRef = clauseRef(eventsId);
    const items = events.map((event, i) => {
      context.definedEvents.add(event.name!);
      context.define(event.title ?? event.name!, { where: "clause", clause: eventsId });
      return runs(
        w.forceMajeure.event({
          title: event.title ?? event.name!,
          unit: field(event, "unit", "unit")?.unit ?? "",
          evidence: context.text(event.fields.get("evidence")),
        }),
        w.listEnd(i, events.length, "and"),
      );
    });
    subClauses.push(clause(eventsId, w.forceMajeure.eventsTitle, [paragraph(w.forceMajeure.eventsIntro()), list(items)]));
  }

  const triggersId = `${id}.triggers`;
  context.define(term, { where: "clause", clause: triggersId });
  const conditions = triggers.map((t) => conditionPhrase(context, t.condition));
  const triggerBlocks: Block[] =
    conditions.length === 1
      ? [paragraph(w.forceMajeure.singleTrigger({ term, events: eventsRef, condition: conditions[0]! }))]
      : [
          paragraph(w.forceMajeure.triggersIntro({ term, events: eventsRef })),
          list(conditions.map((c, i) => runs(c, w.listEnd(i, conditions.length, "or")))),
        ];
  subClauses.push(clause(triggersId, w.forceMajeure.triggersTitle(term), triggerBlocks));

  const relief = field(fm, "relief", "action");
  if (relief) {
    subClauses.push(
      clause(`${id}.relief`, w.forceMajeure.reliefTitle, [
        paragraph(w.forceMajeure.relief({ term, ...actionParts(context, relief, true) })),
      ]),
    );
  }
  const contingency = field(fm, "contingency", "action");
  if (contingency) {
    subClauses.push(
      clause(`${id}.contingency`, w.forceMajeure.contingencyTitle, [
        paragraph(w.forceMajeure.contingency({ term, ...actionParts(context, contingency, false) })),
      ]),
    );
  }
  const after = field(fm, "terminate_after", "duration");
  if (after) {
    subClauses.push(
      clause(`${id}.termination`, w.forceMajeure.terminationTitle, [
        paragraph(
          w.forceMajeure.termination({
            term,
            after: w.values.duration(after),
            eitherParty: w.parties.eitherParty(context.parties.length),
            otherParty: w.parties.otherParty(context.parties.length),
          }),
        ),
      ]),
    );
  }
  return clause(id, fm.title ?? w.forceMajeure.title, [], subClauses);
}

/**
 * Every term an action holds, worded: the party it names (`by PARTY`), the verb and object with how
 * long it lasts (`for`), and the time by which it is taken (`within`). `permission`: the action is
 * something a party may do (relief), not must do (contingency).
 */
function actionParts(
  context: BuildContext,
  action: ActionValue,
  permission: boolean,
): { party: Inline[] | undefined; action: Inline[]; within: Phrase | undefined } {
  const w = context.w;
  return {
    party: action.party ? context.party(action.party) : undefined,
    action: w.action({ verb: action.verb, object: action.object, for: action.for ? w.values.duration(action.for) : undefined, permission }),
    within: action.within ? w.values.duration(action.within) : undefined,
  };
}
