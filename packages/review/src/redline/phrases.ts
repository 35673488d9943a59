import { diffArrays } from "diff";
import type { Token } from "./syntax.js";

/**
 * One piece of a changed line: text both versions share, or a phrase replaced (its old words and
 * its new words; either may be empty, for a pure insertion or deletion).
 */
export type PhraseChange =
  | { readonly kind: "equal"; readonly tokens: readonly Token[] }
  | { readonly kind: "changed"; readonly deleted: readonly Token[]; readonly inserted: readonly Token[] };

/** Unchanged text this short between two changes is part of one phrase: `eight per cent (8%)`. */
const longestGlue = 2;

/**
 * Compares two lines token by token and groups the changes by phrase, as a lawyer marks a draft:
 * a run of changed words, deletions and insertions separated only by whitespace or by at most two
 * unchanged words that do not end a phrase (`,` `;` `.` `:`), becomes one deletion followed by one
 * insertion (`~~ninety (90)~~ **one hundred and twenty (120)**`, not the words interleaved).
 * Structure (tags) and inline markup (atoms) are never glue, so changes in two table cells or on
 * either side of a defined term stay apart. Taking every `equal` and `deleted` token in order gives
 * the old line; every `equal` and `inserted` token, the new one.
 */
export function phraseChanges(before: readonly Token[], after: readonly Token[]): PhraseChange[] {
  const parts = diffArrays(before as Token[], after as Token[], { comparator: (x, y) => (x.key ?? x.text) === (y.key ?? y.text) });
  const out: PhraseChange[] = [];
  let open: { deleted: Token[]; inserted: Token[] } | undefined;
  const close = (): void => {
    if (open) out.push(trimShared({ kind: "changed", ...open }, out));
    open = undefined;
  };
  for (const [i, part] of parts.entries()) {
    if (part.added || part.removed) {
      open ??= { deleted: [], inserted: [] };
      (part.added ? open.inserted : open.deleted).push(...part.value);
      continue;
    }
    const between = open !== undefined && i + 1 < parts.length;
    if (between && isGlue(part.value)) {
      open!.deleted.push(...part.value);
      open!.inserted.push(...part.value);
      continue;
    }
    close();
    out.push({ kind: "equal", tokens: part.value });
  }
  close();
  return mergeEqual(out);
}

function isGlue(tokens: readonly Token[]): boolean {
  let words = 0;
  for (const token of tokens) {
    if (token.kind === "space") continue;
    if (token.kind !== "word" || /[.,;:!?]$/.test(token.text)) return false;
    words++;
  }
  return words <= longestGlue;
}

/**
 * Whitespace both sides of a change begin or end with is shared text, not part of the change: it
 * moves out of the change, so `~~a~~ **b**` never reads with a doubled space in either version.
 */
function trimShared(change: { kind: "changed"; deleted: Token[]; inserted: Token[] }, out: PhraseChange[]): PhraseChange {
  const { deleted, inserted } = change;
  const lead: Token[] = [];
  while (deleted.length > 0 && inserted.length > 0 && deleted[0]!.kind === "space" && deleted[0]!.text === inserted[0]!.text) {
    lead.push(deleted.shift()!);
    inserted.shift();
  }
  const trail: Token[] = [];
  while (
    deleted.length > 0 &&
    inserted.length > 0 &&
    deleted[deleted.length - 1]!.kind === "space" &&
    deleted[deleted.length - 1]!.text === inserted[inserted.length - 1]!.text
  ) {
    trail.unshift(deleted.pop()!);
    inserted.pop();
  }
  if (lead.length > 0) out.push({ kind: "equal", tokens: lead });
  if (trail.length === 0) return change;
  out.push(change);
  return { kind: "equal", tokens: trail };
}

function mergeEqual(changes: readonly PhraseChange[]): PhraseChange[] {
  const out: PhraseChange[] = [];
  for (const change of changes) {
    const last = out[out.length - 1];
    if (change.kind === "equal" && last?.kind === "equal")
      out[out.length - 1] = { kind: "equal", tokens: [...last.tokens, ...change.tokens] };
    else if (change.kind === "equal" && change.tokens.length === 0) continue;
    else out.push(change);
  }
  return out;
}
