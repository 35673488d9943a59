import type { SourceRange } from "../syntax/position.js";

export type Severity = "error" | "warning" | "info";

/** Another place that takes part in a finding (the first declaration of a duplicate, say). */
export interface RelatedLocation {
  readonly uri: string;
  readonly range: SourceRange;
  readonly message: string;
}

/** One text replacement; a fix is a list of them, applied together. */
export interface TextEdit {
  readonly uri: string;
  readonly range: SourceRange;
  readonly newText: string;
}

/** An obvious repair for a finding, as data: the CLI prints its title, the language server offers it as a code action. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** A finding of the parser or checker. Diagnostics are values; nothing in the core throws for bad input. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly uri: string;
  readonly range: SourceRange;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
  /** Marks findings an editor shows faded (an unused declaration). */
  readonly unnecessary?: boolean;
}

/** Orders diagnostics by file, then position, then code, so every surface prints them the same way. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  if (a.range.start.offset !== b.range.start.offset) return a.range.start.offset - b.range.start.offset;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
