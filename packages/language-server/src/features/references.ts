import type { ReferenceSite, SymbolInfo } from "@covenant/core";
import type { CancellationToken, Location, ReferenceParams } from "vscode-languageserver";
import type { CheckedView, DocumentStore } from "../documents.js";
import { offsetAt, toLspRange } from "../positions.js";
import { semanticIndex } from "../semantic-index.js";
import { sameSymbol, targetAt, usesByName } from "./targets.js";

/**
 * Find references: every use of a declaration by its name, in this document and in every document
 * that imports the file it is declared in: open ones, and the workspace's other .contract files
 * (`projectFiles`), which the editor need not have opened. A role word (`supplier`) in another file is a
 * use of whichever party has that role, not of this one: asked on a role word, references lists
 * the places that name a party by that role.
 */
export function references(
  view: CheckedView,
  store: DocumentStore,
  params: ReferenceParams,
  token?: CancellationToken,
  projectFiles: readonly string[] = [],
): Location[] | null {
  const target = targetAt(view, offsetAt(view.parsed.lines, params.position));
  if (!target || target.kind === "import") return null;
  const locations: Location[] = [];
  if (target.kind === "role") {
    for (const site of semanticIndex(view.checked).roleUses(target.role))
      locations.push({ uri: store.uriOf(site.uri), range: toLspRange(site.range) });
    return locations;
  }
  const symbol = target.symbol;
  if (params.context.includeDeclaration) locations.push({ uri: store.uriOf(symbol.uri), range: toLspRange(symbol.nameRange) });
  for (const site of usesEverywhere(view, store, symbol, token, projectFiles))
    locations.push({ uri: store.uriOf(site.uri), range: toLspRange(site.range) });
  return locations;
}

/**
 * The uses of a symbol by its name across the documents that see it (open ones and `projectFiles`),
 * each place once (role-word uses left out: see isRoleWordUse).
 */
export function usesEverywhere(
  view: CheckedView,
  store: DocumentStore,
  symbol: SymbolInfo,
  token?: CancellationToken,
  projectFiles: readonly string[] = [],
): ReferenceSite[] {
  const seen = new Set<string>();
  const sites: ReferenceSite[] = [];
  const add = (list: readonly ReferenceSite[]): void => {
    for (const site of list) {
      const key = `${site.uri}\u0000${site.range.start.offset}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sites.push(site);
    }
  };
  add(usesByName(semanticIndex(view.checked).usesOf(symbol), symbol));
  for (const other of store.documentsIncluding(symbol.uri, projectFiles, symbol.name).map((v) => v.checked)) {
    if (token?.isCancellationRequested) break;
    if (other === view.checked) continue;
    const same = other.symbols.get(symbol.name);
    if (sameSymbol(symbol, same)) add(usesByName(semanticIndex(other).usesOf(same!), same!));
  }
  return sites;
}
