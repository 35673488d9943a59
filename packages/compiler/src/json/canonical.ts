import {
  currencyInfo,
  dirname,
  isTopLevelKind,
  kindSchemas,
  relativePath,
  type CheckedDocument,
  type Condition,
  type DeclarationModel,
  type Decimal,
  type MeasureValue,
  type ReferenceValue,
  type RowModel,
  type Value,
} from "@covenant/core";
import { contractDeclarations } from "../document/selection.js";

/**
 * The canonical terms of a contract as JSON data: what the contract says, independent of how the
 * file is laid out. Keys are the language's own words (a declaration's fields by field name, rows
 * by row word, blocks by block word; top-level declarations by kind); decimals are strings with no
 * trailing zeros (money keeps its currency's minor units: "182.00"); dates are ISO strings;
 * references are declaration names (a party named by role is written as the party's name).
 * Comments, doc comments, layout and the order of fields do not appear; the order of
 * declarations, rows and list items does, because it is the order of the clauses.
 */

export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface TermsOptions {
  /** Adds `location: { file, line, column }` to declarations and rows (file relative to the root file's folder). */
  readonly withLocations?: boolean;
}

/** Serialises the checked document's terms. */
export function canonicalTerms(checked: CheckedDocument, options: TermsOptions = {}): JsonObject {
  const declarations = contractDeclarations(checked);
  const roles = new Map<string, string | null>();
  for (const d of declarations) {
    const role = d.fields.get("role");
    if (d.kind === "party" && d.name && role?.kind === "enum") roles.set(role.value, roles.has(role.value) ? null : d.name);
  }
  const serialiser = new TermsSerialiser(roles, options.withLocations ? dirname(checked.rootUri) : undefined);
  const terms: JsonObject = {};
  for (const declaration of declarations) {
    const value = serialiser.declaration(declaration);
    if (declaration.kind === "contract") terms["contract"] = value;
    else append(terms, declaration.kind, value);
  }
  return terms;
}

const decimal = (value: Decimal): string => value.toFixed();

/** Adds `value` to the list under `key`, in place: copying the list for each item took time quadratic in the rows of a kind. */
function append(object: JsonObject, key: string, value: Json): void {
  const list = object[key];
  if (Array.isArray(list)) (list as Json[]).push(value);
  else object[key] = [value];
}

class TermsSerialiser {
  constructor(
    /** Role → the name of the one party with it (null when several share it). */
    private readonly roles: ReadonlyMap<string, string | null>,
    private readonly locationsFrom: string | undefined,
  ) {}

  declaration(d: DeclarationModel): JsonObject {
    const out: JsonObject = {};
    if (d.name !== undefined) out["name"] = d.name;
    if (d.title !== undefined) out["title"] = d.title;
    if (d.subject) out["for"] = this.reference(d.subject);
    for (const [name, value] of d.fields) out[name] = this.value(value);
    for (const [name, values] of d.repeated) out[name] = values.map((v) => this.value(v));
    for (const row of d.rows) append(out, row.row, this.row(row, d.uri));
    for (const block of d.blocks) {
      const body = this.declaration(block);
      // Blocks that may repeat (index, committee) are lists; the others (penalty, escrow) are given once (CV302).
      if (isTopLevelKind(d.kind) && kindSchemas[d.kind].blocks?.[block.kind]?.repeatable) append(out, block.kind, body);
      else out[block.kind] = body;
    }
    if (this.locationsFrom !== undefined) out["location"] = this.location(d.uri, d.node.range.start);
    return out;
  }

  private location(uri: string, at: { line: number; column: number }): JsonObject {
    return { file: relativePath(this.locationsFrom!, uri), line: at.line, column: at.column };
  }

  private row(row: RowModel, uri: string): Json {
    const out: JsonObject =
      row.row === "trigger"
        ? { condition: this.condition(row.condition) }
        : row.row === "step"
          ? { day: decimal(row.day), action: this.value(row.action) }
          : { band: this.value(row.band), [row.row === "tier" ? "price" : "rate"]: this.value(row.price) };
    if (this.locationsFrom !== undefined) out["location"] = this.location(uri, row.node.range.start);
    return out;
  }

  reference(reference: ReferenceValue): string {
    if (!reference.byRole) return reference.name;
    return this.roles.get(reference.name) ?? reference.name;
  }

  value(v: Value): Json {
    switch (v.kind) {
      case "text":
        return v.value;
      case "date":
        return v.iso;
      case "bool":
        return v.value;
      case "number":
        return decimal(v.value);
      case "percent":
        return { percent: decimal(v.value) };
      case "duration":
        return { amount: decimal(v.amount), unit: v.unit };
      case "perpetual":
        return { perpetual: true };
      case "money":
        return { amount: v.amount.toFixed(currencyInfo(v.currency)?.digits ?? 2), currency: v.currency };
      case "quantity":
        return { amount: decimal(v.amount), unit: v.unit };
      case "code":
        return v.code;
      case "territory":
        return v.worldwide ? "worldwide" : v.countries.map((c) => c.code);
      case "unit":
      case "enum":
        return v.kind === "unit" ? v.unit : v.value;
      case "reference":
        return this.reference(v);
      case "list":
        return v.items.map((item) => this.value(item));
      case "comparison":
        return { operator: v.operator, value: this.measure(v.operand) };
      case "share":
        return { percent: decimal(v.percent), of: v.base };
      case "step":
        return { amount: this.measure(v.amount), direction: v.direction };
      case "condition":
        return this.condition(v.condition);
      case "cause":
        return { condition: this.condition(v.condition), ...(v.cure ? { cure: this.value(v.cure) } : {}) };
      case "convenience":
        return {
          party: this.reference(v.party),
          notice: this.value(v.notice),
          ...(v.fee ? { fee: this.value(v.fee) } : {}),
          ...(v.declining ? { declining: { percent: decimal(v.declining.percent.value), per: v.declining.per } } : {}),
        };
      case "action":
        return {
          verb: v.verb,
          object: [...v.object],
          ...(v.party ? { party: this.reference(v.party) } : {}),
          ...(v.within ? { within: this.value(v.within) } : {}),
          ...(v.for ? { for: this.value(v.for) } : {}),
        };
      case "rounding":
        return { mode: v.mode, decimals: v.decimals };
      case "every":
        return this.value(v.interval);
      case "payment":
        return { amount: this.value(v.amount), to: this.reference(v.to) };
      case "rate":
        return { amount: this.value(v.amount), per: v.per };
      case "credit":
        return { credit: this.value(v.rate), expires: this.value(v.expires) };
      case "allocation":
        return v.byFault
          ? { by_fault: true }
          : { shares: v.shares.map((s) => ({ party: this.reference(s.party), percent: decimal(s.percent.value) })) };
      case "range":
        return { from: decimal(v.low), ...(v.high ? { to: decimal(v.high) } : {}) };
    }
  }

  private measure(v: MeasureValue): Json {
    return v.kind === "number" ? { number: decimal(v.value) } : this.value(v);
  }

  condition(c: Condition): Json {
    switch (c.form) {
      case "all":
      case "any":
        return { [c.form]: c.operands.map((o) => this.condition(o)) };
      case "not":
        return { not: this.condition(c.operand) };
      case "threshold":
        return { event: this.reference(c.event), operator: c.operator, value: this.measure(c.amount) };
      case "breach":
        return { breach: this.reference(c.target), ...(c.periods !== undefined ? { periods: c.periods, consecutive: c.consecutive } : {}) };
      case "insolvency":
      case "change_of_control":
        return { [c.form]: this.reference(c.party) };
      case "lasting":
        return { lasting: this.reference(c.target), duration: this.value(c.duration) };
      case "missed":
        return { missed: this.reference(c.target) };
      case "text":
        return { text: c.text };
    }
  }
}
