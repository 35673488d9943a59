import type { BandRow, DeclarationModel } from "@covenant/core";
import { clause, paragraph, table } from "../blocks.js";
import { conditionPhrase } from "../conditions.js";
import { field, type BuildContext } from "../context.js";
import type { Clause, Inline } from "../model.js";
import { runs } from "../phrase.js";

/** One clause per licence: the grant (subject, field, territory, exclusivity), sublicensing, duration, improvements, royalties and escrow. */
export function buildLicences(context: BuildContext): Clause[] {
  return context.declarations.filter((d) => d.kind === "license").map((licence) => licenceClause(context, licence));
}

function licenceClause(context: BuildContext, licence: DeclarationModel): Clause {
  const w = context.w;
  const id = context.clauseId(licence);
  const title = licence.title ?? licence.name ?? "";
  const licensor = context.party(field(licence, "licensor", "reference"));
  const licensee = context.party(field(licence, "licensee", "reference"));
  context.define(title, { where: "clause", clause: `${id}.grant` });

  const territory = field(licence, "territory", "territory");
  const grant = [
    paragraph(
      w.licences.grant({
        licensor,
        licensee,
        exclusive: field(licence, "exclusive", "bool")?.value ?? false,
        title,
        subject: context.text(licence.fields.get("subject")) ?? "",
        field: context.text(licence.fields.get("field")),
        territory:
          !territory || territory.worldwide
            ? w.licences.worldwide()
            : w.licences.territory(territory.countries.map((c) => context.country(c.code))),
      }),
    ),
  ];
  if (field(licence, "core", "bool")?.value) grant.push(paragraph(w.licences.core({ licensee, licensor, title })));
  const subClauses: Clause[] = [clause(`${id}.grant`, w.licences.grantTitle, grant)];

  subClauses.push(
    clause(`${id}.sublicensing`, w.licences.sublicensingTitle, [
      paragraph(w.licences.sublicensing({ licensee, title, allowed: field(licence, "sublicensable", "bool")?.value ?? false })),
    ]),
  );

  const term = licence.fields.get("term");
  subClauses.push(
    clause(`${id}.term`, w.licences.termTitle, [
      paragraph(
        w.licences.term({
          title,
          length: term?.kind === "duration" ? w.values.duration(term) : undefined,
          survives: field(licence, "survives", "bool")?.value ?? false,
        }),
      ),
    ]),
  );

  const derivatives = field(licence, "derivatives", "enum")?.value;
  if (derivatives) {
    const owner = derivatives === "licensor" ? licensor : derivatives === "licensee" ? licensee : undefined;
    subClauses.push(
      clause(`${id}.derivatives`, w.licences.derivativesTitle, [paragraph(w.licences.derivatives({ title, owner, licensor, licensee }))]),
    );
  }

  const royalties = licence.rows.filter((row): row is BandRow => row.row === "royalty");
  if (royalties.length > 0) {
    const basis = field(licence, "royalty_basis", "enum")?.value ?? "net_sales";
    const netSales = context.definedTerm("net_sales");
    const rows = royalties.map(
      (band, i) =>
        [
          runs(String(i + 1)),
          runs(w.values.band(band.band.low, band.band.high)),
          runs(band.price.kind === "percent" ? `${band.price.value.toFixed()}%` : context.money(band.price.currency, band.price.amount)),
        ] as Inline[][],
    );
    subClauses.push(
      clause(`${id}.royalties`, w.licences.royaltiesTitle, [
        paragraph(
          w.licences.royalties({
            licensee,
            licensor,
            title,
            base: w.licences.royaltyBase(netSales),
            axis: w.licences.royaltyAxis(basis, netSales),
          }),
        ),
        table(w.licences.royaltyColumns(basis, context.currency), rows),
      ]),
    );
  }

  const escrow = licence.blocks.find((b) => b.kind === "escrow");
  if (escrow) {
    const deposit = escrow.fields.get("deposit");
    const deposits = deposit?.kind === "list" ? deposit.items.flatMap((item) => (item.kind === "enum" ? [item.value] : [])) : [];
    const agentRef = field(escrow, "agent", "reference");
    const agent = agentRef ? context.party(agentRef) : undefined;
    const release = field(escrow, "release", "condition");
    const blocks = [paragraph(w.licences.escrowDeposit({ licensor, deposits, title, agent }))];
    if (release)
      blocks.push(paragraph(w.licences.escrowRelease({ agent, licensee, condition: conditionPhrase(context, release.condition) })));
    subClauses.push(clause(`${id}.escrow`, w.licences.escrowTitle, blocks));
  }
  return clause(id, title, [], subClauses);
}
