import type { DeclarationTerms } from "./terms.js";

/** A declaration renamed between two versions: same kind, same body, different name. */
export interface Rename {
  readonly kind: string;
  readonly from: string;
  readonly to: string;
}

/**
 * Finds renames: among declarations of one kind that have no partner of the same name on the
 * other side, an old and a new one with identical bodies are one declaration renamed. Ties pair in
 * written order, so the result is the same whichever side is called old.
 */
export function findRenames(old: readonly DeclarationTerms[], next: readonly DeclarationTerms[]): Rename[] {
  const oldKeys = new Set(old.map((d) => d.key));
  const newKeys = new Set(next.map((d) => d.key));
  const unmatchedNew = next.filter((d) => d.name !== undefined && !oldKeys.has(d.key));
  const taken = new Set<DeclarationTerms>();
  const renames: Rename[] = [];
  for (const before of old) {
    if (before.name === undefined || newKeys.has(before.key)) continue;
    const after = unmatchedNew.find((d) => !taken.has(d) && d.kind === before.kind && d.body === before.body);
    if (!after || after.name === undefined) continue;
    taken.add(after);
    renames.push({ kind: before.kind, from: before.name, to: after.name });
  }
  return renames;
}

/** The name map that renames apply to the old side: references to a renamed declaration read with its new name. */
export function renameMap(renames: readonly Rename[]): (name: string) => string {
  const map = new Map(renames.map((r) => [r.from, r.to]));
  return (name) => map.get(name) ?? name;
}
