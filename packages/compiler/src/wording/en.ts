import type { ActionVerb, Decimal } from "@covenant/core";
import type { Inline } from "../document/model.js";
import { capitalise, definition, joinPhrases, p, runs, term, type Phrase } from "../document/phrase.js";
import { englishWords, groupDigits, wholeNumberWords } from "./numbers.js";

/**
 * The English wording table: every word of English the compiler prints comes from here — clause
 * titles, sentence templates, number words, units, country names. The document builder decides
 * what a clause says and in what order; this table decides how it is said. A second language is a
 * second table of the same shape (`Wording`), chosen with `compile(..., { language })`.
 *
 * Templates take phrases (text, defined terms, clause references) and return runs; they never
 * look at the semantic model.
 */

const separators = { group: ",", decimal: "." } as const;
const conjunctions = { and: "and", or: "or" } as const;

/** "ninety (90)"; figures only for fractions and numbers too long to say. */
function wordsAndFigures(value: Decimal): string {
  const plain = value.toFixed();
  const figures = groupDigits(plain, separators);
  return /^-?\d{1,9}$/.test(plain) ? `${wholeNumberWords(BigInt(plain))} (${figures})` : figures;
}

const an = (word: string): string => (/^[aeiou]/i.test(word) ? "an" : "a");

const unitNames: Readonly<Record<string, readonly [singular: string, plural: string]>> = {
  module: ["module", "modules"],
  unit: ["unit", "units"],
  piece: ["piece", "pieces"],
  set: ["set", "sets"],
  kit: ["kit", "kits"],
  kg: ["kilogram", "kilograms"],
  tonne: ["tonne", "tonnes"],
  g: ["gram", "grams"],
  lb: ["pound", "pounds"],
  litre: ["litre", "litres"],
  m: ["metre", "metres"],
  km: ["kilometre", "kilometres"],
  kwh: ["kilowatt-hour", "kilowatt-hours"],
  mwh: ["megawatt-hour", "megawatt-hours"],
  ppm: ["part per million", "parts per million"],
  level: ["level", "levels"],
  mm: ["millimetre", "millimetres"],
  cm: ["centimetre", "centimetres"],
  celsius: ["degree Celsius", "degrees Celsius"],
  tco2e: ["tonne of CO2 equivalent", "tonnes of CO2 equivalent"],
  vehicle: ["vehicle", "vehicles"],
  cell: ["cell", "cells"],
  pack: ["pack", "packs"],
  licence: ["licence", "licences"],
  seat: ["seat", "seats"],
  hours: ["hour", "hours"],
  days: ["day", "days"],
  weeks: ["week", "weeks"],
  months: ["month", "months"],
  years: ["year", "years"],
};

/** A unit's name; units the table does not know print as written (plural with an "s"). */
function unitName(unit: string, plural: boolean): string {
  const known = unitNames[unit];
  if (known) return plural ? known[1] : known[0];
  const words = unit.replace(/_/g, " ");
  return plural && !words.endsWith("s") ? `${words}s` : words;
}

/** The defined terms the wording itself introduces; the clause builders register where each is defined. */
const terms = {
  agreement: "Agreement",
  effectiveDate: "Effective Date",
  party: "Party",
  parties: "Parties",
  initialTerm: "Initial Term",
  renewalTerm: "Renewal Term",
  term: "Term",
  product: "Product",
  products: "Products",
  businessDay: "Business Day",
  contractYear: "Contract Year",
  contractCurrency: "Contract Currency",
  contractValue: "Contract Value",
} as const;
const { businessDay, contractYear } = terms;

/** `venture_partner` → "Venture Partner": the term of a party named by its role or its name. */
const titleCase = (name: string): string =>
  name
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");

type Period = "weekly" | "monthly" | "quarterly" | "semi_annually" | "annually";

const periodNouns: Readonly<Record<Period, readonly [singular: Phrase, plural: Phrase]>> = {
  weekly: ["calendar week", "calendar weeks"],
  monthly: ["calendar month", "calendar months"],
  quarterly: ["calendar quarter", "calendar quarters"],
  semi_annually: [
    ["half of a ", term(contractYear)],
    ["halves of a ", term(contractYear)],
  ],
  annually: [term(contractYear), term(contractYear, `${contractYear}s`)],
};

type Operator = ">=" | "<=" | ">" | "<" | "=";

/** Countries whose English name takes "the", and names the ISO list gives in a form contracts do not use. */
const countryOverrides: Readonly<Record<string, string>> = {
  GB: "the United Kingdom",
  KR: "the Republic of Korea",
  KP: "the Democratic People's Republic of Korea",
  TW: "Taiwan",
  NL: "the Netherlands",
  PH: "the Philippines",
  BS: "the Bahamas",
  GM: "the Gambia",
  MD: "the Republic of Moldova",
  VA: "the Holy See",
  MV: "the Maldives",
};

/** Currency names as contracts write them, where the ISO 4217 name reads oddly in a sentence ("US Dollar"). */
const currencyNames: Readonly<Record<string, string>> = {
  USD: "United States dollars",
  EUR: "euro",
  JPY: "Japanese yen",
  CNY: "Chinese yuan renminbi",
  GBP: "pounds sterling",
  CHF: "Swiss francs",
  KRW: "Korean won",
  INR: "Indian rupees",
  CAD: "Canadian dollars",
  AUD: "Australian dollars",
  SGD: "Singapore dollars",
  HKD: "Hong Kong dollars",
  THB: "Thai baht",
  MYR: "Malaysian ringgit",
  MXN: "Mexican pesos",
  BRL: "Brazilian reais",
};

const contractKinds: Readonly<Record<string, string>> = {
  supply: "supply agreement",
  preferred_supply: "preferred supplier agreement",
  joint_venture: "joint venture agreement",
  license: "licence agreement",
  co_development: "co-development agreement",
};

const roundingModes: Readonly<Record<string, { readonly adverb: string; readonly halves: string }>> = {
  half_up: { adverb: "", halves: ", halves being rounded up" },
  half_down: { adverb: "", halves: ", halves being rounded down" },
  half_even: { adverb: "", halves: ", halves being rounded to the nearest even digit" },
  up: { adverb: " up", halves: "" },
  down: { adverb: " down", halves: "" },
};

const deposits: Readonly<Record<string, string>> = {
  source_code: "the source code",
  object_code: "the object code",
  documentation: "the documentation",
  build_environment: "the build environment",
  know_how: "the written know-how",
  test_data: "the test data",
};

/**
 * What each verb of the core's action vocabulary means as a verb phrase after "shall" or "may"; the
 * object, when the verb takes one, follows it. One entry per verb (`Record<ActionVerb, …>`), so a
 * verb the checker accepts always has wording.
 */
const actionPhrases: Readonly<Record<ActionVerb, string>> = {
  notify: "give written notice",
  corrective_action: "submit and carry out a corrective action plan",
  review: "review the failure",
  step_in: "step in and perform the affected obligations itself or through a third party",
  terminate: "terminate this Agreement by written notice",
  mediation: "refer the matter to mediation",
  arbitration: "refer the matter to arbitration",
  suspend: "suspend",
  resume: "resume",
  reduce: "reduce",
  reschedule: "reschedule",
  extend: "extend",
  allocate: "allocate",
  dual_source: "qualify and use a second source of supply",
  relocate: "relocate",
  relocate_testing: "relocate testing",
  replace: "replace the affected",
  repair: "repair the affected",
  recall: "recall the affected",
  refund: "refund the",
  audit: "audit",
  inspect: "inspect",
  requalify: "requalify",
  retrain: "retrain the staff concerned",
  decarbonisation_plan: "carry out a decarbonisation plan",
};

/** Objects that read better in prose than as written (`delivery_dates` → "delivery dates"). */
const actionObjectWords = (object: readonly string[]): string => object.join(" ").replace(/_/g, " ");

/** An action's verb phrase: `suspend delivery` → "suspend delivery", `dual_source` → "qualify and use a second source of supply". */
function actionVerbPhrase(verb: string, object: readonly string[]): string {
  const known = (actionPhrases as Readonly<Record<string, string>>)[verb] ?? verb.replace(/_/g, " ");
  return object.length > 0 ? `${known} ${actionObjectWords(object)}` : known;
}

const durationUnit = (unit: string, amount: Decimal): Phrase => {
  const plural = !amount.eq(1);
  if (unit === "business_days") return term(businessDay, plural ? `${businessDay}s` : businessDay);
  return unitName(unit, plural);
};

export interface DurationArg {
  readonly amount: Decimal;
  readonly unit: string;
}

export interface QuantityArg {
  readonly amount: Decimal;
  readonly unit: string;
}

/** The parts of a measured value a comparison can hold. */
export type MeasureArg =
  | { readonly kind: "percent"; readonly value: Decimal }
  | { readonly kind: "quantity"; readonly amount: Decimal; readonly unit: string; readonly suffix?: string }
  | { readonly kind: "duration"; readonly amount: Decimal; readonly unit: string }
  | { readonly kind: "number"; readonly value: Decimal };

function measure(value: MeasureArg): Phrase {
  switch (value.kind) {
    case "percent":
      return percent(value.value);
    case "quantity":
      return [quantity(value), value.suffix ?? ""];
    case "duration":
      return duration(value);
    case "number":
      return wordsAndFigures(value.value);
  }
}

function percent(value: Decimal): string {
  const figures = `${value.toFixed()}%`;
  if (!value.isInteger()) return figures;
  const words = englishWords(value);
  return `${words} per cent (${figures})`;
}

function duration(value: DurationArg): Phrase {
  return [wordsAndFigures(value.amount), " ", durationUnit(value.unit, value.amount)];
}

function quantity(value: QuantityArg): Phrase {
  return `${wordsAndFigures(value.amount)} ${unitName(value.unit, !value.amount.eq(1))}`;
}

function money(currency: string, fixed: string): string {
  return `${currency} ${groupDigits(fixed, separators)}`;
}

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function comparison(operator: Operator, value: Phrase): Phrase {
  switch (operator) {
    case ">=":
      return ["at least ", value];
    case "<=":
      return ["no more than ", value];
    case ">":
      return ["more than ", value];
    case "<":
      return ["less than ", value];
    case "=":
      return ["exactly ", value];
  }
}

/** "seventy-two (72) hours or more" — the threshold of an event. */
function threshold(operator: Operator, value: Phrase): Phrase {
  switch (operator) {
    case ">=":
      return [value, " or more"];
    case "<=":
      return [value, " or less"];
    case ">":
      return ["more than ", value];
    case "<":
      return ["less than ", value];
    case "=":
      return ["exactly ", value];
  }
}

function levelThreshold(operator: Operator, level: Phrase): Phrase {
  switch (operator) {
    case ">=":
      return ["at level ", level, " or higher"];
    case "<=":
      return ["at level ", level, " or lower"];
    case ">":
      return ["above level ", level];
    case "<":
      return ["below level ", level];
    case "=":
      return ["at level ", level];
  }
}

/** "the Supplier" or "Brenner": how a party's term is written in a sentence. */
const partyPhrase = (name: string, article: boolean): Inline[] => runs(article ? "the " : "", term(name));

/** "Clause 5.2", "Clauses 5.2 and 5.3". */
function clauses(refs: readonly Inline[]): Inline[] {
  return refs.length === 1 ? p`Clause ${refs[0]!}` : p`Clauses ${joinPhrases(refs, "and")}`;
}

export const en = {
  language: "en",
  quotes: ['"', '"'] as [string, string],
  pageLabel: ["Page", "of"] as [string, string],
  terms,

  // ---- values ----------------------------------------------------------------------------
  values: {
    wordsAndFigures,
    percent,
    duration,
    quantity,
    money,
    measure,
    unitName,
    /** "1 April 2026". */
    date: (year: number, month: number, day: number): string => `${day} ${months[month - 1]} ${year}`,
    /** The name of a country in running text: "Japan", "the People's Republic of China". */
    country(code: string, isoName: string | undefined): string {
      const override = countryOverrides[code];
      if (override) return override;
      const name = isoName ?? code;
      const reversed =
        /^(.*), (Republic|Kingdom|State|Federation|Federated States|Islamic Republic|United Republic|Plurinational State|Bolivarian Republic) of$/.exec(
          name,
        );
      if (reversed) return `the ${reversed[2]} of ${reversed[1]}`;
      return /\b(Republic|Kingdom|Federation|Islands|States|Emirates|Union|Commonwealth)\b/.test(name) ? `the ${name}` : name;
    },
    currencyName: (code: string, isoName: string | undefined): string => {
      const name = currencyNames[code] ?? isoName;
      return name ? `${name} (${code})` : code;
    },
    /** "1 to 9,999", "50,000 or more". */
    band: (low: Decimal, high: Decimal | undefined): string =>
      high
        ? `${groupDigits(low.toFixed(), separators)} to ${groupDigits(high.toFixed(), separators)}`
        : `${groupDigits(low.toFixed(), separators)} or more`,
    plainNumber: (value: Decimal): string => groupDigits(value.toFixed(), separators),
    comparison: (operator: Operator, value: MeasureArg): Phrase => comparison(operator, measure(value)),
    period: (period: string): Phrase => periodNouns[period as Period]?.[0] ?? period.replace(/_/g, " "),
    periods: (period: string, count: Decimal): Phrase =>
      (count.eq(1) ? periodNouns[period as Period]?.[0] : periodNouns[period as Period]?.[1]) ?? period.replace(/_/g, " "),
  },

  // ---- parties and references --------------------------------------------------------------
  parties: {
    party: partyPhrase,
    /** The term of a party whose role is unique: `supplier` → "Supplier". */
    roleTerm: titleCase,
    /** The term of a party (or committee) known by its name: `soga_holdings` → "Soga Holdings". */
    nameTerm: titleCase,
    /** "either Party" with two parties, "any Party" with more. */
    eitherParty: (count: number): Inline[] => p`${count === 2 ? "either" : "any"} ${term(terms.party)}`,
    /** "the other Party" / "the other Parties". */
    otherParty: (count: number): Inline[] => (count === 2 ? p`the other ${term(terms.party)}` : p`the other ${term(terms.parties)}`),
    /** "the other Party" / "another Party": who `any party` is where a party may terminate. */
    anotherParty: (count: number): Inline[] => (count === 2 ? p`the other ${term(terms.party)}` : p`another ${term(terms.party)}`),
    /** "a Party" for `any party` in a condition. */
    aParty: (): Inline[] => p`a ${term(terms.party)}`,
    theParties: (): Inline[] => p`the ${term(terms.parties)}`,
    responsibleParty: (): Inline[] => p`the responsible ${term(terms.party)}`,
    clause: (ref: Inline): Inline[] => p`Clause ${ref}`,
    clauses,
    /** A role word used for a party whose term is its name: `venture_partner` → "venture partner". */
    role: (role: string): string => role.replace(/_/g, " "),
  },

  // ---- the front of the document -----------------------------------------------------------
  front: {
    preamble: (a: { title: string; kind: string; effective: string; parties: Inline | undefined }): Inline[] => {
      const kind = contractKinds[a.kind] ?? a.kind.replace(/_/g, " ");
      return p`This ${a.title} (this ${definition(terms.agreement)}) is ${an(kind)} ${kind}${a.parties ? p` made between the parties named in Clause ${a.parties}` : ""} with effect from ${a.effective} (the ${definition(terms.effectiveDate)}).`;
    },
    partiesTitle: "Parties",
    /** "Toyoda Gosei Co., Ltd., a company incorporated under the laws of Japan (the "Supplier")". */
    party: (a: {
      name: string;
      country: string;
      registration: string | undefined;
      address: string | undefined;
      term: string;
      article: boolean;
      role: string | undefined;
    }): Inline[] =>
      p`${a.name}, a company incorporated under the laws of ${a.country}${a.registration ? `, registered under ${a.registration}` : ""}${a.address ? `, whose registered office is at ${a.address}` : ""} (${a.article ? "the " : ""}${definition(a.term)}${a.role ? `, ${an(a.role)} ${a.role}` : ""}).`,
    eachParty: (parties: readonly Inline[][]): Inline[] =>
      parties.length === 2
        ? p`${capitalise(parties[0]!)} and ${parties[1]!} are each a ${definition(terms.party)} and together the ${definition(terms.parties)}.`
        : p`Each of ${joinPhrases(parties, "and")} is a ${definition(terms.party)}, and together they are the ${definition(terms.parties)}.`,
  },

  definitions: {
    title: "Definitions and Interpretation",
    termsTitle: "Defined terms",
    intro: (): Inline[] => p`In this Agreement, the following terms have the meanings given below.`,
    means: (name: string, meaning: Phrase, last: boolean): Inline[] => p`${definition(name)} means ${meaning}${last ? "." : ";"}`,
    elsewhere: (name: string, where: Inline[], last: boolean): Inline[] =>
      p`${definition(name)} has the meaning given in ${where}${last ? "." : ";"}`,
    introduction: (): Inline[] => p`the introduction`,
    businessDay: (): Inline[] => p`a day other than a Saturday or a Sunday`,
    event: (a: { unit: string; evidence: string | undefined }): Inline[] =>
      p`an event measured in ${a.unit}${a.evidence ? `, as evidenced by ${a.evidence}` : ""}`,
    contractYear: (): Inline[] =>
      p`each period of twelve (12) months starting on the ${term(terms.effectiveDate)} or on an anniversary of it`,
    contractCurrency: (name: string): Inline[] => p`${name}`,
    contractValue: (amount: string): Inline[] => p`${amount}`,
    interpretationTitle: "Interpretation",
    interpretation: (a: { businessDays: boolean }): Inline[][] => [
      p`a reference to a Clause is to a clause of this Agreement, and headings do not affect its interpretation`,
      p`"including" means including without limitation`,
      p`all amounts are stated in, and payable in, the ${term(terms.contractCurrency)}`,
      a.businessDays
        ? p`a period of days is a period of calendar days, unless it is stated in ${term(businessDay, `${businessDay}s`)}`
        : p`a period of days is a period of calendar days`,
    ],
    interpretationIntro: (): Inline[] => p`In this Agreement:`,
  },

  /** List punctuation: "(a) ...; (b) ...; and (c) ....". */
  listEnd: (index: number, count: number, conjunction: "and" | "or"): string =>
    index === count - 1 ? "." : index === count - 2 ? `; ${conjunctions[conjunction]}` : ";",

  // ---- term and renewal ----------------------------------------------------------------------
  term: {
    title: "Term and Renewal",
    titleWithoutRenewal: "Term",
    initial: (termLength: Phrase, renews: boolean): Inline[] =>
      renews
        ? p`This Agreement takes effect on the ${term(terms.effectiveDate)} and continues for an initial term of ${termLength} (the ${definition(terms.initialTerm)}), unless terminated earlier in accordance with its terms.`
        : p`This Agreement takes effect on the ${term(terms.effectiveDate)} and continues for ${termLength} (the ${definition(terms.term)}), unless terminated earlier in accordance with its terms, and then expires.`,
    renewal: (a: { renewal: Phrase; notice: Phrase | undefined; eitherParty: Inline[]; otherParty: Inline[] }): Inline[] =>
      p`At the end of the ${term(terms.initialTerm)} and of each ${term(terms.renewalTerm)}, this Agreement renews automatically for a further ${a.renewal} (each a ${definition(terms.renewalTerm)}), unless ${a.eitherParty} gives ${a.otherParty} written notice of non-renewal${a.notice ? p` at least ${a.notice}` : ""} before the end of the then-current term.`,
  },

  // ---- products ------------------------------------------------------------------------------
  products: {
    title: "Products and Supply",
    supply: (a: { supplier: Inline[]; buyer: Inline[]; first: boolean }): Inline[] =>
      a.first
        ? p`${capitalise(a.supplier)} shall manufacture and supply to ${a.buyer} the following products (each a ${definition(terms.product)}) on the terms of this Agreement:`
        : p`${capitalise(a.supplier)} shall manufacture and supply to ${a.buyer} the following ${term(terms.products)} on the terms of this Agreement:`,
    product: (a: { title: string; partNumber: string | undefined; unit: string }): Inline[] =>
      p`the ${a.title}${a.partNumber ? `, part number ${a.partNumber}` : ""}, counted and priced in ${unitName(a.unit, true)}`,
  },

  // ---- pricing -------------------------------------------------------------------------------
  pricing: {
    title: (product: string): string => `Price of the ${product}`,
    bandsTitle: "Price bands",
    /** The operative sentence: which band's price applies. */
    bands: (a: { product: string; unit: string; volume: Phrase }): Inline[] =>
      p`The price of the ${a.product} is the price per ${unitName(a.unit, false)} set out in the table below for the band that contains ${a.volume}.`,
    annualVolume: (a: { product: string; unit: string; buyer: Inline[] }): Inline[] =>
      p`the number of ${unitName(a.unit, true)} of the ${a.product} ordered by ${a.buyer} for delivery in the same ${term(contractYear)}`,
    definedVolume: (a: { term: string; product: string }): Inline[] => p`the ${term(a.term)} of the ${a.product}`,
    orderVolume: (a: { unit: string }): Inline[] => p`the number of ${unitName(a.unit, true)} in the purchase order`,
    cumulativeVolume: (a: { product: string; unit: string; buyer: Inline[] }): Inline[] =>
      p`the number of ${unitName(a.unit, true)} of the ${a.product} ordered by ${a.buyer} since the ${term(terms.effectiveDate)}, the ${unitName(a.unit, false)} being priced included`,
    columns: (a: { basis: string; unit: string; currency: string }) => [
      { title: "Band", align: "left" as const },
      {
        title: `${a.basis === "order_volume" ? "Order" : a.basis === "cumulative_volume" ? "Cumulative" : "Annual"} volume (${unitName(a.unit, true)})`,
        align: "left" as const,
      },
      { title: `Price per ${unitName(a.unit, false)}`, align: "right" as const },
    ],
    minimumOrder: (amount: Phrase): Inline[] => p`The minimum order is ${amount}.`,
    indexTitle: (source: string): string => `Indexation to ${source}`,
    index: (a: {
      weight: string;
      product: string;
      source: string;
      period: Phrase;
      base: Phrase;
      floor: Decimal | undefined;
      ceiling: Decimal | undefined;
    }): Inline[] => {
      const fall =
        a.floor === undefined
          ? undefined
          : a.floor.isNegative()
            ? p`fall by more than ${percent(a.floor.neg())}`
            : p`rise by less than ${percent(a.floor)}`;
      const rise =
        a.ceiling === undefined
          ? undefined
          : a.ceiling.isNegative()
            ? p`fall by less than ${percent(a.ceiling.neg())}`
            : p`rise by more than ${percent(a.ceiling)}`;
      const limits = fall && rise ? p`${fall} or ${rise}` : (fall ?? rise);
      return p`${capitalise(a.weight)} of the price of the ${a.product} is indexed to the ${a.source}. At the end of each ${a.period}, that part of the price is adjusted by the percentage change in the ${a.source} between ${a.base} and the last day of that ${a.period}${limits ? p`, provided that it may not ${limits} from its value on ${a.base}` : ""}.`;
    },
    baseDate: (date: string): Inline[] => p`${date}`,
    effectiveDate: (): Inline[] => p`the ${term(terms.effectiveDate)}`,
    roundingTitle: "Rounding",
    rounding: (a: { refs: readonly Inline[]; decimals: number; mode: string; currency: string }): Inline[] => {
      const mode = roundingModes[a.mode] ?? { adverb: ` ${a.mode.replace(/_/g, " ")}`, halves: "" };
      const places =
        a.decimals === 0
          ? `to a whole number of ${a.currency}`
          : `to ${wholeNumberWords(BigInt(a.decimals))} (${a.decimals}) decimal place${a.decimals === 1 ? "" : "s"}`;
      const subject = a.refs.length > 0 ? p`A price adjusted under ${clauses(a.refs)}` : p`A price calculated under this Clause`;
      return p`${subject} is rounded${mode.adverb} ${places}${mode.halves}.`;
    },
    renegotiationTitle: "Renegotiation",
    renegotiation: (a: { interval: Phrase; clause: Inline }): Inline[] =>
      p`The ${term(terms.parties)} shall meet to review and, where they agree, renegotiate the prices in this Clause ${a.clause} at intervals of ${a.interval}, counted from the ${term(terms.effectiveDate)}.`,
    mostFavouredTitle: "Most favoured customer",
    mostFavoured: (a: { supplier: Inline[]; buyer: Inline[]; product: string }): Inline[] =>
      p`If ${a.supplier} offers any other customer a lower price for the ${a.product}, it shall offer the same price to ${a.buyer} from the date of that offer.`,
  },

  // ---- volume commitments --------------------------------------------------------------------
  commitments: {
    title: "Volume Commitments",
    minimum: (a: { party: Inline[]; amount: Phrase; product: string; per: Phrase | undefined; period: Phrase }): Inline[] =>
      p`${capitalise(a.party)} shall order at least ${a.amount} of the ${a.product}${a.per ? p` per ${a.per}, measured over each ${a.period}` : p` in each ${a.period}`}.`,
    minimumConverted: (a: { party: Inline[]; amount: Phrase; product: string; period: Phrase; stated: Phrase }): Inline[] =>
      p`${capitalise(a.party)} shall order at least ${a.amount} of the ${a.product} in each ${a.period} (being ${a.stated}, pro rata).`,
    shortfallMoney: (a: { party: Inline[]; other: Inline[]; unit: string; period: Phrase; amount: string }): Inline[] =>
      p`For each ${unitName(a.unit, false)} by which the quantity ordered in a ${a.period} falls short of that minimum, ${a.party} shall pay ${a.other} ${a.amount}.`,
    shortfallShare: (a: { party: Inline[]; other: Inline[]; unit: string; period: Phrase; share: Phrase }): Inline[] =>
      p`For each ${unitName(a.unit, false)} by which the quantity ordered in a ${a.period} falls short of that minimum, ${a.party} shall pay ${a.other} ${a.share}.`,
    shortfallCredit: (a: {
      party: Inline[];
      other: Inline[];
      unit: string;
      period: Phrase;
      amount: string;
      product: string;
      expires: Phrase;
    }): Inline[] =>
      p`For each ${unitName(a.unit, false)} by which the quantity ordered in a ${a.period} falls short of that minimum, ${a.party} shall pay ${a.other} ${a.amount}. ${capitalise(a.party)} may set each such payment off, as a credit, against the price of the ${a.product} ordered above the minimum within ${a.expires} after the end of that ${a.period}; any credit not used within that time expires.`,
  },

  // ---- licences ------------------------------------------------------------------------------
  licences: {
    grantTitle: "Grant",
    grant: (a: {
      licensor: Inline[];
      licensee: Inline[];
      exclusive: boolean;
      title: string;
      subject: string;
      field: string | undefined;
      territory: Phrase;
    }): Inline[] =>
      p`${capitalise(a.licensor)} grants to ${a.licensee} ${a.exclusive ? "an exclusive" : "a non-exclusive"} licence (the ${definition(a.title)}) to use ${a.subject}${a.field ? `, in the field of ${a.field}` : ""}, ${a.territory}.`,
    worldwide: (): Inline[] => p`throughout the world`,
    territory: (countries: readonly string[]): Inline[] => p`in ${joinPhrases(countries, "and")}`,
    core: (a: { licensee: Inline[]; licensor: Inline[]; title: string }): Inline[] =>
      p`${capitalise(a.licensee)} acknowledges that the subject of the ${term(a.title)} is core intellectual property of ${a.licensor}.`,
    sublicensingTitle: "Sublicensing",
    sublicensing: (a: { licensee: Inline[]; title: string; allowed: boolean }): Inline[] =>
      a.allowed
        ? p`${capitalise(a.licensee)} may grant sublicences under the ${term(a.title)}.`
        : p`${capitalise(a.licensee)} may not grant sublicences under the ${term(a.title)}.`,
    termTitle: "Duration",
    term: (a: { title: string; length: Phrase | undefined; survives: boolean }): Inline[] => {
      if (!a.length)
        return a.survives
          ? p`The ${term(a.title)} takes effect on the ${term(terms.effectiveDate)}, is perpetual and survives the end of this Agreement.`
          : p`The ${term(a.title)} takes effect on the ${term(terms.effectiveDate)} and continues for as long as this Agreement continues.`;
      return a.survives
        ? p`The ${term(a.title)} takes effect on the ${term(terms.effectiveDate)} and continues for ${a.length}, even if this Agreement ends earlier.`
        : p`The ${term(a.title)} takes effect on the ${term(terms.effectiveDate)} and continues for ${a.length} or until this Agreement ends, whichever is earlier.`;
    },
    derivativesTitle: "Improvements",
    derivatives: (a: { title: string; owner: Inline[] | undefined; licensor: Inline[]; licensee: Inline[] }): Inline[] =>
      p`All improvements, modifications and derivative works of the subject of the ${term(a.title)}, whichever ${term(terms.party)} makes them, are owned ${a.owner ? p`by ${a.owner}` : p`jointly by ${a.licensor} and ${a.licensee}`}.`,
    royaltiesTitle: "Royalties",
    royalties: (a: { licensee: Inline[]; licensor: Inline[]; title: string; base: Phrase; axis: Phrase }): Inline[] =>
      p`${capitalise(a.licensee)} shall pay ${a.licensor} a royalty on ${a.base} of products made or sold under the ${term(a.title)}, at the rate set out in the table below for the band that contains ${a.axis} in the same ${term(contractYear)}.`,
    royaltyBase: (netSales: string | undefined): Inline[] => (netSales ? p`the ${term(netSales)}` : p`the net sales`),
    royaltyAxis: (basis: string, netSales: string | undefined): Inline[] =>
      basis === "units"
        ? p`the number of units sold`
        : basis === "gross_sales"
          ? p`the gross sales`
          : netSales
            ? p`the ${term(netSales)}`
            : p`the net sales`,
    royaltyColumns: (basis: string, currency: string) => [
      { title: "Band", align: "left" as const },
      {
        title:
          basis === "units"
            ? `Units sold in a ${contractYear}`
            : `${basis === "gross_sales" ? "Gross sales" : "Net sales"} in a ${contractYear} (${currency})`,
        align: "left" as const,
      },
      { title: "Royalty rate", align: "right" as const },
    ],
    escrowTitle: "Escrow",
    escrowDeposit: (a: { licensor: Inline[]; deposits: readonly string[]; title: string; agent: Inline[] | undefined }): Inline[] =>
      p`${capitalise(a.licensor)} shall deposit ${joinPhrases(
        a.deposits.map((d) => deposits[d] ?? `the ${d.replace(/_/g, " ")}`),
        "and",
      )} of the subject of the ${term(a.title)} with ${a.agent ?? "an escrow agent agreed by the Parties"}, and shall keep the deposit up to date.`,
    escrowRelease: (a: { agent: Inline[] | undefined; licensee: Inline[]; condition: Phrase }): Inline[] =>
      p`${a.agent ? capitalise(a.agent) : "The escrow agent"} shall release the deposit to ${a.licensee} if ${a.condition}.`,
  },

  // ---- obligations ---------------------------------------------------------------------------
  obligations: {
    title: "Obligations",
    must: (a: { party: Inline[]; must: Phrase; within: Phrase | undefined; by: string | undefined }): Inline[] =>
      p`${capitalise(a.party)} shall ${a.must}${a.within ? p` within ${a.within}` : ""}${a.by ? ` by ${a.by}` : ""}.`,
    evidence: (evidence: Phrase): Inline[] => p`Performance of this obligation is evidenced by ${evidence}.`,
  },

  // ---- milestones ----------------------------------------------------------------------------
  milestones: {
    title: "Milestones and Payments",
    scheduleTitle: "Schedule",
    scheduleIntro: (): Inline[] =>
      p`The milestones, their due dates and the payments due on them are set out in the table below and in the following sub-clauses.`,
    scheduleColumns: () => [
      { title: "Milestone", align: "left" as const },
      { title: "Due date", align: "left" as const },
      { title: "Payment", align: "right" as const },
      { title: "Payable to", align: "left" as const },
    ],
    noPayment: "—",
    deliver: (a: { party: Inline[] | undefined; deliverable: Phrase | undefined; title: string; due: string }): Inline[] => {
      if (!a.party) return p`The ${a.title} milestone is due to be completed by ${a.due}.`;
      return a.deliverable
        ? p`${capitalise(a.party)} shall deliver ${a.deliverable} by ${a.due}.`
        : p`${capitalise(a.party)} shall achieve ${a.title} by ${a.due}.`;
    },
    payment: (a: { payer: Inline[]; payee: Inline[]; amount: Phrase }): Inline[] =>
      p`On completion of this milestone, ${a.payer} shall pay ${a.payee} ${a.amount}.`,
    shareOfValue: (a: { share: string; base: Phrase; amount: string | undefined }): Inline[] =>
      p`${a.share} of ${a.base}${a.amount ? ` (${a.amount})` : ""}`,
    onMiss: (a: { title: string; due: string; clause: Inline; ladder: string }): Inline[] =>
      p`If this milestone is not completed by ${a.due}, the escalation procedure in Clause ${a.clause} (${a.ladder}) applies.`,
  },

  // ---- KPIs ----------------------------------------------------------------------------------
  kpis: {
    title: "Performance Standards",
    target: (a: { obligor: Inline[]; title: string; period: Phrase; target: Phrase }): Inline[] =>
      p`${capitalise(a.obligor)} shall ensure that the ${a.title}, measured over each ${a.period}, is ${a.target}.`,
    /** `capIsShare`: a cap such as "5% of the amount invoiced for that calendar month" already names its period. */
    penalty: (a: {
      obligor: Inline[];
      beneficiary: Inline[];
      title: string;
      period: Phrase;
      step: Phrase;
      direction: "below" | "above";
      rate: Phrase;
      cap: Phrase | undefined;
      capIsShare: boolean;
    }): Inline[] =>
      p`For each full ${a.step} by which the ${a.title} for a ${a.period} ${a.direction === "below" ? "falls short of" : "exceeds"} the target, ${a.obligor} shall pay ${a.beneficiary} ${a.rate}${a.cap ? p`, up to a maximum of ${a.cap}${a.capIsShare ? "" : p` for that ${a.period}`}` : ""}.`,
    bonus: (a: { obligor: Inline[]; beneficiary: Inline[]; title: string; period: Phrase; when: Phrase; rate: Phrase }): Inline[] =>
      p`If the ${a.title} for a ${a.period} is ${a.when}, ${a.beneficiary} shall pay ${a.obligor} a bonus of ${a.rate}.`,
    /** `obligor` is the party the remedy names (`by PARTY`), else the KPI's obligor; `action` carries any `for` duration. */
    remedy: (a: { obligor: Inline[]; title: string; period: Phrase; action: Phrase; within: Phrase | undefined }): Inline[] =>
      p`If the ${a.title} for a ${a.period} does not meet the target, ${a.obligor} shall ${a.action}${a.within ? p` within ${a.within} after the end of that ${a.period}` : ""}.`,
    perUnit: " per unit",
  },

  /** What a share is a percentage of: `invoice` → "the amount invoiced for that calendar month". */
  shareBase: (base: string, a: { period: Phrase | undefined; netSales: string | undefined; product: string | undefined }): Inline[] => {
    switch (base) {
      case "invoice":
        return a.period ? p`the amount invoiced for that ${a.period}` : p`the amount invoiced`;
      case "price":
        return a.product ? p`the price of the ${a.product}` : p`the price`;
      case "contract_value":
        return p`the ${term(terms.contractValue)}`;
      case "net_sales":
        return a.netSales ? p`the ${term(a.netSales)}` : p`the net sales`;
      case "milestone_payment":
        return p`the milestone payment`;
      default:
        return p`the ${base.replace(/_/g, " ")}`;
    }
  },
  share: (percentage: string, base: Phrase): Inline[] => p`${percentage} of ${base}`,

  // ---- warranties ----------------------------------------------------------------------------
  warranties: {
    title: "Warranty and Recall",
    warranty: (a: { warrantor: Inline[]; product: string; unit: string; period: Phrase }): Inline[] =>
      p`${capitalise(a.warrantor)} warrants that each ${unitName(a.unit, false)} of the ${a.product} delivered under this Agreement is free from defects in materials and workmanship for ${a.period} from its delivery (the warranty period).`,
    extendable: (limit: Phrase): Inline[] =>
      p`The ${term(terms.parties)} may agree in writing to extend the warranty period to no more than ${limit}.`,
    byFault: (product: string): Inline[] =>
      p`The costs of any recall of the ${product} are borne by the ${term(terms.parties)} in proportion to each ${term(terms.party)}'s responsibility for the defect that caused the recall.`,
    shares: (product: string, shares: readonly Inline[][]): Inline[] =>
      p`The costs of any recall of the ${product} are borne ${joinPhrases(shares, "and")}.`,
    share: (percentage: string, party: Inline[]): Inline[] => p`${percentage} by ${party}`,
  },

  // ---- governance ----------------------------------------------------------------------------
  governance: {
    title: "Governance",
    committee: (a: { title: string; members: readonly Inline[][] }): Inline[] =>
      p`The ${term(terms.parties)} shall establish a committee, the ${definition(a.title)}, made up of representatives of ${joinPhrases(a.members, "and")}.`,
    meets: (a: { title: string; period: Phrase }): Inline[] => p`The ${term(a.title)} shall meet at least once in each ${a.period}.`,
    decides: (title: string): Inline[] => p`The ${term(title)} decides:`,
  },

  // ---- escalation ----------------------------------------------------------------------------
  escalation: {
    title: "Escalation",
    intro: (title: string): Inline[] =>
      p`Where this Agreement applies the ${title}, the ${term(terms.parties)} shall take the steps in the table below. Day 0 is the day on which the failure occurs; each later step is taken on the day stated if the failure has not been remedied by then.`,
    columns: () => [
      { title: "Day", align: "right" as const },
      { title: "Step", align: "left" as const },
    ],
    /**
     * Each step is a sentence without its full stop, so that `step` can add what the action holds
     * beyond its verb (`for`, `within`) before the stop.
     */
    notify: (a: { notifier: Inline[]; party: Inline[] }): Inline[] =>
      p`${capitalise(a.notifier)} shall notify ${a.party} of the failure in writing`,
    correctiveAction: (party: Inline[]): Inline[] => p`${capitalise(party)} shall submit and carry out a corrective action plan`,
    review: (reviewer: Inline[]): Inline[] => p`${capitalise(reviewer)} shall review the failure and decide the measures to be taken`,
    stepIn: (party: Inline[]): Inline[] =>
      p`${capitalise(party)} may step in and perform the affected obligations itself or through a third party`,
    terminate: (party: Inline[], other: Inline[]): Inline[] =>
      p`${capitalise(party)} may terminate this Agreement by written notice to ${other}`,
    mediation: (party: Inline[]): Inline[] => p`${capitalise(party)} may refer the matter to mediation`,
    arbitration: (party: Inline[]): Inline[] => p`${capitalise(party)} may refer the matter to arbitration`,
    other: (party: Inline[], verb: string, object: readonly string[]): Inline[] =>
      p`${capitalise(party)} shall ${actionVerbPhrase(verb, object)}`,
    /**
     * A step's sentence with the durations its action holds: `for` how long the step lasts, `within`
     * the time from the day in the table by which it is taken.
     */
    step: (a: { sentence: Inline[]; for: Phrase | undefined; within: Phrase | undefined }): Inline[] =>
      p`${a.sentence}${a.for ? p` for a period of ${a.for}` : ""}${a.within ? p` within ${a.within} after that day` : ""}.`,
  },

  // ---- force majeure -------------------------------------------------------------------------
  forceMajeure: {
    title: "Force Majeure",
    eventTerm: (title: string | undefined): string =>
      title ? (/\bevent$/i.test(title) ? title : `${title} Event`) : "Force Majeure Event",
    eventsTitle: "Measured events",
    eventsIntro: (): Inline[] =>
      p`Each of the following events is measured in the unit stated and is established only by the evidence stated for it:`,
    event: (a: { title: string; unit: string; evidence: string | undefined }): Inline[] =>
      p`${an(a.title)} ${definition(a.title)}, measured ${a.unit === "level" ? "by level" : `in ${unitName(a.unit, true)}`}${a.evidence ? `, as evidenced by ${a.evidence}` : ""}`,
    triggersTitle: (term: string): string => term,
    triggersIntro: (a: { term: string; events: Inline | undefined }): Inline[] =>
      a.events
        ? p`${capitalise(an(a.term))} ${definition(a.term)} occurs if any of the following is established by the evidence set out in Clause ${a.events}:`
        : p`${capitalise(an(a.term))} ${definition(a.term)} occurs if any of the following happens:`,
    singleTrigger: (a: { term: string; events: Inline | undefined; condition: Phrase }): Inline[] =>
      p`${capitalise(an(a.term))} ${definition(a.term)} occurs if ${a.condition}${a.events ? p`, as established by the evidence set out in Clause ${a.events}` : ""}.`,
    reliefTitle: "Relief",
    /** `party`: the one party the relief is for (`by PARTY`); without it, whichever party the event affects. */
    relief: (a: { term: string; party: Inline[] | undefined; action: Phrase; within: Phrase | undefined }): Inline[] => {
      const who = a.party ?? p`the ${term(terms.party)} affected by it`;
      return a.within
        ? p`Within ${a.within} after ${an(a.term)} ${term(a.term)} begins, ${who} may ${a.action}.`
        : p`While ${an(a.term)} ${term(a.term)} continues, ${who} may ${a.action}.`;
    },
    contingencyTitle: "Contingency",
    /** `party`: the one party bound (`by PARTY`); without it, whichever party the event affects. */
    contingency: (a: { term: string; party: Inline[] | undefined; action: Phrase; within: Phrase | undefined }): Inline[] => {
      const who = a.party ?? p`the affected ${term(terms.party)}`;
      return a.within
        ? p`Within ${a.within} after ${an(a.term)} ${term(a.term)} begins, ${who} shall ${a.action}.`
        : p`While ${an(a.term)} ${term(a.term)} continues, ${who} shall ${a.action}.`;
    },
    terminationTitle: "Prolonged force majeure",
    termination: (a: { term: string; after: Phrase; eitherParty: Inline[]; otherParty: Inline[] }): Inline[] =>
      p`If ${an(a.term)} ${term(a.term)} continues for ${a.after} or more, ${a.eitherParty} may terminate this Agreement by written notice to ${a.otherParty}.`,
  },

  /**
   * An action's verb phrase with how long it lasts. A permission (`may`) is a limit: `suspend delivery
   * for 60 days` → "suspend delivery for up to sixty (60) days"; a duty (`shall`) is the time itself:
   * "carry out a decarbonisation plan for a period of three (3) months". `extend` takes the time as
   * its measure: "extend milestones by (up to) ninety (90) days".
   */
  action: (a: { verb: string; object: readonly string[]; for: Phrase | undefined; permission: boolean }): Inline[] => {
    const base = actionVerbPhrase(a.verb, a.object);
    if (!a.for) return p`${base}`;
    if (a.verb === "extend") return a.permission ? p`${base} by up to ${a.for}` : p`${base} by ${a.for}`;
    return a.permission ? p`${base} for up to ${a.for}` : p`${base} for a period of ${a.for}`;
  },
  actionPhrase: actionVerbPhrase,

  // ---- conditions ----------------------------------------------------------------------------
  conditions: {
    /** Each condition form, stated or (`negated`) denied: "a Port Closure ... occurs" / "no Port Closure ... occurs". */
    threshold: (a: {
      event: string;
      kind: "duration" | "level" | "amount";
      operator: Operator;
      value: Phrase;
      negated: boolean;
    }): Inline[] => {
      const level =
        a.kind === "duration"
          ? p`lasting ${threshold(a.operator, a.value)}`
          : a.kind === "level"
            ? runs(levelThreshold(a.operator, a.value))
            : p`of ${threshold(a.operator, a.value)}`;
      return a.negated ? p`no ${term(a.event)} ${level} occurs` : p`${an(a.event)} ${term(a.event)} ${level} occurs`;
    },
    levelValue: (value: Decimal): string => wordsAndFigures(value),
    breach: (a: { subject: Inline[]; object: Phrase; meet: boolean; repeat: Phrase | undefined; negated: boolean }): Inline[] => {
      if (a.negated)
        return a.meet
          ? p`${a.subject} has not failed to meet ${a.object}${a.repeat ?? ""}`
          : p`${a.subject} is not in breach of ${a.object}${a.repeat ?? ""}`;
      return p`${a.subject} ${a.meet ? "fails to meet" : "breaches"} ${a.object}${a.repeat ?? ""}`;
    },
    kpiObject: (a: { title: string; clause: Inline }): Inline[] => p`the ${a.title} target in Clause ${a.clause}`,
    obligationObject: (a: { title: string; clause: Inline }): Inline[] => p`its ${a.title} obligation in Clause ${a.clause}`,
    namedObject: (a: { title: string; clause: Inline; terms?: boolean }): Inline[] =>
      p`the ${a.terms ? "terms of the " : ""}${a.title} in Clause ${a.clause}`,
    milestoneObject: (a: { title: string; clause: Inline }): Inline[] => p`the ${a.title} milestone in Clause ${a.clause}`,
    consecutivePeriods: (count: Phrase, periods: Phrase, consecutive: boolean): Inline[] =>
      consecutive ? p` in ${count} consecutive ${periods}` : p` in any ${count} ${periods}`,
    occasions: (count: Phrase, consecutive: boolean): Inline[] =>
      consecutive ? p` on ${count} consecutive occasions` : p` on ${count} occasions`,
    insolvency: (party: Inline[], negated: boolean): Inline[] =>
      negated ? p`${party} has not become insolvent` : p`${party} becomes insolvent`,
    changeOfControl: (party: Inline[], negated: boolean): Inline[] =>
      negated ? p`${party} has not undergone a change of control` : p`${party} undergoes a change of control`,
    lasting: (a: { subject: Phrase; duration: Phrase; negated: boolean }): Inline[] =>
      a.negated ? p`${a.subject} has not continued for ${a.duration} or more` : p`${a.subject} continues for ${a.duration} or more`,
    anEvent: (title: string): Inline[] => p`${an(title)} ${term(title)}`,
    missedMilestone: (a: { party: Inline[] | undefined; title: string; clause: Inline; due: string; negated: boolean }): Inline[] => {
      if (a.negated) return p`the ${a.title} milestone in Clause ${a.clause} is completed by ${a.due}`;
      return a.party
        ? p`${a.party} fails to complete the ${a.title} milestone in Clause ${a.clause} by ${a.due}`
        : p`the ${a.title} milestone in Clause ${a.clause} is not completed by ${a.due}`;
    },
    missedObligation: (a: { party: Inline[]; title: string; clause: Inline; negated: boolean }): Inline[] =>
      a.negated
        ? p`${a.party} performs its ${a.title} obligation in Clause ${a.clause} within the time required`
        : p`${a.party} fails to perform its ${a.title} obligation in Clause ${a.clause} within the time required`,
    text: (text: Phrase): Inline[] => p`${text}`,
    not: (condition: Phrase): Inline[] => p`it is not the case that ${condition}`,
    /** `a and b`, nested: `both a and b`; three or more: `each of the following: a, b and c`. */
    all: (operands: readonly Phrase[], nested: boolean, compound: boolean): Inline[] => {
      const joined = compound ? joinPhrases(operands, "and", true) : joinPhrases(operands, "and");
      if (!nested) return joined;
      return operands.length === 2 ? p`both ${joined}` : p`each of ${joined}`;
    },
    any: (operands: readonly Phrase[], nested: boolean, compound: boolean): Inline[] => {
      const joined = compound ? joinPhrases(operands, "or", true) : joinPhrases(operands, "or");
      if (!nested) return joined;
      return operands.length === 2 ? p`either ${joined}` : p`any of ${joined}`;
    },
  },

  // ---- termination ---------------------------------------------------------------------------
  termination: {
    title: "Termination",
    cause: (a: { party: Inline[]; other: Inline[]; condition: Phrase; cure: Phrase | undefined }): Inline[] =>
      p`${capitalise(a.party)} may terminate this Agreement with immediate effect by written notice to ${a.other} if ${a.condition}${a.cure ? p`, and the failure is not remedied within ${a.cure} after written notice requiring its remedy` : ""}.`,
    convenienceTitle: "Termination for convenience",
    convenience: (a: { party: Inline[]; other: Inline[]; notice: Phrase }): Inline[] =>
      p`${capitalise(a.party)} may terminate this Agreement for convenience at any time by giving ${a.other} at least ${a.notice} written notice.`,
    /** "one hundred and eighty (180) days'" — the possessive of a notice period. */
    noticeLength: (value: DurationArg): Phrase => {
      const unit = durationUnit(value.unit, value.amount);
      const possessive = value.amount.eq(1) ? "'s" : "'";
      return [wordsAndFigures(value.amount), " ", unit, possessive];
    },
    fee: (a: {
      party: Inline[];
      other: Inline[];
      fee: string;
      declining: Phrase | undefined;
      unit: string | undefined;
      table: boolean;
    }): Inline[] =>
      p`If ${a.party} terminates this Agreement under this Clause, it shall pay ${a.other} a termination fee of ${a.fee}${a.declining ? p`, reduced by ${a.declining} of that amount for each full ${unitName(a.unit ?? "years", false)} from the ${term(terms.effectiveDate)} to the date on which notice is given` : ""}${a.table ? ", as set out in the table below" : ""}.`,
    feeColumns: (unit: string) => [
      { title: `Notice given in ${unitName(unit, false)}`, align: "right" as const },
      { title: "Termination fee", align: "right" as const },
    ],
  },

  governingLaw: {
    title: "Governing Law",
    law: (law: string): Inline[] => {
      const laws = /^the laws? of /i.test(law) ? law : /^laws? of /i.test(law) ? `the ${law}` : `the laws of ${law}`;
      return p`This Agreement and any dispute or claim arising out of or in connection with it are governed by ${laws}.`;
    },
  },

  signatures: {
    heading: "Signatures",
    intro: (): Inline[] => p`Signed by the authorised representatives of the ${term(terms.parties)} on the dates below.`,
    lines: ["Name:", "Title:", "Date:"] as readonly string[],
    signature: "Signature",
    forParty: (name: string): string => `For and on behalf of ${name}`,
  },
};
