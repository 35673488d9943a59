import { resolveImport, type SourceRange, type SymbolInfo } from "@covenant/core";
import type { CheckedView } from "../documents.js";
import { importAt } from "../positions.js";
import { semanticIndex } from "../semantic-index.js";

/** What a name under the cursor stands for: a declared symbol, a party role, or an imported file. */
export type Target =
  | { readonly kind: "symbol"; readonly symbol: SymbolInfo; readonly range: SourceRange }
  | { readonly kind: "role"; readonly role: string; readonly range: SourceRange }
  | { readonly kind: "import"; readonly path: string; readonly range: SourceRange };

export function targetAt(view: CheckedView, offset: number): Target | undefined {
  const index = semanticIndex(view.checked);
  const site = index.referenceAt(view.path, offset);
  if (site?.target) return { kind: "symbol", symbol: site.target, range: site.range };
  if (site?.role) return { kind: "role", role: site.role, range: site.range };
  const named = index.symbolNamedAt(view.path, offset);
  if (named) return { kind: "symbol", symbol: named, range: named.nameRange };
  const statement = importAt(view.parsed.file, offset);
  if (statement?.path && offset >= statement.path.range.start.offset && offset <= statement.path.range.end.offset)
    return { kind: "import", path: resolveImport(view.path, statement.path.value), range: statement.path.range };
  return undefined;
}

/** The same symbol in another document's check (names are global to a document, so the name and file identify it). */
export function sameSymbol(symbol: SymbolInfo, candidate: SymbolInfo | undefined): boolean {
  return candidate !== undefined && candidate.uri === symbol.uri && candidate.nameRange.start.offset === symbol.nameRange.start.offset;
}
