import { compile, buildDocument, renderMarkdown, wordingFor, type Clause, type Document } from "@covenant/compiler";
import type { CheckedDocument, DeclarationModel } from "@covenant/core";
import type { CheckedView } from "../documents.js";

/**
 * The compiled prose of a document, for the `covenant.previewProse` command and for hover. Like
 * the CLI, a document with errors produces no prose: the preview says why instead.
 */

export const previewCommand = "covenant.previewProse";

export interface ProsePreview {
  readonly uri: string;
  readonly format: "html" | "markdown" | "text";
  /** True when `text` is the compiled prose; false when the document cannot be compiled yet. */
  readonly ok: boolean;
  readonly text: string;
  /** Why there is no prose (errors, or no contract header). */
  readonly message?: string;
}

export function previewProse(view: CheckedView, format: ProsePreview["format"] = "html"): ProsePreview {
  const checked = view.checked;
  if (!checked.contract)
    return {
      uri: view.uri,
      format,
      ok: false,
      text: "",
      message: "This file has no contract header: a clause library has no prose of its own. Preview the contract that imports it.",
    };
  const errors = checked.diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0)
    return {
      uri: view.uri,
      format,
      ok: false,
      text: "",
      message: `The contract has ${errors} error${errors === 1 ? "" : "s"}; fix ${errors === 1 ? "it" : "them"} to see the prose.`,
    };
  return { uri: view.uri, format, ok: true, text: compile(checked, { to: format }) };
}

const documents = new WeakMap<CheckedDocument, Document | null>();

/** The clause a declaration becomes, in Markdown, when the document compiles; undefined otherwise. */
export function clauseProse(checked: CheckedDocument, model: DeclarationModel): string | undefined {
  let document = documents.get(checked);
  if (document === undefined) {
    const wording = wordingFor("en");
    try {
      document = checked.ok && checked.contract && wording ? buildDocument(checked, wording) : null;
    } catch {
      // Hover is an extra view of the prose; the preview command reports a compiler failure itself.
      document = null;
    }
    documents.set(checked, document);
  }
  if (!document) return undefined;
  const ids = model.name ? [`${model.kind}.${model.name}`] : [model.kind];
  const clause = findClause(document.clauses, ids);
  if (!clause) return undefined;
  const markdown = renderMarkdown({ ...document, title: "", preamble: [], clauses: [clause], signatures: undefined });
  return markdown.replace(/^#\s*\n+/, "").trim();
}

function findClause(clauses: readonly Clause[], ids: readonly string[]): Clause | undefined {
  for (const clause of clauses) {
    if (ids.includes(clause.id)) return clause;
    const inner = findClause(clause.clauses, ids);
    if (inner) return inner;
  }
  return undefined;
}
