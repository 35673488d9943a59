import { formatEdits } from "prettier-plugin-covenant";
import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from "vscode-languageserver";
import type { ParsedView } from "../documents.js";

/**
 * Formatting through the Prettier plugin's printer, so the editor, the CLI and `prettier --write`
 * produce the same canonical layout. The editor's tab settings are not passed on: Covenant has one
 * layout. A document with syntax errors is left as it is (its diagnostics say why).
 */
export function formatting(view: ParsedView, _params: DocumentFormattingParams): Promise<TextEdit[]> {
  return formatEdits(view.parsed.text, undefined, { filepath: view.path }) as Promise<TextEdit[]>;
}

/** Range formatting: the top-level items the range touches are rewritten, the rest is left alone. */
export function rangeFormatting(view: ParsedView, params: DocumentRangeFormattingParams): Promise<TextEdit[]> {
  return formatEdits(view.parsed.text, params.range, { filepath: view.path }) as Promise<TextEdit[]>;
}
