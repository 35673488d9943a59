import type { SourceRange } from "@covenant/core";
import type { SelectionRange, SelectionRangeParams } from "vscode-languageserver";
import type { ParsedView } from "../documents.js";
import { nodePathAt, offsetAt, toLspRange } from "../positions.js";

/** Selection ranges: from the word under the cursor out through its phrase, member, blocks and declaration to the file. */
export function selectionRanges(view: ParsedView, params: SelectionRangeParams): SelectionRange[] {
  return params.positions.map((position) => {
    const path = nodePathAt(view.parsed.file, offsetAt(view.parsed.lines, position));
    let result: SelectionRange | undefined;
    let last: SourceRange | undefined;
    for (const node of path) {
      if (last && node.range.start.offset === last.start.offset && node.range.end.offset === last.end.offset) continue;
      result = { range: toLspRange(node.range), ...(result ? { parent: result } : {}) };
      last = node.range;
    }
    return result ?? { range: { start: position, end: position } };
  });
}
