/**
 * The action vocabulary: every verb an action phrase (`relief:`, `contingency:`, `remedy:`, an
 * escalation step) may start with, and the objects it takes. The checker reads actions against this
 * table (CV308, CV309), the language server completes from it, and the compiler's wording has one
 * entry per verb (a missing entry is a type error there), so a contract that checks clean never
 * prints an action the prose cannot say.
 */

export interface ActionSpec {
  /** One line for hover, completion and the docs. */
  readonly doc: string;
  /** The words that may follow the verb as its object (one of them); empty when the action takes none. */
  readonly objects: readonly string[];
  /** The object may be left out (`audit`); otherwise a verb with objects needs one (`suspend delivery`). */
  readonly objectOptional?: boolean;
  /** May be a step of an escalation ladder (`step day 15: corrective_action by supplier`). */
  readonly escalation?: boolean;
}

const deliveries = ["delivery", "deliveries", "shipments", "supply", "production", "performance", "payment", "payments", "orders"];

/** Every known action, by the word that starts it. */
export const actionVocabulary = {
  notify: { doc: "Give written notice of the failure (in a ladder: `notify PARTY`).", objects: [], escalation: true },
  corrective_action: { doc: "Submit and carry out a corrective action plan.", objects: [], escalation: true },
  review: { doc: "Review the failure and decide the measures to take.", objects: [], escalation: true },
  step_in: { doc: "Step in and perform the affected obligations.", objects: [], escalation: true },
  terminate: { doc: "Terminate the agreement by written notice.", objects: [], escalation: true },
  mediation: { doc: "Refer the matter to mediation.", objects: [], escalation: true },
  arbitration: { doc: "Refer the matter to arbitration.", objects: [], escalation: true },
  suspend: { doc: "Suspend a performance: `suspend delivery for 60 days`.", objects: deliveries },
  resume: { doc: "Resume a suspended performance: `resume delivery within 10 days`.", objects: deliveries },
  reduce: { doc: "Reduce a performance: `reduce deliveries for 30 days`.", objects: deliveries },
  reschedule: {
    doc: "Reschedule deliveries or milestones: `reschedule deliveries within 15 days`.",
    objects: [...deliveries, "milestones"],
  },
  extend: {
    doc: "Extend dates by the time given: `extend milestones for 90 days`.",
    objects: ["milestones", "deadlines", "delivery_dates", "due_dates"],
  },
  allocate: { doc: "Allocate the available supply fairly among customers: `allocate supply`.", objects: ["supply", "capacity"] },
  dual_source: { doc: "Qualify and use a second source of supply: `dual_source within 30 days`.", objects: [] },
  relocate: { doc: "Move work to another site: `relocate production within 60 days`.", objects: ["production", "testing", "assembly"] },
  relocate_testing: { doc: "Move testing to another site: `relocate_testing within 30 days`.", objects: [] },
  replace: { doc: "Replace what failed: `replace products within 10 days`.", objects: ["products", "parts", "goods"] },
  repair: { doc: "Repair what failed: `repair products within 10 days`.", objects: ["products", "parts", "goods"] },
  recall: { doc: "Recall products from the market: `recall products within 5 days`.", objects: ["products", "goods"] },
  refund: { doc: "Refund what was paid: `refund payments within 30 days`.", objects: ["payments", "price", "fees"] },
  audit: {
    doc: "Audit the affected party: `audit records within 30 days`.",
    objects: ["records", "facilities", "processes", "production"],
    objectOptional: true,
  },
  inspect: {
    doc: "Inspect the affected goods or sites: `inspect facilities within 10 days`.",
    objects: ["facilities", "goods", "products", "production"],
    objectOptional: true,
  },
  requalify: { doc: "Requalify a process or part: `requalify production within 60 days`.", objects: ["production", "processes", "parts"] },
  retrain: { doc: "Retrain the staff concerned: `retrain within 30 days`.", objects: [] },
  decarbonisation_plan: { doc: "Submit and carry out a decarbonisation plan: `decarbonisation_plan within 3 months`.", objects: [] },
} as const satisfies Readonly<Record<string, ActionSpec>>;

/** A verb of the vocabulary. */
export type ActionVerb = keyof typeof actionVocabulary;

/** The verbs of the vocabulary, in table order. */
export const actionVerbs = Object.keys(actionVocabulary) as readonly ActionVerb[];

/** The spec of `verb`, or undefined when the vocabulary does not know it. */
export function actionSpec(verb: string): ActionSpec | undefined {
  return Object.hasOwn(actionVocabulary, verb) ? (actionVocabulary as Readonly<Record<string, ActionSpec>>)[verb] : undefined;
}

/** Verbs an escalation step may take. */
export const escalationActions: readonly ActionVerb[] = actionVerbs.filter(
  (verb) => (actionVocabulary[verb] as ActionSpec).escalation === true,
);

/** Words people write for a verb of the vocabulary, and the verb meant; used for suggestions. */
export const actionSynonyms: Readonly<Record<string, ActionVerb>> = {
  excuse: "suspend",
  pause: "suspend",
  halt: "suspend",
  postpone: "reschedule",
  delay: "reschedule",
  defer: "reschedule",
  notice: "notify",
  inform: "notify",
  cancel: "terminate",
  end: "terminate",
  restart: "resume",
  second_source: "dual_source",
  corrective_action_plan: "corrective_action",
  mediate: "mediation",
  arbitrate: "arbitration",
};
