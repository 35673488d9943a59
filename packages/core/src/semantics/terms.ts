import type { DeclarationModel, ReferenceSite } from "./model.js";

/** What the selection of a contract's terms reads: the checked declarations and the references between them. */
export interface TermsInput {
  readonly rootUri: string;
  readonly declarations: readonly DeclarationModel[];
  readonly references: readonly ReferenceSite[];
}

/**
 * The declarations that make up a contract's terms: every declaration of the root file, and the
 * declarations of imported clause libraries that the terms use (directly or through another used
 * declaration). An unused library event or ladder is not part of the contract: it appears in neither
 * the prose nor the JSON, and the rules that weigh a declaration against the contract (its term, its
 * renewal notice, its currency, its value) do not weigh it. Order: the root file's declarations as
 * written, then the used imported ones in import order.
 */
export function contractTerms(checked: TermsInput): readonly DeclarationModel[] {
  const topLevel = checked.declarations;
  const byUri = new Map<string, DeclarationModel[]>();
  for (const declaration of topLevel) {
    const list = byUri.get(declaration.uri) ?? [];
    list.push(declaration);
    byUri.set(declaration.uri, list);
  }
  /** The top-level declaration whose text contains `offset` in file `uri` (a file's declarations are in text order). */
  const enclosing = (uri: string, offset: number): DeclarationModel | undefined => {
    const list = byUri.get(uri);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const range = list[mid]!.node.range;
      if (offset < range.start.offset) high = mid - 1;
      else if (offset >= range.end.offset) low = mid + 1;
      else return list[mid];
    }
    return undefined;
  };

  const uses = new Map<DeclarationModel, Set<DeclarationModel>>();
  const partiesByRole = new Map<string, DeclarationModel[]>();
  for (const declaration of topLevel) {
    if (declaration.kind !== "party") continue;
    const role = declaration.fields.get("role");
    if (role?.kind === "enum") partiesByRole.set(role.value, [...(partiesByRole.get(role.value) ?? []), declaration]);
  }
  for (const site of checked.references) {
    const user = enclosing(site.uri, site.range.start.offset);
    if (!user) continue;
    const targets = site.target
      ? [enclosing(site.target.uri, site.target.declaration.range.start.offset)]
      : site.role
        ? (partiesByRole.get(site.role) ?? [])
        : [];
    for (const target of targets) {
      if (!target || target === user) continue;
      const set = uses.get(user) ?? new Set();
      set.add(target);
      uses.set(user, set);
    }
  }

  const included = new Set<DeclarationModel>();
  const queue = topLevel.filter((d) => d.uri === checked.rootUri);
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (included.has(next)) continue;
    included.add(next);
    for (const used of uses.get(next) ?? []) queue.push(used);
  }
  const root = topLevel.filter((d) => d.uri === checked.rootUri);
  return [...root, ...topLevel.filter((d) => d.uri !== checked.rootUri && included.has(d))];
}
