import type { CheckedDocument, DeclarationModel, Value } from "@covenant/core";
import { kpiPeriodLabels, kpiPeriodOf, kpiPeriodPattern } from "./kpi-periods.js";
import { pluralUnit, valueText } from "../diff/value-text.js";

/**
 * The JSON Schema (draft 2020-12) of the facts one contract accepts. Every map is closed over the
 * contract's own names (its products, indices, KPIs, events, ...), so facts about a product the
 * contract does not have fail validation at that key. Numbers are JSON numbers or decimal strings;
 * either way `eval` reads them exactly from their text.
 */

export type JsonSchema = { readonly [key: string]: unknown };

/** The fact categories, each keyed by names of one declaration kind. */
export const factCategories = {
  volumes: { one: "a product", many: "products" },
  indices: { one: "an index", many: "indices" },
  royalties: { one: "a licence with royalty bands", many: "licences with royalty bands" },
  kpis: { one: "a KPI", many: "KPIs" },
  events: { one: "an event", many: "events" },
  milestones: { one: "a milestone", many: "milestones" },
  purchases: { one: "a commitment", many: "commitments" },
  parties: { one: "a party", many: "parties" },
  obligations: { one: "an obligation", many: "obligations" },
  escalations: { one: "an escalation ladder", many: "escalation ladders" },
} as const;

export type FactCategory = keyof typeof factCategories;

const decimal = { $ref: "#/$defs/decimal" };
const date = { $ref: "#/$defs/date" };

/** Names in each category, in the order the contract declares them. */
export function factNames(document: CheckedDocument): Record<FactCategory, DeclarationModel[]> {
  const of = (kind: string): DeclarationModel[] => document.declarations.filter((d) => d.kind === kind && d.name !== undefined);
  return {
    volumes: of("product"),
    indices: document.declarations.flatMap((d) => (d.kind === "pricing" ? d.blocks.filter((b) => b.kind === "index" && b.name) : [])),
    royalties: of("license").filter((d) => d.rows.some((r) => r.row === "royalty")),
    kpis: of("kpi"),
    events: of("event"),
    milestones: of("milestone"),
    purchases: of("commitment"),
    parties: of("party"),
    obligations: of("obligation"),
    escalations: of("escalation"),
  };
}

export function factsSchema(document: CheckedDocument): JsonSchema {
  const names = factNames(document);
  const units = new Map(names.volumes.map((p) => [p.name!, unitOf(p.fields.get("unit"))]));
  const pricingOf = new Map(
    document.declarations.filter((d) => d.kind === "pricing" && d.subject).map((d) => [d.subject!.name, d] as const),
  );
  const properties: Record<string, unknown> = {
    $schema: { type: "string", description: "The schema these facts follow (ignored)." },
    as_of: {
      ...date,
      description: "The date the facts are true at: escalation steps reached, milestones missed, how long events have lasted.",
    },
  };
  // Names are closed with `propertyNames` and share one value schema per category, so the schema of
  // a contract with hundreds of declarations still compiles in milliseconds; each name's meaning
  // is listed in the category's description.
  const category = (
    key: FactCategory,
    entries: DeclarationModel[],
    describe: (d: DeclarationModel) => string,
    value: JsonSchema,
    description: string,
  ): void => {
    if (entries.length === 0) return;
    properties[key] = {
      type: "object",
      description: `${description}\n${entries.map((d) => `- ${d.name}: ${describe(d)}`).join("\n")}`,
      propertyNames: { enum: entries.map((d) => d.name!) },
      additionalProperties: value,
    };
  };

  category(
    "volumes",
    names.volumes,
    (p) => {
      const basis = pricingOf.get(p.name!)?.fields.get("basis");
      const measured = basis?.kind === "enum" ? basis.value.replace(/_/g, " ") : "volume";
      return `${p.title ?? p.name}, ${measured} in ${pluralUnit(units.get(p.name!) ?? "unit")}`;
    },
    decimal,
    "Volume per product, as its pricing's basis measures it (annual, order or cumulative volume).",
  );
  category(
    "indices",
    names.indices,
    (i) => `${i.title ?? i.name}`,
    decimal,
    "Movement of each price index since its baseline, in percent (6.5 for a rise of 6.5%, -3 for a fall of 3%).",
  );
  category(
    "royalties",
    names.royalties,
    (l) => {
      const basis = l.fields.get("royalty_basis");
      return `${l.title ?? l.name}, in ${basis?.kind === "enum" ? basis.value.replace(/_/g, " ") : "the royalty basis"}`;
    },
    decimal,
    "Volume per licence, in its royalty basis.",
  );
  category(
    "kpis",
    names.kpis,
    kpiDescription,
    {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["period", "value"],
        properties: {
          period: {
            type: "string",
            pattern: kpiPeriodPattern,
            description: `The period measured, in the form of the KPI's period (listed with each KPI): ${Object.entries(kpiPeriodLabels)
              .map(([period, label]) => `${period.replace("_", "-")} ${label.example}`)
              .join(", ")}. Each period once.`,
          },
          value: { ...decimal, description: "The level measured, in the unit of the KPI's target." },
          invoice: {
            ...decimal,
            description:
              "The amount invoiced in the period, in the contract currency; needed when a penalty or bonus is a share of invoice.",
          },
        },
      },
    },
    "Measurements per KPI, one entry per period (each period once); consecutive periods are adjacent on the calendar.",
  );
  category(
    "events",
    names.events,
    (e) => `${e.title ?? e.name}, in ${unitOf(e.fields.get("unit")) ?? "its unit"}`,
    {
      anyOf: [
        decimal,
        {
          type: "object",
          additionalProperties: false,
          required: ["value"],
          properties: { value: decimal, since: { ...date, description: "The day the event started." } },
        },
      ],
    },
    "Measurements of objective events (force-majeure triggers): the measurement, or { value, since }.",
  );
  category(
    "milestones",
    names.milestones,
    (m) => `${m.title ?? m.name}, due ${valueOrEmpty(m.fields.get("due"))}`,
    {
      type: "object",
      additionalProperties: false,
      required: ["delivered"],
      properties: { delivered: { anyOf: [date, { type: "null" }], description: "The date it was delivered, or null if not yet." } },
    },
    "Milestones delivered (a date) or not (null).",
  );
  category(
    "purchases",
    names.purchases,
    (c) => `${c.title ?? c.name}, minimum ${valueOrEmpty(c.fields.get("minimum"))}`,
    decimal,
    "Quantity bought in one measurement period of each commitment (its `period:`); a minimum per year measured quarterly is compared as a quarter of it.",
  );
  category(
    "parties",
    names.parties,
    (p) => `${p.title ?? p.name}`,
    { type: "object", additionalProperties: false, properties: { insolvent: { type: "boolean" }, change_of_control: { type: "boolean" } } },
    "What happened to each party: insolvency, change of control.",
  );
  category(
    "obligations",
    names.obligations,
    (o) => `${o.title ?? o.name}`,
    {
      type: "object",
      additionalProperties: false,
      properties: {
        breaches: { type: "integer", minimum: 0, description: "Periods in breach in a row up to now." },
        missed: { type: "boolean", description: "The obligation was missed." },
      },
    },
    "Breaches of obligations.",
  );
  category(
    "escalations",
    names.escalations,
    (e) => `${e.title ?? e.name}`,
    {
      type: "object",
      additionalProperties: false,
      required: ["started"],
      properties: { started: { ...date, description: "Day 0: the day the failure occurred." } },
    },
    "Escalation ladders started by a failure other than a missed milestone.",
  );

  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: `Facts for ${document.contract?.title ? `"${document.contract.title}"` : "a Covenant contract"}`,
    description:
      "Facts that `covenant eval` applies the contract to. Numbers may be JSON numbers or decimal strings; both are read exactly.",
    type: "object",
    additionalProperties: false,
    properties,
    $defs: {
      decimal: {
        anyOf: [{ type: "number" }, { type: "string", pattern: "^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$" }],
      },
      date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
    },
  };
}

function kpiDescription(k: DeclarationModel): string {
  const target = k.fields.get("target");
  const measured = target?.kind === "comparison" ? measureUnit(target.operand) : "the KPI's measure";
  const invoice = needsInvoice(k) ? "; give each period's invoice" : "";
  const period = kpiPeriodOf(k);
  const { form, example } = kpiPeriodLabels[period];
  return `${k.title ?? k.name}, target ${target ? valueText(target) : "?"}, in ${measured}, ${period.replace("_", "-")}: periods ${form}, such as ${example}${invoice}`;
}

/** A KPI whose penalty or bonus is a share of invoice needs each period's invoice amount. */
export function needsInvoice(k: DeclarationModel): boolean {
  return k.blocks.some((b) => [...b.fields.values()].some((v) => v.kind === "share" && v.base === "invoice"));
}

/** The unit a KPI's measurements are given in: the target's (`percent`, `ppm`, `business days`). */
export function measureUnit(operand: Value): string {
  switch (operand.kind) {
    case "percent":
      return "percent";
    case "quantity":
      return operand.unit;
    case "duration":
      return operand.unit.replace(/_/g, " ");
    default:
      return "a count";
  }
}

function unitOf(value: Value | undefined): string | undefined {
  return value?.kind === "unit" ? value.unit : undefined;
}

function valueOrEmpty(value: Value | undefined): string {
  return value ? valueText(value) : "?";
}
