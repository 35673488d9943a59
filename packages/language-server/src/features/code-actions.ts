import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from "vscode-languageserver";
import type { CheckedView, DocumentStore } from "../documents.js";
import { rangesTouch, toLspRange } from "../positions.js";
import { toLspDiagnostic } from "./diagnostics.js";

/** Quick fixes: one code action per fix the checker attached to a diagnostic in the requested range. */
export function codeActions(view: CheckedView, store: DocumentStore, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (
    only &&
    !only.some(
      (kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty,
    )
  )
    return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of view.checked.diagnostics) {
    if (diagnostic.uri !== view.path || !diagnostic.fixes?.length) continue;
    if (!rangesTouch(toLspRange(diagnostic.range), params.range)) continue;
    const shown = toLspDiagnostic(diagnostic, (path) => store.uriOf(path));
    for (const fix of diagnostic.fixes) {
      const changes: Record<string, TextEdit[]> = {};
      for (const edit of fix.edits) (changes[store.uriOf(edit.uri)] ??= []).push({ range: toLspRange(edit.range), newText: edit.newText });
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [shown],
        edit: { changes },
        ...(diagnostic.fixes.length === 1 ? { isPreferred: true } : {}),
      });
    }
  }
  return actions;
}
