import { relativePath, resolveImport } from "@covenant/core";
import type { DocumentLink, DocumentLinkParams } from "vscode-languageserver";
import type { DocumentStore, ParsedView } from "../documents.js";
import { toLspRange } from "../positions.js";

/** Document links: each import path opens the file it names (the path inside the quotes is the link). */
export function documentLinks(view: ParsedView, store: DocumentStore, _params: DocumentLinkParams): DocumentLink[] {
  return view.parsed.file.imports.flatMap((statement) => {
    const literal = statement.path;
    if (!literal) return [];
    const target = resolveImport(view.path, literal.value);
    const range = toLspRange(literal.range);
    // Inside the quotes, when the literal is closed on its line.
    const inner =
      literal.raw.length >= 2 && literal.raw.endsWith('"')
        ? { start: { ...range.start, character: range.start.character + 1 }, end: { ...range.end, character: range.end.character - 1 } }
        : range;
    return [{ range: inner, target: store.uriOf(target), tooltip: `Open ${relativePath(view.workspace.root, target)}` }];
  });
}
