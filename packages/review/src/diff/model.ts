/**
 * The result of comparing two contracts as terms: plain readonly data that the renderers (text,
 * Markdown, JSON) and the CLI read. Formatting and comments never appear here: two documents
 * with the same terms give a diff with no declarations.
 */

/** One side of a changed term: what a reviewer reads, and the typed value as plain JSON. */
export interface TermSide {
  /** What the term is: `tier 10,000–49,999 modules`, `penalty cap`, `territory`. */
  readonly label: string;
  /** The value as a reviewer reads it: `USD 171.50`, `≤ 50 ppm`, `[CN, JP]`. */
  readonly text: string;
  /** The typed value with decimals as strings and source ranges dropped. */
  readonly value: unknown;
}

export type ChangeKind = "added" | "removed" | "changed";

/** The party a change favours, by role (`buyer`), with the party's name where the document says. */
export interface Favour {
  readonly role: string;
  readonly party: string | undefined;
}

export interface TermChange {
  readonly change: ChangeKind;
  /** Stable path of the term inside its declaration (`tier 10_000 .. 49_999`, `index aluminium / ceiling`), from the new side when there is one. */
  readonly path: string;
  /** The old path when it differs (a tier whose band moved, a step whose day moved). */
  readonly oldPath?: string;
  readonly old?: TermSide;
  readonly new?: TermSide;
  /** For lists: what was added and taken out (`+ KR`, `− JP`). */
  readonly detail?: string;
  readonly favours?: Favour;
  /** Price, caps, exclusivity, term, scope of a grant, termination rights. */
  readonly material: boolean;
  /** Why the change favours that party: `a lower price favours the buyer`. */
  readonly reason?: string;
}

export type DeclarationStatus = "added" | "removed" | "renamed" | "changed";

export interface DeclarationDiff {
  readonly status: DeclarationStatus;
  readonly kind: string;
  /** The name on the new side (the old side for a removed declaration); undefined for unnamed kinds. */
  readonly name: string | undefined;
  /** The old name of a renamed declaration. */
  readonly oldName?: string;
  readonly title: string | undefined;
  /** For `changed` and `renamed`: the terms that differ; for `added` and `removed`: every term. */
  readonly changes: readonly TermChange[];
  readonly material: boolean;
}

export interface DiffSummary {
  /** Declarations added, removed or renamed plus term changes inside changed declarations. */
  readonly changes: number;
  readonly material: number;
  /** How many changes favour each role. */
  readonly favours: Readonly<Record<string, number>>;
}

export interface TermDiff {
  readonly old: string;
  readonly new: string;
  readonly declarations: readonly DeclarationDiff[];
  readonly summary: DiffSummary;
}

/** True when the two contracts hold the same terms. */
export function isEmptyDiff(diff: TermDiff): boolean {
  return diff.declarations.length === 0;
}
