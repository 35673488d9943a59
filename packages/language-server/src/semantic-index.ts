import type { CheckedDocument, Declaration, DeclarationModel, ReferenceSite, SymbolInfo } from "@covenant/core";
import { lastStartingBefore } from "./positions.js";

/**
 * Lookups over one checked document, built once per check (the workspace hands out the same
 * CheckedDocument until a file of it changes) and in linear time: declarations by syntax node,
 * reference sites by file in source order, and uses of each symbol.
 */
export interface SemanticIndex {
  modelOf(node: Declaration): DeclarationModel | undefined;
  /** The reference site of `path` whose range holds `offset`. */
  referenceAt(path: string, offset: number): ReferenceSite | undefined;
  /** Every site that resolved to the symbol. */
  usesOf(symbol: SymbolInfo): readonly ReferenceSite[];
  /** Every site that named a party by `role`. */
  roleUses(role: string): readonly ReferenceSite[];
  /** The parties whose `role` field is `role`. */
  partiesWithRole(role: string): readonly DeclarationModel[];
  /** The symbol declared with its name at `offset` in `path`. */
  symbolNamedAt(path: string, offset: number): SymbolInfo | undefined;
}

const indexes = new WeakMap<CheckedDocument, SemanticIndex>();

export function semanticIndex(checked: CheckedDocument): SemanticIndex {
  let index = indexes.get(checked);
  if (!index) {
    index = buildIndex(checked);
    indexes.set(checked, index);
  }
  return index;
}

const symbolKey = (symbol: SymbolInfo): string => `${symbol.uri}\u0000${symbol.nameRange.start.offset}`;

function buildIndex(checked: CheckedDocument): SemanticIndex {
  const models = new Map<Declaration, DeclarationModel>();
  const visit = (model: DeclarationModel): void => {
    models.set(model.node, model);
    for (const block of model.blocks) visit(block);
  };
  for (const model of checked.declarations) visit(model);

  const sitesByFile = new Map<string, ReferenceSite[]>();
  const uses = new Map<string, ReferenceSite[]>();
  const roles = new Map<string, ReferenceSite[]>();
  for (const site of checked.references) {
    let list = sitesByFile.get(site.uri);
    if (!list) sitesByFile.set(site.uri, (list = []));
    list.push(site);
    if (site.target) {
      const key = symbolKey(site.target);
      let targetList = uses.get(key);
      if (!targetList) uses.set(key, (targetList = []));
      targetList.push(site);
    }
    if (site.role) {
      let roleList = roles.get(site.role);
      if (!roleList) roles.set(site.role, (roleList = []));
      roleList.push(site);
    }
  }
  // The checker records sites in reading order, which is source order within a declaration; sort once to be sure.
  for (const list of sitesByFile.values()) list.sort((a, b) => a.range.start.offset - b.range.start.offset);

  const symbolsByFile = new Map<string, SymbolInfo[]>();
  for (const symbol of checked.symbols.values()) {
    let list = symbolsByFile.get(symbol.uri);
    if (!list) symbolsByFile.set(symbol.uri, (list = []));
    list.push(symbol);
  }
  for (const list of symbolsByFile.values()) list.sort((a, b) => a.nameRange.start.offset - b.nameRange.start.offset);

  const partyRoles = new Map<string, DeclarationModel[]>();
  for (const model of checked.declarations) {
    if (model.kind !== "party") continue;
    const role = model.fields.get("role");
    if (role?.kind !== "enum") continue;
    let list = partyRoles.get(role.value);
    if (!list) partyRoles.set(role.value, (list = []));
    list.push(model);
  }

  return {
    modelOf: (node) => models.get(node),
    referenceAt(path, offset) {
      const site = lastStartingBefore(sitesByFile.get(path) ?? [], offset);
      return site && offset <= site.range.end.offset ? site : undefined;
    },
    usesOf: (symbol) => uses.get(symbolKey(symbol)) ?? [],
    roleUses: (role) => roles.get(role) ?? [],
    partiesWithRole: (role) => partyRoles.get(role) ?? [],
    symbolNamedAt(path, offset) {
      const list = symbolsByFile.get(path) ?? [];
      let low = 0;
      let high = list.length - 1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const symbol = list[mid]!;
        if (offset < symbol.nameRange.start.offset) high = mid - 1;
        else if (offset > symbol.nameRange.end.offset) low = mid + 1;
        else return symbol;
      }
      return undefined;
    },
  };
}
