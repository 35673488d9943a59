/**
 * What the redline needs to know of a prose format (Markdown, HTML): how a line splits into tokens,
 * what shape a line has (so a changed line pairs with its counterpart), and how deleted and
 * inserted text is marked.
 */

export interface Token {
  readonly text: string;
  /**
   * `word` and `space` are text; an `atom` is inline markup kept whole (`**1.1**`, `<dfn>…</dfn>`)
   * and marked like text; a `tag` is structure (`|`, `## `, `<td>`) that is never marked.
   */
  readonly kind: "word" | "space" | "atom" | "tag";
  /**
   * What the token is compared by, when not its text: an HTML atom by its element and visible text,
   * so a cross-reference whose target was renamed (`href` only) is no change to a reader.
   */
  readonly key?: string;
}

export interface ProseSyntax {
  tokens(line: string): Token[];
  /** Lines of the same shape (a table row of three cells, a heading) can be compared word by word. */
  shape(line: string): string;
  /** A line whose structure closes on itself (`<p>…</p>`, a table row) can be shown deleted in place. */
  balanced(line: string): boolean;
  /** Marks deleted text (whitespace already trimmed off both ends). */
  deleted(text: readonly Token[]): string;
  inserted(text: readonly Token[]): string;
  /** How a deleted line that is not balanced on its own is shown, if at all. */
  deletedFragment(text: readonly Token[]): string | undefined;
  /**
   * Where a line stands in the document's outline, for the changed-clauses view: the title, the
   * start of a numbered clause (`## 5. Price`), of a subclause (`**5.1**`), the end of a clause's
   * container, or the end of the document's body; undefined for any other line.
   */
  outline(line: string): OutlineMark | undefined;
}

export type OutlineMark = "title" | "clause" | "subclause" | "clause-end" | "end";
