import type { DeclarationModel, RangeValue, Value } from "@covenant/core";
import { compareMagnitudes } from "./magnitude.js";
import type { Favour } from "./model.js";
import type { Term } from "./terms.js";

/**
 * Who a change favours and whether it is material, field by field. The table below is the whole
 * policy: each rule says which party a larger value favours (a higher price favours the supplier,
 * a higher KPI penalty cap the KPI's beneficiary) and whether the term is material (price, caps,
 * exclusivity, term, scope of a grant, termination rights). Where the direction depends on more
 * than the numbers (a changed band, a new escalation step), the change favours no one.
 */

/** A party in a declaration's own terms; resolved to a role (`buyer`) per declaration. */
type Side =
  | "buyer"
  | "supplier"
  | "licensee"
  | "licensor"
  /** A KPI's obligor (default the supplier) and the party it performs for. */
  | "obligor"
  | "beneficiary"
  /** A commitment's committing party and the party it commits to. */
  | "committed"
  | "counterparty"
  /** A milestone's payee and the party responsible for delivering it. */
  | "payee"
  | "responsible"
  /** An obligation's bound party. */
  | "bound"
  /** A party named in the change itself (a right to terminate), or its counterpart. */
  | { readonly party: string; readonly counterpart: boolean };

interface Rule {
  readonly material: boolean;
  /** The side a larger value favours; the counterpart of that side gains from a smaller one. */
  readonly larger?: Side;
  readonly smaller?: Side;
  /** What the term is called in the reason: `price`, `penalty cap`. */
  readonly noun?: string;
  /** How a missing term compares: a removed cap is no cap at all, a missing flag is false. */
  readonly absent?: "unlimited" | "false";
  /** For sets (territory, deposits): the side a wider set favours. */
  readonly wider?: Side;
  readonly narrower?: Side;
  /** For comparisons (targets, bonus thresholds): the side a stricter level favours. */
  readonly stricter?: Side;
  readonly looser?: Side;
}

const material: Rule = { material: true };
const minor: Rule = { material: false };

/** Rules by `kind.field` or `kind.block.field`; anything not listed is not material and favours no one. */
const rules: Readonly<Record<string, Rule>> = {
  "contract.effective": material,
  "contract.term": material,
  "contract.renewal": material,
  "contract.renewal_notice": material,
  "contract.currency": material,
  "contract.total_value": material,

  "pricing.for": material,
  "pricing.basis": material,
  "pricing.tier": { material: true, larger: "supplier", smaller: "buyer", noun: "price" },
  "pricing.minimum_order": { material: false, larger: "supplier", smaller: "buyer", noun: "minimum order" },
  "pricing.most_favoured_customer": {
    material: true,
    larger: "buyer",
    smaller: "supplier",
    noun: "most-favoured-customer pricing",
    absent: "false",
  },
  "pricing.index.weight": material,
  "pricing.index.floor": { material: true, larger: "supplier", smaller: "buyer", noun: "index floor" },
  "pricing.index.ceiling": { material: true, larger: "supplier", smaller: "buyer", noun: "index ceiling" },
  "pricing.index.title": minor,

  "kpi.target": { material: true, stricter: "beneficiary", looser: "obligor" },
  "kpi.obligor": material,
  "kpi.remedy": { material: false, larger: "obligor", smaller: "beneficiary", noun: "remedy period" },
  "kpi.penalty.rate": { material: true, larger: "beneficiary", smaller: "obligor", noun: "penalty rate" },
  "kpi.penalty.per": { material: true, larger: "obligor", smaller: "beneficiary", noun: "penalty step" },
  "kpi.penalty.cap": { material: true, larger: "beneficiary", smaller: "obligor", noun: "penalty cap", absent: "unlimited" },
  "kpi.bonus.rate": { material: true, larger: "obligor", smaller: "beneficiary", noun: "bonus rate" },
  "kpi.bonus.when": { material: false, stricter: "beneficiary", looser: "obligor" },

  "license.licensor": material,
  "license.licensee": material,
  "license.subject": material,
  "license.field": material,
  "license.territory": { material: true, wider: "licensee", narrower: "licensor" },
  "license.exclusive": { material: true, larger: "licensee", smaller: "licensor", noun: "exclusivity" },
  "license.sublicensable": { material: true, larger: "licensee", smaller: "licensor", noun: "right to sublicense" },
  "license.term": { material: true, larger: "licensee", smaller: "licensor", noun: "licence term" },
  "license.survives": { material: true, larger: "licensee", smaller: "licensor", noun: "survival of the grant", absent: "false" },
  "license.derivatives": material,
  "license.royalty": { material: true, larger: "licensor", smaller: "licensee", noun: "royalty rate" },
  "license.royalty_basis": material,
  "license.escrow.deposit": { material: false, wider: "licensee", narrower: "licensor" },
  "license.escrow.release": material,

  "force_majeure.trigger": { material: true, larger: "buyer", smaller: "supplier", noun: "trigger threshold" },
  "force_majeure.relief": { material: true, larger: "supplier", smaller: "buyer", noun: "relief period" },
  "force_majeure.contingency": { material: false, larger: "supplier", smaller: "buyer", noun: "contingency period" },
  "force_majeure.terminate_after": material,

  "milestone.due": { material: true, larger: "responsible", noun: "due date" },
  "milestone.payment": { material: true, larger: "payee", noun: "milestone payment" },

  "obligation.within": { material: false, larger: "bound", noun: "time allowed" },
  "obligation.by": { material: false, larger: "bound", noun: "deadline" },

  "commitment.minimum": { material: true, larger: "counterparty", smaller: "committed", noun: "minimum volume" },
  "commitment.shortfall": { material: true, larger: "counterparty", smaller: "committed", noun: "shortfall payment" },
  "commitment.product": material,
  "commitment.party": material,

  "warranty.period": { material: true, larger: "buyer", smaller: "supplier", noun: "warranty period" },
  "warranty.extendable_to": { material: false, larger: "buyer", smaller: "supplier", noun: "warranty extension" },
  "warranty.recall_costs": material,

  "termination.cause": material,
  "termination.convenience": material,
};

/** How parties and roles read in one document: party name → role. */
export interface PartyRoles {
  readonly roles: ReadonlyMap<string, string>;
  /** Role → the first party that holds it. */
  readonly parties: ReadonlyMap<string, string>;
}

export function partyRoles(declarations: readonly DeclarationModel[]): PartyRoles {
  const roles = new Map<string, string>();
  const parties = new Map<string, string>();
  for (const d of declarations) {
    const role = d.fields.get("role");
    if (d.kind !== "party" || !d.name || role?.kind !== "enum") continue;
    roles.set(d.name, role.value);
    if (!parties.has(role.value)) parties.set(role.value, d.name);
  }
  return { roles, parties };
}

export interface Classification {
  readonly material: boolean;
  readonly favours?: Favour;
  readonly reason?: string;
}

const counterparts: Readonly<Record<string, string>> = {
  supplier: "buyer",
  buyer: "supplier",
  licensor: "licensee",
  licensee: "licensor",
};

/** Classifies one term change of a declaration (`before` or `after` is missing for an added or removed term). */
export function classifyChange(
  declaration: DeclarationModel,
  before: Term | undefined,
  after: Term | undefined,
  parties: PartyRoles,
): Classification {
  const term = (after ?? before)!;
  const rule = rules[ruleKey(declaration.kind, term)] ?? minor;
  const direction = directionOf(rule, term.field, before?.value, after?.value);
  const resolved = direction && resolveSide(direction.side, declaration, parties);
  if (!direction || !resolved) return { material: rule.material };
  return {
    material: rule.material,
    favours: { role: resolved, party: partyIn(resolved, declaration, parties) },
    reason: `${direction.reason} favours the ${resolved}`,
  };
}

/** Whether a term is material on its own (for the terms of a declaration added or removed whole). */
export function isMaterialTerm(kind: string, term: Term): boolean {
  return (rules[ruleKey(kind, term)] ?? minor).material;
}

function ruleKey(kind: string, term: Term): string {
  return term.block ? `${kind}.${term.block}.${term.field}` : `${kind}.${term.field}`;
}

interface Direction {
  readonly side: Side;
  readonly reason: string;
}

function directionOf(rule: Rule, field: string, before: unknown, after: unknown): Direction | undefined {
  if (rule.wider && rule.narrower) return setDirection(rule, before, after);
  if (rule.stricter && rule.looser) return strictnessDirection(rule, before, after);
  if (field === "convenience") return convenienceDirection(before, after);
  if (!rule.larger) return undefined;
  if (rule.absent === "unlimited" && (before === undefined) !== (after === undefined)) {
    const side = after === undefined ? rule.larger : rule.smaller;
    return side && { side, reason: after === undefined ? `removing the ${rule.noun ?? field}` : `adding a ${rule.noun ?? field}` };
  }
  const [a, b] = comparable(field, before, after, rule);
  if (a === undefined || b === undefined) return undefined;
  const order = compareMagnitudes(a, b);
  if (order === undefined || order === 0) return undefined;
  const larger = order < 0;
  const side = larger ? rule.larger : rule.smaller;
  if (!side) return undefined;
  return { side, reason: `${isFlag(a) ? (larger ? "granting" : "withdrawing") : larger ? "a higher" : "a lower"} ${rule.noun ?? field}` };
}

function isFlag(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as Value).kind === "bool";
}

/** The two values to order: a tier's price when its band is unchanged, a trigger's threshold on the same event, a missing flag as false. */
function comparable(field: string, before: unknown, after: unknown, rule: Rule): [unknown, unknown] {
  const missing = rule.absent === "false" ? { kind: "bool", value: false } : undefined;
  if (before === undefined || after === undefined) return [before ?? missing, after ?? missing];
  if (field === "tier" || field === "royalty") {
    const a = before as { band: RangeValue; price: Value };
    const b = after as { band: RangeValue; price: Value };
    return sameBand(a.band, b.band) ? [a.price, b.price] : [undefined, undefined];
  }
  if (field === "trigger") return thresholds(before, after);
  return [before, after];
}

function sameBand(a: RangeValue, b: RangeValue): boolean {
  return a.low.eq(b.low) && (a.high === undefined ? b.high === undefined : b.high !== undefined && a.high.eq(b.high));
}

/** Two single thresholds on the same event with the same `>=`/`>` operator: their amounts. */
function thresholds(before: unknown, after: unknown): [unknown, unknown] {
  const a = before as { form: string; operator?: string; event?: { name: string }; amount?: unknown };
  const b = after as typeof a;
  if (a.form !== "threshold" || b.form !== "threshold" || a.event?.name !== b.event?.name || a.operator !== b.operator)
    return [undefined, undefined];
  if (a.operator !== ">=" && a.operator !== ">") return [undefined, undefined];
  return [a.amount, b.amount];
}

/** A territory or list that grows favours the `wider` side; one that shrinks the `narrower` side; a swap favours no one. */
function setDirection(rule: Rule, before: unknown, after: unknown): Direction | undefined {
  const a = members(before);
  const b = members(after);
  if (!a || !b) return undefined;
  const grows = [...a].every((m) => b.has(m)) && b.size > a.size;
  const shrinks = [...b].every((m) => a.has(m)) && a.size > b.size;
  if (a.has("*") && !b.has("*")) return { side: rule.narrower!, reason: "a narrower grant" };
  if (b.has("*") && !a.has("*")) return { side: rule.wider!, reason: "a wider grant" };
  if (grows) return { side: rule.wider!, reason: "adding to the list" };
  if (shrinks) return { side: rule.narrower!, reason: "taking from the list" };
  return undefined;
}

function members(value: unknown): Set<string> | undefined {
  const v = value as Value | undefined;
  if (!v) return undefined;
  if (v.kind === "territory") return new Set(v.worldwide ? ["*"] : v.countries.map((c) => c.code));
  if (v.kind === "list") return new Set(v.items.map((item) => JSON.stringify(item.kind === "enum" ? item.value : item.kind)));
  return undefined;
}

/** `>= 98%` → `>= 99%` is stricter; `<= 50 ppm` → `<= 40 ppm` is stricter. */
function strictnessDirection(rule: Rule, before: unknown, after: unknown): Direction | undefined {
  const a = before as Value | undefined;
  const b = after as Value | undefined;
  if (a?.kind !== "comparison" || b?.kind !== "comparison" || a.operator !== b.operator) return undefined;
  const order = compareMagnitudes(a.operand, b.operand);
  if (order === undefined || order === 0) return undefined;
  const upward = a.operator === ">=" || a.operator === ">";
  const downward = a.operator === "<=" || a.operator === "<";
  if (!upward && !downward) return undefined;
  const stricter = upward ? order < 0 : order > 0;
  return stricter ? { side: rule.stricter!, reason: "a stricter level" } : { side: rule.looser!, reason: "a looser level" };
}

/** A new right to terminate favours its holder; a longer notice or a higher fee favours the other party. */
function convenienceDirection(before: unknown, after: unknown): Direction | undefined {
  const a = before as Value | undefined;
  const b = after as Value | undefined;
  const holder = (name: string): Side => ({ party: name, counterpart: false });
  const other = (name: string): Side => ({ party: name, counterpart: true });
  if (!a && b?.kind === "convenience") return { side: holder(b.party.name), reason: "a new right to terminate for convenience" };
  if (a?.kind === "convenience" && !b) return { side: other(a.party.name), reason: "removing a right to terminate for convenience" };
  if (a?.kind !== "convenience" || b?.kind !== "convenience") return undefined;
  const notice = compareMagnitudes(a.notice, b.notice);
  const fee = a.fee && b.fee ? compareMagnitudes(a.fee, b.fee) : 0;
  if (notice === undefined || fee === undefined) return undefined;
  const sign = notice !== 0 && fee !== 0 && notice !== fee ? undefined : notice || fee;
  if (!sign) return undefined;
  const noun = notice !== 0 ? "notice period" : "termination fee";
  return sign < 0
    ? { side: other(b.party.name), reason: `a longer ${noun} for ${b.party.name}` }
    : { side: holder(b.party.name), reason: `a shorter ${noun} for ${b.party.name}` };
}

/** The party playing a role: a licence names its licensor and licensee; otherwise the party whose role it is. */
function partyIn(role: string, declaration: DeclarationModel, parties: PartyRoles): string | undefined {
  const named = declaration.fields.get(role);
  if ((role === "licensor" || role === "licensee") && named?.kind === "reference")
    return named.byRole ? parties.parties.get(named.name) : named.name;
  return parties.parties.get(role);
}

function resolveSide(side: Side, declaration: DeclarationModel, parties: PartyRoles): string | undefined {
  const roleOf = (value: Value | undefined): string | undefined => {
    if (value?.kind !== "reference") return undefined;
    return value.byRole ? value.name : parties.roles.get(value.name);
  };
  const counterpart = (role: string | undefined): string | undefined => (role ? counterparts[role] : undefined);
  const field = (name: string): Value | undefined => declaration.fields.get(name);
  if (typeof side === "object") {
    const role = parties.roles.get(side.party) ?? side.party;
    return side.counterpart ? counterpart(role) : role;
  }
  switch (side) {
    case "buyer":
    case "supplier":
    case "licensee":
    case "licensor":
      return side;
    case "obligor":
      return roleOf(field("obligor")) ?? "supplier";
    case "beneficiary":
      return counterpart(roleOf(field("obligor")) ?? "supplier");
    case "committed":
      return roleOf(field("party"));
    case "counterparty":
      return counterpart(roleOf(field("party")));
    case "payee": {
      const payment = field("payment");
      return payment?.kind === "payment" ? roleOf(payment.to) : undefined;
    }
    case "responsible":
      return roleOf(field("responsible")) ?? "supplier";
    case "bound":
      return roleOf(field("party"));
  }
}
