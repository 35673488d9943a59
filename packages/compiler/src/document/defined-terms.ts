import type { Inline } from "./model.js";
import { runs, term } from "./phrase.js";

/**
 * Capitalising defined terms in the author's own text (`means:`, `must:`, `deliverable:`, ...):
 * "called off by the buyer" becomes "called off by the Buyer" when "Buyer" is a defined term.
 * Only a term written after a determiner ("the", "this", "each", "either", "any", "a") is taken
 * as a use of the term, so ordinary words that happen to match ("a term of years") are left alone.
 */

const patterns = new WeakMap<ReadonlyMap<string, string>, RegExp | null>();

function patternFor(terms: ReadonlyMap<string, string>): RegExp | null {
  let pattern = patterns.get(terms);
  if (pattern === undefined) {
    const names = [...terms.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
    pattern = names.length === 0 ? null : new RegExp(`\\b(the|this|each|either|any|a)(\\s+)(${escaped.join("|")})(?![\\w-])`, "gi");
    patterns.set(terms, pattern);
  }
  return pattern;
}

/** Splits `text` into runs, turning uses of the terms (keyed by lower case) into term runs. */
export function capitaliseTerms(text: string, terms: ReadonlyMap<string, string>): Inline[] {
  const pattern = patternFor(terms);
  if (!pattern) return runs(text);
  const parts: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const name = terms.get(match[3]!.toLowerCase().replace(/\s+/g, " "));
    if (!name) continue;
    const start = match.index! + match[1]!.length + match[2]!.length;
    parts.push(...runs(text.slice(last, start)), term(name));
    last = start + match[3]!.length;
  }
  parts.push(...runs(text.slice(last)));
  return runs(parts);
}
