import type { DeclarationModel, StepRow } from "@covenant/core";
import { clause, paragraph, table } from "../blocks.js";
import type { BuildContext } from "../context.js";
import type { Clause, Inline } from "../model.js";
import { runs, type Phrase } from "../phrase.js";

/** Escalation ladders as timetables: the day of each step and what is done on it. */
export function buildEscalation(context: BuildContext): Clause[] {
  const ladders = context.declarations.filter((d) => d.kind === "escalation");
  if (ladders.length === 0) return [];
  return [
    clause(
      "escalation",
      context.w.escalation.title,
      [],
      ladders.map((ladder) => ladderClause(context, ladder)),
    ),
  ];
}

function ladderClause(context: BuildContext, ladder: DeclarationModel): Clause {
  const w = context.w;
  const title = ladder.title ?? ladder.name ?? "";
  const steps = ladder.rows.filter((row): row is StepRow => row.row === "step");
  const rows = steps.map((step) => [runs(w.values.plainNumber(step.day)), stepSentence(context, step)] as Inline[][]);
  return clause(context.clauseId(ladder), title, [paragraph(w.escalation.intro(title)), table(w.escalation.columns(), rows)]);
}

/** A step's sentence: who does what, with the durations the action holds. */
function stepSentence(context: BuildContext, step: StepRow): Inline[] {
  const action = step.action;
  const duration = (value: typeof action.for): Phrase | undefined => (value ? context.w.values.duration(value) : undefined);
  return context.w.escalation.step({ sentence: stepAction(context, step), for: duration(action.for), within: duration(action.within) });
}

/** Who does what in a step, without its durations. */
function stepAction(context: BuildContext, step: StepRow): Inline[] {
  const w = context.w.escalation;
  const action = step.action;
  const actor = action.party ? context.party(action.party) : undefined;
  const either = context.w.parties.eitherParty(context.parties.length);
  switch (action.verb) {
    case "notify":
      return w.notify({ notifier: context.counterparty(action.party), party: actor ?? context.w.parties.responsibleParty() });
    case "corrective_action":
      return w.correctiveAction(actor ?? context.w.parties.responsibleParty());
    case "review":
      return w.review(actor ?? context.w.parties.theParties());
    case "step_in":
      return w.stepIn(actor ?? either);
    case "terminate":
      return w.terminate(
        actor ?? either,
        actor ? context.counterparty(action.party) : context.w.parties.otherParty(context.parties.length),
      );
    case "mediation":
      return w.mediation(actor ?? either);
    case "arbitration":
      return w.arbitration(actor ?? either);
    default:
      return w.other(actor ?? context.w.parties.theParties(), action.verb, action.object);
  }
}
