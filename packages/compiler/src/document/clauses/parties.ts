import { clause, paragraph } from "../blocks.js";
import { field, type BuildContext } from "../context.js";
import type { Clause } from "../model.js";

/** Clause 1: each party with its jurisdiction, registration and address, and the term it is called by. */
export function buildParties(context: BuildContext): Clause[] {
  const w = context.w;
  if (context.parties.length === 0) return [];
  const subClauses = context.parties.map((party) => {
    const declaration = party.declaration;
    const jurisdiction = field(declaration, "jurisdiction", "code");
    const id = context.clauseId(declaration);
    context.define(party.term, { where: "clause", clause: id });
    return clause(id, undefined, [
      paragraph(
        w.front.party({
          name: declaration.title ?? party.name,
          country: jurisdiction ? context.country(jurisdiction.code) : "",
          registration: context.text(declaration.fields.get("registration")),
          address: context.text(declaration.fields.get("address")),
          term: party.term,
          article: party.article,
          role: party.article || !party.role ? undefined : w.parties.role(party.role),
        }),
      ),
    ]);
  });
  context.define(w.terms.party, { where: "clause", clause: "parties.each" });
  context.define(w.terms.parties, { where: "clause", clause: "parties.each" });
  const each = clause("parties.each", undefined, [
    paragraph(w.front.eachParty(context.parties.map((p) => w.parties.party(p.term, p.article)))),
  ]);
  return [clause("parties", w.front.partiesTitle, [], [...subClauses, each])];
}
