import type { CheckedDocument } from "@covenant/core";
import type { Wording } from "../wording/wording.js";
import { paragraph } from "./blocks.js";
import { buildCommitments } from "./clauses/commitments.js";
import { buildDefinitions } from "./clauses/definitions.js";
import { buildEscalation } from "./clauses/escalation.js";
import { buildForceMajeure } from "./clauses/force-majeure.js";
import { buildGoverningLaw } from "./clauses/governing-law.js";
import { buildGovernance } from "./clauses/governance.js";
import { buildKpis } from "./clauses/kpis.js";
import { buildLicences } from "./clauses/licences.js";
import { buildMilestones } from "./clauses/milestones.js";
import { buildObligations } from "./clauses/obligations.js";
import { buildParties } from "./clauses/parties.js";
import { buildPricing } from "./clauses/pricing.js";
import { buildProducts } from "./clauses/products.js";
import { buildTerm } from "./clauses/term.js";
import { buildTermination } from "./clauses/termination.js";
import { buildWarranties } from "./clauses/warranties.js";
import { BuildContext, field } from "./context.js";
import type { Block, Clause, Document, Inline, ListItem, SignatureBlock } from "./model.js";
import { numberDocument } from "./numbering.js";
import { clauseRef } from "./phrase.js";
import { contractDeclarations } from "./selection.js";

/**
 * The clauses after Parties and Definitions, in the order a lawyer expects them: the term, what is
 * supplied and at what price, the rights granted, what each party must do and how it is measured,
 * the joint bodies and escalation, relief, exit, and the governing law last. Within a kind, the
 * declarations keep the order they are written in.
 */
const body = [
  buildTerm,
  buildProducts,
  buildPricing,
  buildCommitments,
  buildLicences,
  buildObligations,
  buildMilestones,
  buildKpis,
  buildWarranties,
  buildGovernance,
  buildEscalation,
  buildForceMajeure,
  buildTermination,
  buildGoverningLaw,
] as const;

/** Builds the numbered document model of a checked contract. The contract must be checked clean and have a contract header. */
export function buildDocument(checked: CheckedDocument, wording: Wording): Document {
  const contract = checked.contract;
  if (!checked.ok || !contract) throw new Error("buildDocument needs a contract that checks without errors and has a contract header");
  const context = new BuildContext(wording, checked, contractDeclarations(checked));
  const title = contract.title ?? "";

  const parties = buildParties(context);
  const effective = field(contract, "effective", "date");
  context.define(wording.terms.agreement, { where: "introduction" });
  context.define(wording.terms.effectiveDate, { where: "introduction" });
  const preamble: Block[] = [
    paragraph(
      wording.front.preamble({
        title,
        kind: field(contract, "kind", "enum")?.value ?? "",
        effective: effective ? context.date(effective) : "",
        parties: parties.length > 0 ? clauseRef("parties") : undefined,
      }),
    ),
  ];
  const rest = body.flatMap((build) => build(context));
  const definitions = buildDefinitions(context, usedTerms([...parties, ...rest], preamble));

  const signatures: SignatureBlock | undefined =
    context.parties.length === 0
      ? undefined
      : {
          heading: wording.signatures.heading,
          intro: wording.signatures.intro(),
          signatureLabel: wording.signatures.signature,
          signatories: context.parties.map((party) => ({
            name: wording.signatures.forParty(party.declaration.title ?? party.name),
            lines: wording.signatures.lines,
          })),
        };

  return numberDocument({
    title,
    language: wording.language,
    quotes: wording.quotes,
    pageLabel: wording.pageLabel,
    preamble,
    clauses: [...parties, definitions, ...rest],
    signatures,
  });
}

/** The defined terms the clauses use, so the Definitions clause defines standard terms only when used. */
function usedTerms(clauses: readonly Clause[], preamble: readonly Block[]): Set<string> {
  const used = new Set<string>();
  const runs = (list: readonly Inline[]): void => {
    for (const run of list) if (run.kind === "term") used.add(run.term);
  };
  const items = (list: readonly ListItem[]): void => {
    for (const item of list) {
      runs(item.runs);
      items(item.items);
    }
  };
  const blocks = (list: readonly Block[]): void => {
    for (const b of list) {
      if (b.kind === "paragraph") runs(b.runs);
      else if (b.kind === "list") items(b.items);
      else for (const row of b.rows) for (const cell of row) runs(cell);
    }
  };
  const walk = (list: readonly Clause[]): void => {
    for (const c of list) {
      blocks(c.blocks);
      walk(c.clauses);
    }
  };
  walk(clauses);
  blocks(preamble);
  return used;
}
