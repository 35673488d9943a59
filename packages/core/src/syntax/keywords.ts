/** The declaration kinds that may appear at the top level of a file, in the order the grammar reference lists them. */
export const topLevelKinds = [
  "contract",
  "party",
  "define",
  "product",
  "pricing",
  "kpi",
  "license",
  "event",
  "force_majeure",
  "escalation",
  "milestone",
  "obligation",
  "governance",
  "commitment",
  "warranty",
  "termination",
] as const;

export type TopLevelKind = (typeof topLevelKinds)[number];

const kindSet: ReadonlySet<string> = new Set(topLevelKinds);

/** True for a word that names a top-level declaration kind. */
export function isTopLevelKind(word: string): word is TopLevelKind {
  return kindSet.has(word);
}

/** Deepest nesting of braces, brackets and parentheses the parser accepts; deeper input gets CV104. */
export const maxNestingDepth = 64;
