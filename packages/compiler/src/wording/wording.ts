import { en } from "./en.js";

/**
 * The shape of a wording table. English is the reference table; a second language is a second
 * object of this type (clause titles, sentence templates, number words, units), registered below.
 */
export type Wording = typeof en;

const tables: Readonly<Record<string, Wording>> = { en };

/** The languages the compiler can write. */
export const languages: readonly string[] = Object.keys(tables);

/** The wording table for a BCP 47 language tag (`en`, `en-GB` → English); undefined if there is none. */
export function wordingFor(language: string): Wording | undefined {
  return tables[language] ?? tables[language.split("-")[0]!.toLowerCase()];
}
