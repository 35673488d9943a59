import type { TopLevelKind } from "../syntax/keywords.js";

/**
 * The kind schemas of the language: for every declaration kind, its fields, rows and nested
 * blocks, each with the value type the checker reads. The checker, the language server's
 * completion and hover, and the docs all read this one table.
 */

/** Roles a party can play; a party reference may also name a role ("the party whose role is supplier"). */
export const partyRoles = [
  "supplier",
  "buyer",
  "licensor",
  "licensee",
  "venture_partner",
  "escrow_agent",
  "guarantor",
  "developer",
  "manufacturer",
] as const;

export const periodValues = ["weekly", "monthly", "quarterly", "semi_annually", "annually"] as const;

/** The value type of a field, as the checker reads its phrase. */
export type ValueType =
  | { readonly type: "text" }
  | { readonly type: "date" }
  | { readonly type: "bool" }
  | { readonly type: "integer" }
  | { readonly type: "percent" }
  | { readonly type: "duration"; readonly allowPerpetual?: boolean }
  | { readonly type: "money" }
  | { readonly type: "currency" }
  | { readonly type: "country" }
  | { readonly type: "territory" }
  | { readonly type: "unit" }
  | { readonly type: "enum"; readonly values: readonly string[] }
  | { readonly type: "reference"; readonly kinds: readonly ReferenceKind[] }
  | { readonly type: "list"; readonly of: ValueType }
  /** `>= 98%`, `<= 50 ppm`: the operand's dimension comes from the KPI's `measure`. */
  | { readonly type: "target" }
  /** `0.5% of invoice` or `USD 2_000`. */
  | { readonly type: "amount" }
  /** `1% below target`, `10 ppm above target`. */
  | { readonly type: "step" }
  | { readonly type: "condition" }
  /** `breach of quality for 2 consecutive periods cure 30 days`. */
  | { readonly type: "cause" }
  /** `buyer with notice 180 days`, optionally `paying USD 2_000_000 declining 25% per year`. */
  | { readonly type: "convenience" }
  /** `suspend delivery for 60 days`, `dual_source within 30 days`. */
  | { readonly type: "action" }
  /** `half_up to 2 decimals`. */
  | { readonly type: "rounding" }
  /** `every 12 months`. */
  | { readonly type: "every" }
  /** `USD 1_200_000 to supplier` or `20% of contract_value to supplier`. */
  | { readonly type: "payment" }
  /** `500_000 module per year`. */
  | { readonly type: "volume" }
  /** `USD 12.00 per module`, `10% of price`, `credit USD 5.00 per module expiring 12 months`. */
  | { readonly type: "shortfall" }
  /** `by fault` or `[supplier 70%, buyer 30%]`. */
  | { readonly type: "allocation" }
  | { readonly type: "quantity" };

export type ReferenceKind = TopLevelKind | "committee" | "index";

/**
 * Which numbers a value may hold: `positive` (more than zero), `non_negative` (zero or more) or `any`
 * (an index floor, a price movement). Every field and row whose value holds a number declares one
 * rule for each part it holds; the checker reports a number outside its rule (CV307).
 */
export type SignRule = "positive" | "non_negative" | "any";

/**
 * The parts of a value that hold numbers: `amount` (money, percentages, shares, quantities, a penalty
 * step), `time` (durations: a term, a notice, `within 10 days`, a cure), `level` (a target or threshold
 * measured against: `>= 98%`, `port_closure >= 72 hours`) and `band` (the volumes of a tier or royalty band).
 */
export type SignPart = "amount" | "time" | "level" | "band";

export type SignRules = Readonly<Partial<Record<SignPart, SignRule>>>;

/** Units whose quantities may fall below zero, so a level in them takes any sign (`temperature <= -20 celsius`). */
export const signedUnits: readonly string[] = ["celsius"];

/**
 * The range a field's or row's percentages must lie in (CV602): `share` — a part of a whole (a share
 * of an invoice or of the contract value, a target or threshold in percent, a royalty rate, the yearly
 * decline of a fee, an index weight): at most 100%, its sign being the sign rule's (CV307); `change` —
 * a movement of a price (an index floor or ceiling): from -100% to 100%. Every field and row whose
 * value can hold a percentage declares one.
 */
export type PercentRange = "share" | "change";

/**
 * What the entries of a repeatable field or row must differ in (CV302 for a second entry about the
 * same thing): `party` (one right to terminate for convenience per party), `condition` (one termination
 * cause or force-majeure trigger per ground). See `entryIdentity`.
 */
export type EntryKey = "party" | "condition";

export interface FieldSpec {
  readonly value: ValueType;
  /** The sign rule of each part of the value that holds a number; required wherever the value can hold one. */
  readonly signs?: SignRules;
  readonly required?: boolean;
  /** May be given more than once (termination `cause:`). */
  readonly repeatable?: boolean;
  /** The range of its percentages; required wherever the value can hold one. */
  readonly percents?: PercentRange;
  /** For a repeatable field: what its entries must differ in. */
  readonly unique?: EntryKey;
  /** One line for hover and completion. */
  readonly doc: string;
}

export interface RowSpec {
  /** What the row's head and value hold. */
  readonly head: "range" | "trigger" | "day";
  readonly value?: "money" | "percent" | "escalation-action";
  /** The sign rule of each part of the row that holds a number (the band, the price, a threshold, a step's durations). */
  readonly signs: SignRules;
  /**
   * What rows of this word must differ in. Band rows are held apart by the band rules (overlap, order)
   * and steps by their day order (CV703); triggers by their ground.
   */
  readonly unique?: EntryKey;
  /** The range of the row's percentages (a royalty rate). */
  readonly percents?: PercentRange;
  readonly doc: string;
}

export type HeaderPart = "required" | "optional" | "forbidden";

export interface KindSchema {
  readonly kind: string;
  readonly doc: string;
  readonly name: HeaderPart;
  readonly title: HeaderPart;
  /** The kind the `for` subject refers to, when the header takes one. */
  readonly subject?: { readonly kinds: readonly ReferenceKind[]; readonly required: boolean };
  readonly fields: Readonly<Record<string, FieldSpec>>;
  readonly rows?: Readonly<Record<string, RowSpec>>;
  readonly blocks?: Readonly<Record<string, KindSchema>>;
  /** As a nested block: may be given more than once in its parent (named blocks: `index`, `committee`). */
  readonly repeatable?: boolean;
  /** Declarations of this kind are referred to by others; unused ones are reported (CV203). */
  readonly referable?: boolean;
}

const text = { type: "text" } as const;
const duration = { type: "duration" } as const;
const bool = { type: "bool" } as const;
const party = { type: "reference", kinds: ["party"] } as const;
const period = { type: "enum", values: periodValues } as const;

const penalty: KindSchema = {
  kind: "penalty",
  doc: "What the obligor pays when the KPI misses its target.",
  name: "forbidden",
  title: "forbidden",
  fields: {
    rate: {
      value: { type: "amount" },
      signs: { amount: "positive" },
      percents: "share",
      required: true,
      doc: "Amount per step of shortfall: a money amount or a share such as `0.5% of invoice`.",
    },
    per: {
      value: { type: "step" },
      signs: { amount: "positive" },
      percents: "share",
      required: true,
      doc: "The step of shortfall each rate applies to: `1% below target`, `10 ppm above target`.",
    },
    cap: {
      value: { type: "amount" },
      signs: { amount: "positive" },
      percents: "share",
      doc: "The most the penalty can reach in one period, in the rate's dimension.",
    },
  },
};

const bonus: KindSchema = {
  kind: "bonus",
  doc: "What the obligor earns when the KPI beats a threshold.",
  name: "forbidden",
  title: "forbidden",
  fields: {
    rate: {
      value: { type: "amount" },
      signs: { amount: "positive" },
      percents: "share",
      required: true,
      doc: "Amount earned: money or a share such as `0.25% of invoice`.",
    },
    when: {
      value: { type: "target" },
      signs: { level: "non_negative" },
      percents: "share",
      required: true,
      doc: "The threshold that earns the bonus, in the KPI's measure: `>= 99.5%`.",
    },
  },
};

const index: KindSchema = {
  kind: "index",
  doc: "Commodity indexation of the price: a share of the price moves with a published index.",
  repeatable: true,
  name: "required",
  title: "required",
  fields: {
    weight: {
      value: { type: "percent" },
      signs: { amount: "positive" },
      percents: "share",
      required: true,
      doc: "Share of the price that follows the index.",
    },
    floor: {
      value: { type: "percent" },
      signs: { amount: "any" },
      percents: "change",
      doc: "Largest fall of the indexed share, as a percentage (usually negative).",
    },
    ceiling: { value: { type: "percent" }, signs: { amount: "any" }, percents: "change", doc: "Largest rise of the indexed share." },
    review: { value: period, required: true, doc: "How often the index is read and the price adjusted." },
    baseline: { value: { type: "date" }, doc: "Date of the index reading the base price refers to." },
  },
};

const escrow: KindSchema = {
  kind: "escrow",
  doc: "Deposit of licensed material with an escrow agent, released on a condition.",
  name: "forbidden",
  title: "forbidden",
  fields: {
    deposit: {
      value: {
        type: "list",
        of: { type: "enum", values: ["source_code", "object_code", "documentation", "build_environment", "know_how", "test_data"] },
      },
      required: true,
      doc: "What is deposited: `source_code`, `documentation`, ... (one or a list).",
    },
    release: {
      value: { type: "condition" },
      signs: { level: "non_negative", time: "positive" },
      required: true,
      doc: "The condition that releases the deposit to the licensee: `insolvency of supplier`.",
    },
    agent: { value: party, doc: "The escrow agent (a party)." },
  },
};

const committee: KindSchema = {
  kind: "committee",
  doc: "A joint body of the parties.",
  repeatable: true,
  name: "required",
  title: "optional",
  referable: true,
  fields: {
    members: { value: { type: "list", of: party }, required: true, doc: "The parties that sit on the committee." },
    meets: { value: period, required: true, doc: "How often the committee meets." },
    decides: { value: { type: "list", of: text }, doc: "Matters the committee decides." },
  },
};

/** The schema of every top-level declaration kind. */
export const kindSchemas: Readonly<Record<TopLevelKind, KindSchema>> = {
  contract: {
    kind: "contract",
    doc: "The document itself: its kind, dates, term and currency. Once, in the root file.",
    name: "forbidden",
    title: "required",
    fields: {
      kind: {
        value: { type: "enum", values: ["supply", "preferred_supply", "joint_venture", "license", "co_development"] },
        required: true,
        doc: "The kind of agreement.",
      },
      effective: { value: { type: "date" }, required: true, doc: "The date the agreement takes effect." },
      term: { value: duration, signs: { time: "positive" }, required: true, doc: "How long the agreement runs from the effective date." },
      renewal: { value: duration, signs: { time: "positive" }, doc: "Length of each automatic renewal." },
      renewal_notice: { value: duration, signs: { time: "positive" }, doc: "Notice needed to stop a renewal." },
      governing_law: { value: text, required: true, doc: "The law that governs the agreement." },
      currency: { value: { type: "currency" }, required: true, doc: "The contract currency (ISO 4217); every amount must use it." },
      total_value: {
        value: { type: "money" },
        signs: { amount: "positive" },
        doc: "The contract value that shares `of contract_value` refer to.",
      },
    },
  },
  party: {
    kind: "party",
    doc: "A legal person bound by the agreement.",
    name: "required",
    title: "required",
    referable: true,
    fields: {
      role: { value: { type: "enum", values: partyRoles }, required: true, doc: "The party's role in the agreement." },
      jurisdiction: { value: { type: "country" }, required: true, doc: "Where the party is incorporated (ISO 3166-1 alpha-2)." },
      address: { value: text, doc: "Registered address." },
      registration: { value: text, doc: "Company registration number." },
    },
  },
  define: {
    kind: "define",
    doc: "A defined term; the prose lists it in Definitions. Free text prints as written: write the term with its capitals ('the Buyer') where you mean it.",
    name: "required",
    title: "required",
    fields: { means: { value: text, required: true, doc: "What the term means." } },
  },
  product: {
    kind: "product",
    doc: "An item supplied under the agreement.",
    name: "required",
    title: "required",
    referable: true,
    fields: {
      unit: { value: { type: "unit" }, required: true, doc: "The unit it is counted and priced in: `module`, `kg`, `set`, ..." },
      supplied_by: { value: party, required: true, doc: "The party that supplies it." },
      part_number: { value: text, doc: "The buyer's part number." },
    },
  },
  pricing: {
    kind: "pricing",
    doc: "The price of a product: tiers by volume band, indexation, rounding.",
    name: "required",
    title: "optional",
    subject: { kinds: ["product"], required: true },
    fields: {
      basis: {
        value: { type: "enum", values: ["annual_volume", "order_volume", "cumulative_volume"] },
        required: true,
        doc: "The volume the tier bands are measured in.",
      },
      minimum_order: {
        value: { type: "quantity" },
        signs: { amount: "positive" },
        doc: "The smallest order; the first tier must start at or below it.",
      },
      rounding: { value: { type: "rounding" }, doc: "How indexed prices are rounded: `half_up to 2 decimals`." },
      renegotiation: {
        value: { type: "every" },
        signs: { time: "positive" },
        doc: "How often prices are renegotiated: `every 12 months`.",
      },
      most_favoured_customer: {
        value: bool,
        doc: "The buyer gets any lower price the supplier offers another customer for the same product.",
      },
    },
    rows: {
      tier: {
        head: "range",
        value: "money",
        signs: { band: "non_negative", amount: "positive" },
        doc: "A volume band and its unit price: `tier 1 .. 9_999: USD 182.00`.",
      },
    },
    blocks: { index },
  },
  kpi: {
    kind: "kpi",
    doc: "A measured obligation with a target, penalties and bonuses.",
    name: "required",
    title: "required",
    referable: false,
    fields: {
      measure: {
        value: { type: "enum", values: ["percent", "ppm", "days", "hours", "count", "tco2e_per_unit"] },
        required: true,
        doc: "What is measured; fixes the dimension of the target and the penalty step.",
      },
      target: {
        value: { type: "target" },
        signs: { level: "non_negative" },
        percents: "share",
        required: true,
        doc: "The level to meet: `>= 98%`, `<= 50 ppm`.",
      },
      period: { value: period, required: true, doc: "The measurement period." },
      obligor: { value: party, doc: "The party measured (defaults to the supplier)." },
      remedy: {
        value: { type: "action" },
        signs: { time: "positive" },
        doc: "What the obligor must do on a miss: `corrective_action within 10 days`.",
      },
    },
    blocks: { penalty, bonus },
  },
  license: {
    kind: "license",
    doc: "A grant of intellectual-property rights.",
    name: "required",
    title: "required",
    fields: {
      licensor: { value: party, required: true, doc: "The party granting the licence." },
      licensee: { value: party, required: true, doc: "The party receiving the licence." },
      subject: { value: text, required: true, doc: "What is licensed." },
      field: { value: text, doc: "The field of use the grant is limited to." },
      territory: { value: { type: "territory" }, required: true, doc: "Countries (ISO 3166-1 alpha-2) or `worldwide`." },
      exclusive: { value: bool, required: true, doc: "Whether the grant is exclusive." },
      sublicensable: { value: bool, required: true, doc: "Whether the licensee may sublicense." },
      term: {
        value: { type: "duration", allowPerpetual: true },
        signs: { time: "positive" },
        required: true,
        doc: "How long the grant lasts, or `perpetual`.",
      },
      survives: { value: bool, doc: "The grant survives the end of the agreement." },
      core: { value: bool, doc: "The subject is the licensor's core IP." },
      derivatives: {
        value: { type: "enum", values: ["licensor", "licensee", "joint"] },
        doc: "Who owns improvements and derivative works.",
      },
      royalty_basis: { value: { type: "enum", values: ["net_sales", "units", "gross_sales"] }, doc: "What royalty bands are measured in." },
    },
    rows: {
      royalty: {
        head: "range",
        value: "percent",
        signs: { band: "non_negative", amount: "non_negative" },
        percents: "share",
        doc: "A royalty band: `royalty 1 .. 100_000: 3%`.",
      },
    },
    blocks: { escrow },
  },
  event: {
    kind: "event",
    doc: "An objective, measurable occurrence that force majeure can rely on.",
    name: "required",
    title: "required",
    referable: true,
    fields: {
      unit: { value: { type: "unit" }, required: true, doc: "The unit the event is measured in: `hours`, `days`, `level`, `mm`." },
      evidence: { value: text, doc: "Who certifies the measurement; without it the event is not objective (CV900)." },
    },
  },
  force_majeure: {
    kind: "force_majeure",
    doc: "Relief when objective events pass their thresholds.",
    name: "required",
    title: "optional",
    referable: true,
    fields: {
      relief: {
        value: { type: "action" },
        signs: { time: "positive" },
        required: true,
        doc: "The relief given: `suspend delivery for 60 days`.",
      },
      contingency: {
        value: { type: "action" },
        signs: { time: "positive" },
        doc: "What the affected party must do meanwhile: `dual_source within 30 days`.",
      },
      terminate_after: {
        value: duration,
        signs: { time: "positive" },
        doc: "How long the event may last before either party may terminate.",
      },
    },
    rows: {
      trigger: {
        head: "trigger",
        signs: { level: "non_negative" },
        unique: "condition",
        doc: "An objective threshold: `trigger port_closure >= 72 hours`.",
      },
    },
  },
  escalation: {
    kind: "escalation",
    doc: "An escalation ladder: what happens on which day after a failure.",
    name: "required",
    title: "optional",
    referable: true,
    fields: {},
    rows: {
      step: {
        head: "day",
        value: "escalation-action",
        signs: { time: "positive" },
        doc: "A step: `step day 15: corrective_action by supplier`.",
      },
    },
  },
  milestone: {
    kind: "milestone",
    doc: "A dated deliverable, with its payment and what happens on a miss.",
    name: "required",
    title: "required",
    referable: true,
    fields: {
      due: { value: { type: "date" }, required: true, doc: "The date it is due." },
      payment: {
        value: { type: "payment" },
        signs: { amount: "positive" },
        percents: "share",
        doc: "The payment due on completion: `USD 1_200_000 to supplier` or `20% of contract_value to supplier`.",
      },
      on_miss: { value: { type: "reference", kinds: ["escalation"] }, doc: "The escalation ladder that starts on a miss." },
      deliverable: { value: text, doc: "What must be delivered." },
      responsible: { value: party, doc: "The party that must deliver." },
    },
  },
  obligation: {
    kind: "obligation",
    doc: "Anything else a party must do.",
    name: "required",
    title: "required",
    referable: true,
    fields: {
      party: { value: party, required: true, doc: "The party bound." },
      must: { value: text, required: true, doc: "What the party must do." },
      within: { value: duration, signs: { time: "positive" }, doc: "The time allowed." },
      by: { value: { type: "date" }, doc: "The date it must be done by." },
      evidence: { value: text, doc: "What proves it was done." },
    },
  },
  governance: {
    kind: "governance",
    doc: "The parties' joint bodies.",
    name: "forbidden",
    title: "forbidden",
    fields: {},
    blocks: { committee },
  },
  commitment: {
    kind: "commitment",
    doc: "A volume guarantee or take-or-pay obligation.",
    name: "required",
    title: "optional",
    fields: {
      party: { value: party, required: true, doc: "The party committing to the volume." },
      product: { value: { type: "reference", kinds: ["product"] }, required: true, doc: "The product committed." },
      minimum: {
        value: { type: "volume" },
        signs: { amount: "positive" },
        required: true,
        doc: "The minimum quantity per period: `400_000 module per year`.",
      },
      period: {
        value: period,
        required: true,
        doc: "The period the minimum is measured over; a minimum per year measured quarterly is a quarter of it, and one with no exact amount per period is CV406.",
      },
      shortfall: {
        value: { type: "shortfall" },
        signs: { amount: "positive", time: "positive" },
        percents: "share",
        required: true,
        doc: "What is owed for each unit short: `USD 12.00 per module`, `10% of price`, or `credit USD 5.00 per module expiring 12 months`.",
      },
    },
  },
  warranty: {
    kind: "warranty",
    doc: "Quality warranty and recall cost allocation for a product.",
    name: "required",
    title: "optional",
    fields: {
      product: { value: { type: "reference", kinds: ["product"] }, required: true, doc: "The product warranted." },
      period: { value: duration, signs: { time: "positive" }, required: true, doc: "The warranty period from delivery." },
      extendable_to: { value: duration, signs: { time: "positive" }, doc: "The longest the warranty may be extended to." },
      recall_costs: {
        value: { type: "allocation" },
        signs: { amount: "non_negative" },
        percents: "share",
        required: true,
        doc: "Who bears recall costs: `by fault` or `[supplier 70%, buyer 30%]`.",
      },
    },
  },
  termination: {
    kind: "termination",
    doc: "Causes for termination and rights to terminate for convenience.",
    name: "forbidden",
    title: "forbidden",
    fields: {
      cause: {
        value: { type: "cause" },
        signs: { level: "non_negative", time: "positive" },
        repeatable: true,
        unique: "condition",
        doc: "A cause for termination: `breach of defects for 3 consecutive periods`, optionally `cure 30 days`.",
      },
      convenience: {
        value: { type: "convenience" },
        signs: { amount: "positive", time: "non_negative" },
        percents: "share",
        repeatable: true,
        unique: "party",
        doc: "A right to terminate for convenience: `buyer with notice 180 days`.",
      },
    },
  },
};

/** Duration units, singular and plural, with their canonical (plural) name. */
export const durationUnits: Readonly<Record<string, "hours" | "days" | "business_days" | "weeks" | "months" | "years">> = {
  hour: "hours",
  hours: "hours",
  day: "days",
  days: "days",
  business_day: "business_days",
  business_days: "business_days",
  week: "weeks",
  weeks: "weeks",
  month: "months",
  months: "months",
  year: "years",
  years: "years",
};

/** Units a product, an event or a quantity may be counted in (duration units are also accepted where the field allows). */
export const quantityUnits: readonly string[] = [
  "module",
  "unit",
  "piece",
  "set",
  "kit",
  "kg",
  "tonne",
  "g",
  "lb",
  "litre",
  "m",
  "km",
  "kwh",
  "mwh",
  "ppm",
  "level",
  "mm",
  "cm",
  "celsius",
  "tco2e",
  "vehicle",
  "cell",
  "pack",
  "licence",
  "seat",
];

/** Units that count whole items: a quantity in them is a whole number (360.5 pieces cannot be delivered). */
export const countUnits: ReadonlySet<string> = new Set([
  "module",
  "unit",
  "piece",
  "set",
  "kit",
  "vehicle",
  "cell",
  "pack",
  "licence",
  "seat",
]);

/** Bases a share (`0.5% of invoice`) can be a percentage of. */
export const shareBases = ["invoice", "price", "contract_value", "net_sales", "milestone_payment"] as const;

/** Rounding modes for `rounding:` (as decimal.js names them, lower-cased). */
export const roundingModes = ["half_up", "half_down", "half_even", "up", "down"] as const;
