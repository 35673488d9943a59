import { partyRoles, resolveImport, type ReferenceSite, type SourceRange, type SymbolInfo } from "@covenant/core";
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

/**
 * True when `site` names the party by a role word (`supplier`) from a file other than the one that
 * declares it: a clause library saying "the party whose role is supplier", which every document
 * importing the library reads as its own party. Such a site is not a reference to this one party
 * (it resolves to it only because this document's party happens to be called by its role), so
 * rename leaves it and references do not list it. In the party's own file the word is the author's
 * use of the name.
 */
export function isRoleWordUse(site: ReferenceSite, symbol: SymbolInfo): boolean {
  return symbol.kind === "party" && site.uri !== symbol.uri && (partyRoles as readonly string[]).includes(site.name);
}

/** The uses of `symbol` that name it by its name, not by a role word (see isRoleWordUse). */
export function usesByName(sites: readonly ReferenceSite[], symbol: SymbolInfo): ReferenceSite[] {
  return sites.filter((site) => !isRoleWordUse(site, symbol));
}
