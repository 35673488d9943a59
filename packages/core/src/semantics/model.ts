import type * as A from "../syntax/ast.js";
import type { SourceRange } from "../syntax/position.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ReferenceKind } from "./schema.js";
import type { ActionValue, Condition, MoneyValue, PercentValue, RangeValue, ReferenceValue, Value } from "./values.js";
import type { Decimal } from "./decimal.js";

/**
 * The checked semantic model: what a document means, as plain readonly data. The compiler, the
 * language server, diff and eval read this; none of them reads the syntax tree for meaning.
 */

export interface DeclarationModel {
  readonly kind: string;
  readonly name: string | undefined;
  readonly title: string | undefined;
  readonly subject: ReferenceValue | undefined;
  /** Doc comment text; shown in hover, never in prose. */
  readonly doc: string | undefined;
  readonly uri: string;
  readonly node: A.Declaration;
  /** Fields given once, in the order written, that read as a value of their type. */
  readonly fields: ReadonlyMap<string, Value>;
  /** Fields that may repeat (`cause:`, `convenience:`), each list in written order. */
  readonly repeated: ReadonlyMap<string, readonly Value[]>;
  readonly rows: readonly RowModel[];
  /** Nested blocks (`penalty { }`, `index aluminium "..." { }`) in written order. */
  readonly blocks: readonly DeclarationModel[];
  /**
   * Fields and row words (`tier`, `step`) written here whose value did not read (already reported).
   * A rule that needs the whole table or the field skips what depends on them, so one fault gives
   * one finding and not a second one about its absence.
   */
  readonly unread: ReadonlySet<string>;
}

/** `tier 1 .. 9_999: USD 182.00` or `royalty 1 .. 100_000: 3%`. */
export interface BandRow {
  readonly row: "tier" | "royalty";
  readonly band: RangeValue;
  readonly price: MoneyValue | PercentValue;
  readonly node: A.Row;
}

export interface TriggerRow {
  readonly row: "trigger";
  readonly condition: Condition;
  readonly node: A.Row;
}

export interface StepRow {
  readonly row: "step";
  readonly day: Decimal;
  readonly action: ActionValue;
  readonly node: A.Row;
}

export type RowModel = BandRow | TriggerRow | StepRow;

/** A named declaration that references resolve to. */
export interface SymbolInfo {
  readonly name: string;
  readonly kind: ReferenceKind;
  readonly uri: string;
  /** The range of the name in its declaration. */
  readonly nameRange: SourceRange;
  /** For a skipped declaration (CV104), a header with no members: it has no model. */
  readonly declaration: A.Declaration;
  /** Set when the declaration was skipped unread (CV104): the name binds, and the words written in it count as uses. */
  readonly skipped?: { readonly mentions: ReadonlySet<string> };
}

/** One use of a name: resolved to a symbol, to a party by role, or not at all (reported). */
export interface ReferenceSite {
  readonly uri: string;
  readonly name: string;
  readonly range: SourceRange;
  readonly expected: readonly ReferenceKind[];
  readonly target: SymbolInfo | undefined;
  /** Set when the name is a party role (`supplier` for "the party whose role is supplier"). */
  readonly role: string | undefined;
}

/** The result of checking one root document and everything it imports. */
export interface CheckedDocument {
  readonly rootUri: string;
  /** Every file of the document, imports first (depth-first), the root last. */
  readonly files: readonly A.SourceFile[];
  readonly declarations: readonly DeclarationModel[];
  /** The `contract` declaration of the root file, if any. */
  readonly contract: DeclarationModel | undefined;
  readonly symbols: ReadonlyMap<string, SymbolInfo>;
  readonly references: readonly ReferenceSite[];
  readonly diagnostics: readonly Diagnostic[];
  /** True when no diagnostic has error severity: only then may outputs be written. */
  readonly ok: boolean;
}
