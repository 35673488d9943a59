import { DocumentHighlightKind, type DocumentHighlight, type DocumentHighlightParams } from "vscode-languageserver";
import type { CheckedView } from "../documents.js";
import { offsetAt, toLspRange } from "../positions.js";
import { semanticIndex } from "../semantic-index.js";
import { targetAt, usesByName } from "./targets.js";

/** Document highlight: the declaration of the name under the cursor (written) and its uses by name in this file (read). */
export function highlight(view: CheckedView, params: DocumentHighlightParams): DocumentHighlight[] | null {
  const target = targetAt(view, offsetAt(view.parsed.lines, params.position));
  if (!target || target.kind === "import") return null;
  const index = semanticIndex(view.checked);
  const here = (uri: string): boolean => uri === view.path;
  if (target.kind === "role")
    return index
      .roleUses(target.role)
      .filter((s) => here(s.uri))
      .map((s) => ({ range: toLspRange(s.range), kind: DocumentHighlightKind.Read }));
  const highlights: DocumentHighlight[] = [];
  if (here(target.symbol.uri)) highlights.push({ range: toLspRange(target.symbol.nameRange), kind: DocumentHighlightKind.Write });
  for (const site of usesByName(index.usesOf(target.symbol), target.symbol))
    if (here(site.uri)) highlights.push({ range: toLspRange(site.range), kind: DocumentHighlightKind.Read });
  return highlights;
}
