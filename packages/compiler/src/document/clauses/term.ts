import { clause, paragraph } from "../blocks.js";
import { field, type BuildContext } from "../context.js";
import type { Clause } from "../model.js";

/** The term of the agreement and its automatic renewal. */
export function buildTerm(context: BuildContext): Clause[] {
  const contract = context.contract;
  const length = contract && field(contract, "term", "duration");
  if (!contract || !length) return [];
  const w = context.w;
  const renewal = field(contract, "renewal", "duration");
  const notice = field(contract, "renewal_notice", "duration");
  const initial = clause("term.initial", undefined, [paragraph(w.term.initial(w.values.duration(length), renewal !== undefined))]);
  if (!renewal) {
    context.define(w.terms.term, { where: "clause", clause: "term.initial" });
    return [clause("term", w.term.titleWithoutRenewal, [], [initial])];
  }
  context.define(w.terms.initialTerm, { where: "clause", clause: "term.initial" });
  context.define(w.terms.renewalTerm, { where: "clause", clause: "term.renewal" });
  const renews = clause("term.renewal", undefined, [
    paragraph(
      w.term.renewal({
        renewal: w.values.duration(renewal),
        notice: notice ? w.values.duration(notice) : undefined,
        eitherParty: w.parties.eitherParty(context.parties.length),
        otherParty: w.parties.otherParty(context.parties.length),
      }),
    ),
  ]);
  return [clause("term", w.term.title, [], [initial, renews])];
}
