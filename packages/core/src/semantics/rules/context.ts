import type { SourceRange } from "../../syntax/position.js";
import type { DiagnosticCode } from "../../diagnostics/codes.js";
import type { FindingExtras } from "../checker.js";
import type { DeclarationModel, ReferenceSite, SymbolInfo } from "../model.js";
import type * as V from "../values.js";

/** What every rule sees: the checked declarations of one document and a place to report. */
export interface RuleContext {
  readonly declarations: readonly DeclarationModel[];
  readonly contract: DeclarationModel | undefined;
  /**
   * The declarations that are the contract's terms (`contractTerms`): the root file's and the library
   * declarations they use. A rule weighing a declaration against the contract reads these, so an
   * unused library ladder is not held to this contract's renewal notice.
   */
  readonly terms: readonly DeclarationModel[];
  readonly rootUri: string;
  readonly symbols: ReadonlyMap<string, SymbolInfo>;
  readonly references: readonly ReferenceSite[];
  readonly texts: ReadonlyMap<string, string>;
  report(uri: string, code: DiagnosticCode, range: SourceRange, message: string, extras?: FindingExtras): void;
}

/** The value of a field if it read as the given kind of value. */
export function fieldOf<K extends V.Value["kind"]>(
  model: DeclarationModel,
  name: string,
  kind: K,
): Extract<V.Value, { kind: K }> | undefined {
  const value = model.fields.get(name);
  return value?.kind === kind ? (value as Extract<V.Value, { kind: K }>) : undefined;
}

/**
 * Whether a field is written in the declaration at all, read or not. A rule that reports a field as
 * missing asks this, not whether the field read: a value already reported as wrong (`rounding: half_up
 * to -1 decimals`) is not also "nothing says how it is rounded".
 */
export function isWritten(model: DeclarationModel, name: string): boolean {
  return (
    model.fields.has(name) ||
    model.repeated.has(name) ||
    model.unread.has(name) ||
    model.node.members.some((m) => m.type === "Field" && m.name.text === name)
  );
}

/** The nested blocks of a declaration with the given keyword. */
export function blocksOf(model: DeclarationModel, keyword: string): DeclarationModel[] {
  return model.blocks.filter((b) => b.kind === keyword);
}

const indexes = new WeakMap<readonly DeclarationModel[], Map<string, DeclarationModel>>();

/** The declaration a reference names, if it resolved to one of the document's declarations. */
export function declarationOf(context: RuleContext, reference: V.ReferenceValue | undefined): DeclarationModel | undefined {
  if (!reference || reference.byRole) return undefined;
  let index = indexes.get(context.declarations);
  if (!index) {
    index = new Map();
    const add = (models: readonly DeclarationModel[]): void => {
      for (const model of models) {
        if (model.name && !index!.has(model.name)) index!.set(model.name, model);
        add(model.blocks);
      }
    };
    add(context.declarations);
    indexes.set(context.declarations, index);
  }
  return index.get(reference.name);
}

/** Calls `visit` for a value and every value inside it. */
export function forEachValue(value: V.Value, visit: (value: V.Value) => void): void {
  visit(value);
  switch (value.kind) {
    case "list":
      value.items.forEach((item) => forEachValue(item, visit));
      break;
    case "comparison":
      forEachValue(value.operand, visit);
      break;
    case "step":
      forEachValue(value.amount, visit);
      break;
    case "convenience":
      forEachValue(value.party, visit);
      forEachValue(value.notice, visit);
      if (value.fee) forEachValue(value.fee, visit);
      break;
    case "payment":
      forEachValue(value.amount, visit);
      break;
    case "rate":
      forEachValue(value.amount, visit);
      break;
    case "credit":
      forEachValue(value.rate, visit);
      break;
    case "territory":
      value.countries.forEach((c) => visit(c));
      break;
    default:
      break;
  }
}

/** Every value of a declaration and its nested blocks, rows included. */
export function allValues(model: DeclarationModel): V.Value[] {
  const values: V.Value[] = [];
  const add = (v: V.Value): void => forEachValue(v, (x) => values.push(x));
  for (const value of model.fields.values()) add(value);
  for (const list of model.repeated.values()) list.forEach(add);
  for (const row of model.rows) if (row.row === "tier" || row.row === "royalty") add(row.price);
  for (const block of model.blocks) values.push(...allValues(block));
  return values;
}
