import currencyCodes from "currency-codes";
import countries from "i18n-iso-countries/index.js";
import english from "i18n-iso-countries/langs/en.json" with { type: "json" };

// The package's default entry loads every locale; Covenant needs English names only.
countries.registerLocale(english);

/**
 * ISO 4217 currencies (with minor units) and ISO 3166-1 alpha-2 countries, from maintained packages.
 * Funds and precious metals codes (X..) without minor units are excluded: they are not contract currencies.
 */

export interface CurrencyInfo {
  readonly code: string;
  readonly digits: number;
  readonly name: string;
}

const currencies = new Map<string, CurrencyInfo>();
for (const entry of currencyCodes.data) {
  if (entry.code.startsWith("X") && entry.code !== "XOF" && entry.code !== "XAF" && entry.code !== "XPF" && entry.code !== "XCD") continue;
  currencies.set(entry.code, { code: entry.code, digits: entry.digits, name: entry.currency });
}

const countryCodes: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

/** The ISO 4217 entry for a code, if it is a currency a contract can use. */
export function currencyInfo(code: string): CurrencyInfo | undefined {
  return currencies.get(code);
}

/** All currency codes, sorted. */
export function allCurrencies(): readonly CurrencyInfo[] {
  return [...currencies.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** True for an assigned ISO 3166-1 alpha-2 code. */
export function isCountryCode(code: string): boolean {
  return countryCodes.has(code);
}

/** All alpha-2 country codes, sorted. */
export function allCountryCodes(): readonly string[] {
  return [...countryCodes].sort();
}

/** The English short name of a country (`CN` → `China`), for prose and hover. */
export function countryName(code: string): string | undefined {
  return countries.getName(code, "en", { select: "official" }) ?? undefined;
}
