import { distance } from "fastest-levenshtein";

/**
 * Words people write for an option of the language, and the option meant. A synonym is offered only
 * when its option is among the candidates, so one table serves every closed list.
 */
const synonyms: Readonly<Record<string, readonly string[]>> = {
  year: ["annually", "years"],
  yearly: ["annually"],
  annual: ["annually"],
  per_year: ["annually"],
  annum: ["annually"],
  month: ["monthly", "months"],
  per_month: ["monthly"],
  week: ["weekly", "weeks"],
  per_week: ["weekly"],
  quarter: ["quarterly"],
  semiannual: ["semi_annually"],
  semiannually: ["semi_annually"],
  biannually: ["semi_annually"],
  half_yearly: ["semi_annually"],
  halfyearly: ["semi_annually"],
  vendor: ["supplier"],
  seller: ["supplier"],
  customer: ["buyer"],
  purchaser: ["buyer"],
};

/** Letters only, lower case: `Semi-Annually` and `semi_annually` compare equal. */
const normalise = (word: string): string => word.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Drops an ending that turns a stem into an adverb, a plural or a participle (`monthly` → `month`). */
const stem = (word: string): string => word.replace(/(ly|s|es|ed|ing)$/, "");

/**
 * The candidates `word` most likely stands for, best first (at most `max`): a known synonym, the
 * same word spelled differently (case, `_`, `-`), a near typo by edit distance, then a word of the
 * same stem or that `word` begins (`month` → `monthly`, `quarter` → `quarterly`). Empty when
 * nothing is close.
 */
export function suggestions(
  word: string,
  candidates: Iterable<string>,
  extraSynonyms: Readonly<Record<string, string | readonly string[]>> = {},
  max = 3,
): string[] {
  const list = [...new Set(candidates)].filter((candidate) => candidate !== word);
  const key = normalise(word);
  const ranked: { candidate: string; rank: number }[] = [];
  const meant = [extraSynonyms[word] ?? [], synonyms[word.toLowerCase()] ?? []].flat();
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  for (const candidate of list) {
    const other = normalise(candidate);
    const synonymRank = meant.indexOf(candidate);
    let rank: number;
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (synonymRank >= 0) rank = synonymRank;
    else if (other === key) rank = 10;
    else if (d <= limit) rank = 20 + d;
    else if (key.length >= 3 && (stem(other) === stem(key) || other.startsWith(key))) rank = 50 + other.length - key.length;
    else continue;
    ranked.push({ candidate, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0))
    .slice(0, max)
    .map((r) => r.candidate);
}

/** The candidate `word` most likely stands for (see `suggestions`), if any is close enough. */
export function closest(word: string, candidates: Iterable<string>, extraSynonyms?: Readonly<Record<string, string>>): string | undefined {
  return suggestions(word, candidates, extraSynonyms, 1)[0];
}
