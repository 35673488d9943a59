import type { CheckedDocument } from "@covenant/core";
import { classifyChange, isMaterialTerm, partyRoles, type PartyRoles } from "./classify.js";
import { findRenames, renameMap } from "./match.js";
import type { DeclarationDiff, DiffSummary, TermChange, TermDiff, TermSide } from "./model.js";
import { plainValue } from "./plain-value.js";
import { flattenDocument, type DeclarationTerms, type Term } from "./terms.js";

/**
 * Compares two checked contracts as terms. Declarations match by kind and name; a declaration
 * whose name changed but whose body did not is a rename, and the old side's references read with
 * the new name so the rename shows once. Inside a declaration, terms match by path, then removed
 * and added rows pair up by their looser identity (the second tier, a step with the same action).
 */
export function diffDocuments(old: CheckedDocument, next: CheckedDocument, names: { old: string; new: string }): TermDiff {
  const after = flattenDocument(next);
  const firstPass = flattenDocument(old);
  const renames = findRenames(firstPass, after);
  const before = renames.length > 0 ? flattenDocument(old, renameMap(renames)) : firstPass;
  const renamedTo = new Map(renames.map((r) => [r.to, r.from]));
  const parties = mergeRoles(partyRoles(old.declarations), partyRoles(next.declarations));

  const oldByKey = new Map(before.map((d) => [d.key, d]));
  const newKeys = new Set(after.map((d) => d.key));
  const declarations: DeclarationDiff[] = [];
  for (const d of after) {
    const previous = oldByKey.get(d.key);
    if (!previous) {
      declarations.push(whole("added", d));
      continue;
    }
    const changes = compareTerms(previous, d, parties);
    const oldName = d.name !== undefined ? renamedTo.get(d.name) : undefined;
    if (changes.length === 0 && oldName === undefined) continue;
    declarations.push({
      status: oldName !== undefined ? "renamed" : "changed",
      kind: d.kind,
      name: d.name,
      ...(oldName !== undefined ? { oldName } : {}),
      title: d.title,
      changes,
      material: changes.some((c) => c.material),
    });
  }
  for (const d of before) if (!newKeys.has(d.key)) declarations.push(whole("removed", d));
  return { old: names.old, new: names.new, declarations, summary: summarise(declarations) };
}

function mergeRoles(a: PartyRoles, b: PartyRoles): PartyRoles {
  return { roles: new Map([...a.roles, ...b.roles]), parties: new Map([...a.parties, ...b.parties]) };
}

function side(term: Term): TermSide {
  return { label: term.label, text: term.text, value: plainValue(term.value) };
}

/** A declaration added or removed: every term listed, material when any term is. */
function whole(status: "added" | "removed", d: DeclarationTerms): DeclarationDiff {
  const changes: TermChange[] = d.terms.map((t) => ({
    change: status,
    path: t.path,
    ...(status === "added" ? { new: side(t) } : { old: side(t) }),
    material: isMaterialTerm(d.kind, t),
  }));
  return { status, kind: d.kind, name: d.name, title: d.title, changes, material: changes.some((c) => c.material) };
}

function compareTerms(before: DeclarationTerms, after: DeclarationTerms, parties: PartyRoles): TermChange[] {
  const oldByPath = new Map(before.terms.map((t) => [t.path, t]));
  const newPaths = new Set(after.terms.map((t) => t.path));
  const removed = before.terms.filter((t) => !newPaths.has(t.path));
  const added = after.terms.filter((t) => !oldByPath.has(t.path));
  const pairs = pairRows(removed, added);
  const paired = new Set<Term>([...pairs.keys(), ...pairs.values()]);
  const pairedOld = new Map([...pairs].map(([o, n]) => [n, o]));

  const changes: TermChange[] = [];
  const change = (a: Term | undefined, b: Term | undefined): TermChange => {
    const classification = classifyChange(after.model, a, b, parties);
    const detail = a && b ? listDetail(a.value, b.value) : undefined;
    return {
      change: a && b ? "changed" : a ? "removed" : "added",
      path: (b ?? a)!.path,
      ...(a && b && a.path !== b.path ? { oldPath: a.path } : {}),
      ...(a ? { old: side(a) } : {}),
      ...(b ? { new: side(b) } : {}),
      ...(detail ? { detail } : {}),
      material: classification.material,
      ...(classification.favours ? { favours: classification.favours } : {}),
      ...(classification.reason ? { reason: classification.reason } : {}),
    };
  };
  for (const t of after.terms) {
    const previous = oldByPath.get(t.path) ?? pairedOld.get(t);
    if (previous) {
      if (previous.key !== t.key || previous.path !== t.path) changes.push(change(previous, t));
    } else changes.push(change(undefined, t));
  }
  for (const t of removed) if (!paired.has(t)) changes.push(change(t, undefined));
  return changes;
}

/** Pairs removed and added rows with the same looser identity, in written order. */
function pairRows(removed: readonly Term[], added: readonly Term[]): Map<Term, Term> {
  const pairs = new Map<Term, Term>();
  const taken = new Set<Term>();
  for (const a of removed) {
    if (a.pairing === undefined) continue;
    const b = added.find((t) => !taken.has(t) && t.pairing === a.pairing);
    if (!b) continue;
    taken.add(b);
    pairs.set(a, b);
  }
  return pairs;
}

/** `+ KR`, `− JP` for territories and lists. */
function listDetail(before: unknown, after: unknown): string | undefined {
  const items = (value: unknown): string[] | undefined => {
    const v = value as { kind?: string; worldwide?: boolean; countries?: { code: string }[]; items?: unknown[] };
    if (v?.kind === "territory") return v.worldwide ? undefined : v.countries!.map((c) => c.code);
    if (v?.kind === "list") return v.items!.map((item) => JSON.stringify(plainValue(item)));
    return undefined;
  };
  const a = items(before);
  const b = items(after);
  if (!a || !b) return undefined;
  const label = (item: string): string => {
    if (!item.startsWith("{")) return item;
    const plain = JSON.parse(item) as { value?: unknown; name?: unknown };
    return String(plain.value ?? plain.name ?? item);
  };
  const parts = [
    ...b.filter((x) => !a.includes(x)).map((x) => `+ ${label(x)}`),
    ...a.filter((x) => !b.includes(x)).map((x) => `− ${label(x)}`),
  ];
  return parts.length > 0 ? parts.join(", ") : undefined;
}

function summarise(declarations: readonly DeclarationDiff[]): DiffSummary {
  let changes = 0;
  let material = 0;
  const favours: Record<string, number> = {};
  for (const d of declarations) {
    if (d.status === "added" || d.status === "removed") {
      changes++;
      if (d.material) material++;
      continue;
    }
    if (d.status === "renamed") changes++;
    for (const c of d.changes) {
      changes++;
      if (c.material) material++;
      if (c.favours) favours[c.favours.role] = (favours[c.favours.role] ?? 0) + 1;
    }
  }
  return { changes, material, favours };
}
