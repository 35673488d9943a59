import type { CheckedDocument, Condition, DeclarationModel, RowModel, Value } from "@covenant/core";
import { canonicalKey } from "./plain-value.js";
import { conditionText, displayStyle, pluralUnit, rangeText, sourceStyle, valueText, type TextStyle } from "./value-text.js";

/**
 * The term model: a checked document flattened into declarations, each a list of terms with a
 * stable path (`tier 10_000 .. 49_999`, `index aluminium / ceiling`, `cause breach of defects`).
 * Paths come from what a term is, never from where it is written, so reordering, reformatting and
 * comments leave the terms unchanged.
 */

export interface Term {
  /** Stable identity of the term inside its declaration. */
  readonly path: string;
  /** A looser identity that pairs a removed and an added row into one change (the second tier, a step with the same action). */
  readonly pairing: string | undefined;
  /** The schema field or row word: `price` for a tier's price, `ceiling`, `cause`, `title`. */
  readonly field: string;
  /** The nested block the term is in (`index`, `penalty`), if any. */
  readonly block: string | undefined;
  readonly label: string;
  readonly text: string;
  /** Equal for two terms exactly when they mean the same. */
  readonly key: string;
  /** The typed value (a field's value, a row, a title string). */
  readonly value: unknown;
}

export interface DeclarationTerms {
  /** `pricing airbag_price`; unnamed kinds are `governance`, `termination` (with `#2` for a second one). */
  readonly key: string;
  readonly kind: string;
  readonly name: string | undefined;
  readonly title: string | undefined;
  readonly model: DeclarationModel;
  readonly terms: readonly Term[];
  /** Everything but the name and title: equal bodies make a rename. */
  readonly body: string;
}

interface Context {
  readonly style: TextStyle;
  readonly source: TextStyle;
  readonly rename: (name: string) => string;
  /** Product name → its unit, for tier labels. */
  readonly units: ReadonlyMap<string, string>;
}

/** Flattens a checked document into terms; `rename` maps old names to new ones (from rename detection). */
export function flattenDocument(document: CheckedDocument, rename: (name: string) => string = (n) => n): DeclarationTerms[] {
  const units = new Map<string, string>();
  for (const d of document.declarations) {
    const unit = d.fields.get("unit");
    if (d.kind === "product" && d.name && unit?.kind === "unit") units.set(rename(d.name), unit.unit);
  }
  const context: Context = {
    style: { ...displayStyle, names: rename },
    source: { ...sourceStyle, names: rename },
    rename,
    units,
  };
  const seen = new Map<string, number>();
  return document.declarations.map((d) => {
    const name = d.name !== undefined ? rename(d.name) : undefined;
    const base = name !== undefined ? `${d.kind} ${name}` : d.kind;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    const terms = uniquePaths(declarationTerms(d, context, "", undefined));
    const body = terms
      .filter((t) => t.path !== "title")
      .map((t) => `${t.path}=${t.key}`)
      .sort()
      .join("\n");
    return { key: count > 1 ? `${base} #${count}` : base, kind: d.kind, name, title: d.title, model: d, terms, body };
  });
}

function declarationTerms(d: DeclarationModel, context: Context, prefix: string, block: string | undefined): Term[] {
  const { style } = context;
  const term = (path: string, field: string, label: string, text: string, value: unknown, pairing?: string): Term => ({
    path: prefix + path,
    pairing: pairing !== undefined ? prefix + pairing : undefined,
    field,
    block,
    label: labelPrefix(prefix) + label,
    text,
    key: canonicalKey(value, context.rename),
    value,
  });
  const terms: Term[] = [];
  if (d.title !== undefined) terms.push(term("title", "title", "title", JSON.stringify(d.title), d.title));
  if (d.subject) terms.push(term("for", "for", "for", valueText(d.subject, style), d.subject));
  for (const [field, value] of d.fields) terms.push(term(field, field, field, valueText(value, style), value));
  for (const [field, values] of d.repeated) {
    for (const value of values) terms.push(repeatedTerm(field, value, context, term));
  }
  let ordinal = 0;
  for (const row of d.rows) terms.push(rowTerm(row, d, ++ordinal, context, term));
  for (const nested of d.blocks) {
    const head = nested.name !== undefined ? `${nested.kind} ${context.rename(nested.name)}` : nested.kind;
    for (const item of declarationTerms(nested, context, `${prefix}${head} / `, nested.kind)) terms.push(item);
  }
  return terms;
}

type MakeTerm = (path: string, field: string, label: string, text: string, value: unknown, pairing?: string) => Term;

function repeatedTerm(field: string, value: Value, context: Context, term: MakeTerm): Term {
  const text = valueText(value, context.style);
  if (value.kind === "cause") {
    const condition = conditionText(value.condition, context.source);
    return term(`cause ${condition}`, field, "cause", text, value, `cause ${conditionShape(value.condition, context.rename)}`);
  }
  if (value.kind === "convenience") return term(`convenience ${context.rename(value.party.name)}`, field, "convenience", text, value);
  return term(`${field} ${valueText(value, context.source)}`, field, field, text, value);
}

function rowTerm(row: RowModel, d: DeclarationModel, ordinal: number, context: Context, term: MakeTerm): Term {
  const { style, source } = context;
  switch (row.row) {
    case "tier":
    case "royalty": {
      const counted = bandUnit(row.row, d, context);
      const label = `${row.row} ${rangeText(row.band, style)}${counted ? ` ${counted}` : ""}`;
      const value = { band: row.band, price: row.price };
      return term(
        `${row.row} ${rangeText(row.band, source)}`,
        row.row,
        label,
        valueText(row.price, style),
        value,
        `${row.row} #${ordinal}`,
      );
    }
    case "trigger":
      return term(
        `trigger ${conditionText(row.condition, source)}`,
        "trigger",
        "trigger",
        conditionText(row.condition, style),
        row.condition,
        `trigger on ${conditionShape(row.condition, context.rename)}`,
      );
    case "step":
      return term(
        `step day ${row.day.toString()}`,
        "step",
        `step day ${row.day.toString()}`,
        valueText(row.action, style),
        { day: row.day, action: row.action },
        `step ${valueText(row.action, source)}`,
      );
  }
}

/** What a tier band counts: the product's unit (`modules`) or a royalty's basis (`units`, `net sales`). */
function bandUnit(row: "tier" | "royalty", d: DeclarationModel, context: Context): string | undefined {
  if (row === "tier") {
    const unit = d.subject ? context.units.get(context.rename(d.subject.name)) : undefined;
    return unit ? pluralUnit(unit) : undefined;
  }
  const basis = d.fields.get("royalty_basis");
  return basis?.kind === "enum" ? basis.value.replace(/_/g, " ") : undefined;
}

/** The form and names of a condition without its amounts: pairs `breach of defects for 3 periods` with `... for 2 periods`. */
function conditionShape(condition: Condition, rename: (name: string) => string): string {
  switch (condition.form) {
    case "all":
    case "any":
      return `${condition.form}(${condition.operands.map((o) => conditionShape(o, rename)).join(",")})`;
    case "not":
      return `not(${conditionShape(condition.operand, rename)})`;
    case "threshold":
      return `${rename(condition.event.name)}`;
    case "breach":
    case "lasting":
    case "missed":
      return `${condition.form} ${rename(condition.target.name)}`;
    case "insolvency":
    case "change_of_control":
      return `${condition.form} ${rename(condition.party.name)}`;
    case "text":
      return "text";
  }
}

function labelPrefix(prefix: string): string {
  return prefix.replace(/ \/ /g, " ");
}

/** A path written twice in one declaration (two identical causes) gets `#2`, so every path is unique. */
function uniquePaths(terms: Term[]): Term[] {
  const seen = new Map<string, number>();
  return terms.map((t) => {
    const count = (seen.get(t.path) ?? 0) + 1;
    seen.set(t.path, count);
    return count > 1 ? { ...t, path: `${t.path} #${count}` } : t;
  });
}
