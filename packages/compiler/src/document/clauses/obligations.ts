import type { DeclarationModel } from "@covenant/core";
import { clause, paragraph } from "../blocks.js";
import { field, type BuildContext } from "../context.js";
import type { Clause } from "../model.js";

/** Other obligations: who must do what, by when, and the evidence that it was done. */
export function buildObligations(context: BuildContext): Clause[] {
  const obligations = context.declarations.filter((d) => d.kind === "obligation");
  if (obligations.length === 0) return [];
  return [
    clause(
      "obligations",
      context.w.obligations.title,
      [],
      obligations.map((o) => obligationClause(context, o)),
    ),
  ];
}

function obligationClause(context: BuildContext, obligation: DeclarationModel): Clause {
  const w = context.w;
  const within = field(obligation, "within", "duration");
  const blocks = [
    paragraph(
      w.obligations.must({
        party: context.party(field(obligation, "party", "reference")),
        must: context.prose(context.text(obligation.fields.get("must")) ?? ""),
        within: within ? w.values.duration(within) : undefined,
        by: obligation.fields.has("by") ? context.date(obligation.fields.get("by")) : undefined,
      }),
    ),
  ];
  const evidence = context.text(obligation.fields.get("evidence"));
  if (evidence) blocks.push(paragraph(w.obligations.evidence(context.prose(evidence))));
  return clause(context.clauseId(obligation), obligation.title, blocks);
}
