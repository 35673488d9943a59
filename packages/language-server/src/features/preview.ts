import { compile, buildDocument, proseDocument, renderMarkdown, wordingFor, type Clause, type Document } from "@covenant/compiler";
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
  const why = whyNoProse(view.checked, "Preview", "see the prose");
  if (why !== undefined) return { uri: view.uri, format, ok: false, text: "", message: why };
  return { uri: view.uri, format, ok: true, text: compile(view.checked, { to: format }) };
}

/** Why a document has no prose (no contract header, or errors), as a sentence for the user; undefined when it has. */
function whyNoProse(checked: CheckedDocument, verb: string, toDo: string): string | undefined {
  if (!checked.contract)
    return `This file has no contract header: a clause library has no prose of its own. ${verb} the contract that imports it.`;
  const errors = checked.diagnostics.filter((d) => d.severity === "error").length;
  if (errors > 0) return `The contract has ${errors} error${errors === 1 ? "" : "s"}; fix ${errors === 1 ? "it" : "them"} to ${toDo}.`;
  return undefined;
}

/**
 * The `covenant.exportDocx` command: the contract as a Word document, the same bytes as
 * `covenant build --to docx`. The server writes no file: it answers the document (base64) and the
 * file name it suggests, and the client saves it where the user chooses.
 */
export const exportDocxCommand = "covenant.exportDocx";

export interface DocxExport {
  readonly uri: string;
  /** True when `data` holds the document; false when the contract cannot be compiled yet. */
  readonly ok: boolean;
  /** The .docx file, base64-encoded (JSON-RPC carries text). */
  readonly data?: string;
  /** `NAME.docx` for a contract in `NAME.contract`. */
  readonly fileName?: string;
  /** Why there is no document (errors, or no contract header). */
  readonly message?: string;
}

/** Compiles the checked document to a Word document on the paper given (default A4). */
export async function exportDocx(view: CheckedView, paper: "a4" | "letter" = "a4"): Promise<DocxExport> {
  const why = whyNoProse(view.checked, "Export", "export it");
  if (why !== undefined) return { uri: view.uri, ok: false, message: why };
  // The docx library is large; it loads with the first export, not with the server.
  const { renderDocx } = await import("@covenant/compiler/docx");
  const bytes = await renderDocx(proseDocument(view.checked), { paper });
  return { uri: view.uri, ok: true, data: Buffer.from(bytes).toString("base64"), fileName: `${stemOf(view.uri)}.docx` };
}

/** `supply-agreement` for `file:///work/supply-agreement.contract`; a name that is not valid percent-encoding is kept as written. */
function stemOf(uri: string): string {
  const name = (uri.split(/[/?#]/).filter(Boolean).pop() ?? "contract").replace(/\.contract$/, "");
  try {
    return decodeURIComponent(name) || "contract";
  } catch {
    return name;
  }
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
