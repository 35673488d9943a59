import type { Inline } from "./model.js";
import { runs, term } from "./phrase.js";

/**
 * Defined terms in the author's own text (`means:`, `must:`, `deliverable:`, ...). The author's
 * words print exactly as written: "from the effective date of that agreement" names a third
 * party's date, and capitalising it would turn it into this Agreement's Effective Date. Only a
 * term the author wrote as one — with its capitals, "the Effective Date" — is recognised, and only
 * so the Definitions clause defines it; its text is not changed.
 */

const patterns = new WeakMap<ReadonlyMap<string, string>, RegExp | null>();

function patternFor(terms: ReadonlyMap<string, string>): RegExp | null {
  let pattern = patterns.get(terms);
  if (pattern === undefined) {
    const names = [...terms.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[ \\t]+"));
    // Case-sensitive: "the effective date" is the author's ordinary words, "the Effective Date" the term.
    pattern = names.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}_-])(${escaped.join("|")})(?![\\p{L}\\p{N}_-])`, "gu");
    patterns.set(terms, pattern);
  }
  return pattern;
}

/**
 * Splits the author's `text` into runs, marking the defined terms (keyed by their exact spelling)
 * it writes with their capitals as term runs. The text of the runs joined is `text` unchanged.
 */
export function authorText(text: string, terms: ReadonlyMap<string, string>): Inline[] {
  const pattern = patternFor(terms);
  if (!pattern) return runs(text);
  const parts: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const name = terms.get(match[1]!.replace(/[ \t]+/g, " "));
    if (!name) continue;
    parts.push(...runs(text.slice(last, match.index)), term(name, match[1]!));
    last = match.index + match[1]!.length;
  }
  parts.push(...runs(text.slice(last)));
  return runs(parts);
}
