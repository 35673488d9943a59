import type { DeclarationModel } from "@covenant/core";
import { clause, list, paragraph } from "../blocks.js";
import { field, type BuildContext } from "../context.js";
import type { Block, Clause } from "../model.js";
import { runs } from "../phrase.js";

/** Joint committees: members, how often they meet, and what they decide. */
export function buildGovernance(context: BuildContext): Clause[] {
  const committees = context.declarations
    .filter((d) => d.kind === "governance")
    .flatMap((g) => g.blocks.filter((b) => b.kind === "committee"));
  if (committees.length === 0) return [];
  return [
    clause(
      "governance",
      context.w.governance.title,
      [],
      committees.map((c) => committeeClause(context, c)),
    ),
  ];
}

function committeeClause(context: BuildContext, committee: DeclarationModel): Clause {
  const w = context.w;
  const title = context.committeeTerm(committee);
  const id = `committee.${committee.name}`;
  context.define(title, { where: "clause", clause: id });
  const members = committee.fields.get("members");
  const memberPhrases = members?.kind === "list" ? members.items.flatMap((m) => (m.kind === "reference" ? [context.party(m)] : [])) : [];
  const blocks: Block[] = [paragraph(w.governance.committee({ title, members: memberPhrases }))];
  const meets = field(committee, "meets", "enum");
  if (meets) blocks.push(paragraph(w.governance.meets({ title, period: w.values.period(meets.value) })));
  const decides = committee.fields.get("decides");
  const matters = decides?.kind === "list" ? decides.items.flatMap((m) => (m.kind === "text" ? [m.value] : [])) : [];
  if (matters.length > 0) {
    blocks.push(paragraph(w.governance.decides(title)));
    blocks.push(list(matters.map((matter, i) => runs(context.prose(matter), w.listEnd(i, matters.length, "and")))));
  }
  return clause(id, title, blocks);
}
