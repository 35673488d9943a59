/**
 * The document model: a contract as a lawyer reads it — numbered clauses and sub-clauses, lettered
 * items, tables, defined terms and cross-references — as plain readonly data. It sits between the
 * checked semantic model and the output formats: `buildDocument` makes it, every renderer reads
 * it, and no renderer looks at the syntax tree or the semantic model.
 */

/** A run of text inside a paragraph, a list item or a table cell. */
export type Inline = TextRun | TermRun | DefinitionRun | ClauseRef;

export interface TextRun {
  readonly kind: "text";
  readonly text: string;
}

/** A use of a defined term ("the Supplier"); the article, if any, is ordinary text before it. */
export interface TermRun {
  readonly kind: "term";
  /** The term as defined ("Business Day"). */
  readonly term: string;
  /** The form used here ("Business Days"). */
  readonly text: string;
}

/** Where a term is defined: printed in quotes (and bold where the format allows), the target of its uses. */
export interface DefinitionRun {
  readonly kind: "definition";
  readonly term: string;
}

/**
 * A cross-reference to a clause or sub-clause by its stable id. `number` is empty until
 * `numberDocument` resolves it; the wording around it ("Clause") is ordinary text.
 */
export interface ClauseRef {
  readonly kind: "ref";
  readonly target: string;
  readonly number: string;
}

export type Block = Paragraph | List | Table;

export interface Paragraph {
  readonly kind: "paragraph";
  readonly runs: readonly Inline[];
}

/** Lettered items: (a), (b) at the first level, (i), (ii) inside them. */
export interface List {
  readonly kind: "list";
  readonly items: readonly ListItem[];
}

export interface ListItem {
  /** `(a)`; empty until numbered. */
  readonly label: string;
  readonly runs: readonly Inline[];
  readonly items: readonly ListItem[];
}

export interface Table {
  readonly kind: "table";
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly (readonly Inline[])[])[];
}

export interface TableColumn {
  readonly title: string;
  readonly align: "left" | "right";
}

/**
 * A clause (`5`) or sub-clause (`5.2`). A sub-clause's title is a run-in heading ("5.2 Indexation.");
 * a clause's title is its heading.
 */
export interface Clause {
  /** Stable, format-independent anchor: `pricing.airbag_price`, `definitions`, `pricing.airbag_price.indexation`. */
  readonly id: string;
  /** `5`, `5.2`; empty until numbered. */
  readonly number: string;
  readonly title: string | undefined;
  readonly blocks: readonly Block[];
  readonly clauses: readonly Clause[];
}

export interface Signatory {
  /** The party's legal name. */
  readonly name: string;
  /** The lines to fill in under the signature line. */
  readonly lines: readonly string[];
}

export interface SignatureBlock {
  readonly heading: string;
  readonly intro: readonly Inline[];
  readonly signatories: readonly Signatory[];
  readonly signatureLabel: string;
}

export interface Document {
  readonly title: string;
  /** BCP 47 language tag of the wording (`en`). */
  readonly language: string;
  /** The quotation marks that enclose a term where it is defined. */
  readonly quotes: readonly [open: string, close: string];
  /** The words that print before a page number and between it and the page count ("Page", "of"). */
  readonly pageLabel: readonly [page: string, of: string];
  /** Paragraphs before clause 1. */
  readonly preamble: readonly Block[];
  readonly clauses: readonly Clause[];
  readonly signatures: SignatureBlock | undefined;
}
