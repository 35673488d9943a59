import type * as A from "../syntax/ast.js";
import type { SourceRange } from "../syntax/position.js";
import { Codes, type DiagnosticCode } from "../diagnostics/codes.js";
import type { Fix } from "../diagnostics/diagnostic.js";
import { toDecimal, writtenDecimals, type Decimal } from "./decimal.js";
import {
  countUnits,
  durationUnits,
  periodValues,
  quantityUnits,
  roundingModes,
  shareBases,
  type ReferenceKind,
  type ValueType,
} from "./schema.js";
import type * as V from "./values.js";
import { currencyInfo, isCountryCode } from "./codes-tables.js";
import { currencySymbols } from "../syntax/tokens.js";
import { closest, suggestions } from "./suggest.js";
import { periodsIn } from "./periods.js";
import { actionSpec, actionSynonyms, actionVerbs, escalationActions, type ActionSpec } from "./actions.js";

/** What a value reader needs from the checker: a place to report, and reference resolution. */
export interface ReadContext {
  readonly uri: string;
  report(code: DiagnosticCode, range: SourceRange, message: string, fixes?: readonly Fix[]): void;
  /** Resolves a name to a declaration of one of `kinds` (reporting CV200/CV201), or a party by role. */
  reference(name: string, range: SourceRange, kinds: readonly ReferenceKind[]): V.ReferenceValue;
  /** Units declared by products and events, accepted in quantities besides the built-in ones. */
  readonly declaredUnits: ReadonlySet<string>;
  /** The currency the contract header names, if any: what `$` and `¥` stand for when it is one of theirs. */
  readonly contractCurrency: string | undefined;
  /** The measurement period written in the `period` field of the declaration called `name` (`quarterly`), if any. */
  measurementPeriod(name: string): string | undefined;
}

type Terms = readonly A.Term[];

const span = (a: SourceRange, b: SourceRange): SourceRange => ({ start: a.start, end: b.end });
const termsRange = (terms: Terms): SourceRange => span(terms[0]!.range, terms[terms.length - 1]!.range);

/** A short description of what a phrase looks like, for "expected X, found Y" messages. */
export function describeExpression(expression: A.Expression): string {
  switch (expression.type) {
    case "Logical":
      return "a combined condition";
    case "Not":
      return "a negated condition";
    case "Comparison":
      return "a comparison";
    case "Phrase": {
      const [first, second] = expression.terms;
      if (!first) return "nothing";
      if (expression.terms.length === 1) {
        switch (first.type) {
          case "Number":
            return `the number ${first.text}`;
          case "Percent":
            return `the percentage ${first.text}`;
          case "Date":
            return `the date ${first.text}`;
          case "Text":
            return "text in quotes";
          case "Word":
            return `'${clip(first.text)}'`;
          case "List":
            return "a list";
          case "Range":
            return "a range";
          case "Group":
            return "a value in parentheses";
        }
      }
      // Two terms only: a longer phrase is shown whole, or the message would quote a valid part of it.
      const pair = expression.terms.length === 2;
      if (pair && first.type === "Word" && second?.type === "Number" && /^[A-Z]{3}$/.test(first.text))
        return `the amount ${first.text} ${second.text}`;
      if (pair && first.type === "Number" && second?.type === "Word") return `'${first.text} ${second.text}'`;
      return `'${clip(expression.terms.map(termText).join(" "))}'`;
    }
  }
}

/** Calendar words written where a breach count needs `periods`, with how the message names them. */
const calendarPeriods: Readonly<Record<string, string>> = {
  day: "days",
  days: "days",
  week: "weeks",
  weeks: "weeks",
  month: "months",
  months: "months",
  quarter: "quarters",
  quarters: "quarters",
  year: "years",
  years: "years",
};

/** The next smaller unit each duration unit converts into exactly, and how many of it make one. */
const smallerUnits: Readonly<Partial<Record<V.DurationUnit, { readonly unit: V.DurationUnit; readonly times: number }>>> = {
  years: { unit: "months", times: 12 },
  weeks: { unit: "days", times: 7 },
  days: { unit: "hours", times: 24 },
};

/** What a fractional duration with no exact restatement may be written in instead. */
const wholeUnitWords: Readonly<Record<V.DurationUnit, string>> = {
  years: "years, months or days",
  months: "months, weeks or days",
  weeks: "weeks, days or hours",
  days: "days or hours",
  hours: "hours",
  business_days: "business days",
};

/**
 * A fractional duration restated as a whole number of a smaller unit, when one is exact: 0.5 years
 * is 6 months, 1.5 weeks 252 hours (10.5 days is not whole), 1.5 days 36 hours. Months have no
 * exact number of days and hours nothing smaller, so 0.4 years (4.8 months) and 0.5 hours have none.
 */
function wholeInSmallerUnit(amount: Decimal, unit: V.DurationUnit): { amount: string; unit: V.DurationUnit } | undefined {
  let value = amount;
  let current = unit;
  for (let smaller = smallerUnits[current]; smaller; smaller = smallerUnits[current]) {
    value = value.mul(smaller.times);
    current = smaller.unit;
    if (value.isInteger()) return { amount: value.toFixed(), unit: current };
  }
  return undefined;
}

/** Codes people write that ISO does not use, and the ISO code meant. */
const countryAliases: Readonly<Record<string, string>> = { UK: "GB", EL: "GR", EN: "GB" };
const currencyAliases: Readonly<Record<string, string>> = { RMB: "CNY", NTD: "TWD", YEN: "JPY", STG: "GBP" };

/** Long phrases are cut in messages, so a megabyte of words prints as one readable line. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function termText(term: A.Term): string {
  switch (term.type) {
    case "Number":
    case "Percent":
    case "Date":
    case "Word":
      return term.text;
    case "Text":
      return term.raw;
    case "Range":
      return `${term.low.text} ..${term.high ? ` ${term.high.text}` : ""}`;
    case "List":
      return "[...]";
    case "Group":
      return "(...)";
  }
}

const typeWords: Record<ValueType["type"], string> = {
  text: 'text in quotes such as "..."',
  date: "a date such as 2026-04-01",
  bool: "true or false",
  integer: "a whole number",
  percent: "a percentage such as 35%",
  duration: "a duration such as 90 days",
  money: "an amount such as USD 1_000.00",
  currency: "a currency code such as USD",
  country: "a country code such as JP",
  territory: "a list of country codes such as [CN, JP], or worldwide",
  unit: "a unit such as module or kg",
  enum: "one of the listed options",
  reference: "the name of a declaration",
  list: "a list in brackets",
  target: "a target such as >= 98% or <= 50 ppm",
  amount: "an amount such as USD 2_000 or 0.5% of invoice",
  step: "a step such as 1% below target or 10 ppm above target",
  condition: "a condition such as insolvency of supplier",
  cause: "a condition such as breach of defects for 3 consecutive periods",
  convenience: "a right such as buyer with notice 180 days",
  action: "an action such as suspend delivery for 60 days",
  rounding: "a rounding rule such as half_up to 2 decimals",
  every: "an interval such as every 12 months",
  payment: "a payment such as USD 1_200_000 to supplier",
  volume: "a volume such as 400_000 module per year",
  shortfall: "a shortfall payment such as USD 12.00 per module or 10% of price",
  allocation: "an allocation such as by fault or [supplier 70%, buyer 30%]",
  quantity: "a quantity such as 500 module",
};

/** Reads phrases as typed values for one field type; reports what it cannot read and returns undefined. */
export class ValueReader {
  constructor(private readonly context: ReadContext) {}

  private wrongType(expected: ValueType, expression: A.Expression, field: string, extra = ""): undefined {
    const expects = expected.type === "enum" ? `one of ${expected.values.join(", ")}` : typeWords[expected.type];
    this.context.report(
      Codes.WrongType,
      expression.range,
      `'${field}' expects ${expects}, but found ${describeExpression(expression)}${extra}`,
    );
    return undefined;
  }

  /** Reads `expression` as a value of `type` for the field called `field`. */
  read(type: ValueType, expression: A.Expression, field: string): V.Value | undefined {
    const terms = expression.type === "Phrase" ? expression.terms : undefined;
    switch (type.type) {
      case "text":
        return terms?.length === 1 && terms[0]!.type === "Text"
          ? { kind: "text", value: terms[0]!.value, range: expression.range }
          : this.wrongType(type, expression, field);
      case "date":
        return terms?.length === 1 && terms[0]!.type === "Date" ? this.date(terms[0]!) : this.wrongType(type, expression, field);
      case "bool": {
        const word = terms?.length === 1 && terms[0]!.type === "Word" ? terms[0]!.text : undefined;
        if (word === "true" || word === "false") return { kind: "bool", value: word === "true", range: expression.range };
        return this.wrongType(type, expression, field);
      }
      case "integer": {
        const value = terms?.length === 1 && terms[0]!.type === "Number" ? this.number(terms[0]!) : undefined;
        return value && value.value.isInteger() ? value : this.wrongType(type, expression, field);
      }
      case "percent":
        return terms?.length === 1 && terms[0]!.type === "Percent" ? this.percent(terms[0]!) : this.wrongType(type, expression, field);
      case "duration": {
        if (type.allowPerpetual && terms?.length === 1 && terms[0]!.type === "Word" && terms[0]!.text === "perpetual")
          return { kind: "perpetual", range: expression.range };
        const value = terms ? this.duration(terms, field) : undefined;
        return value ?? (value === null ? undefined : this.wrongType(type, expression, field));
      }
      case "money": {
        const value = terms ? this.money(terms) : undefined;
        return value ?? (value === null ? undefined : this.wrongType(type, expression, field));
      }
      case "quantity": {
        const value = terms?.length === 2 ? this.quantity(terms) : undefined;
        return value ?? (value === null ? undefined : this.wrongType(type, expression, field));
      }
      case "currency":
        return terms?.length === 1 && terms[0]!.type === "Word" ? this.currency(terms[0]!) : this.wrongType(type, expression, field);
      case "country":
        return terms?.length === 1 && terms[0]!.type === "Word" ? this.country(terms[0]!) : this.wrongType(type, expression, field);
      case "territory":
        return this.territory(expression, field);
      case "unit": {
        const word = terms?.length === 1 && terms[0]!.type === "Word" ? terms[0]! : undefined;
        if (!word) return this.wrongType(type, expression, field);
        return this.unit(word);
      }
      case "enum": {
        const word = terms?.length === 1 && terms[0]!.type === "Word" ? terms[0]! : undefined;
        if (!word) return this.wrongType(type, expression, field);
        return this.enumValue(word, type.values, field);
      }
      case "reference": {
        const word = terms?.length === 1 && terms[0]!.type === "Word" ? terms[0]! : undefined;
        if (!word) return this.wrongType(type, expression, field);
        return this.context.reference(word.text, word.range, type.kinds);
      }
      case "list": {
        const list = terms?.length === 1 && terms[0]!.type === "List" ? terms[0]! : undefined;
        if (!list) {
          // A single item stands for a list of one.
          const single = this.read(type.of, expression, field);
          return single ? { kind: "list", items: [single], range: expression.range } : undefined;
        }
        const items: V.Value[] = [];
        for (const item of list.items) {
          const value = this.read(type.of, item, field);
          if (value) items.push(value);
        }
        return { kind: "list", items, range: list.range };
      }
      case "target":
        return this.target(expression, field);
      case "amount": {
        const value = terms ? firstFitting(this.share(terms), () => this.money(terms)) : undefined;
        return value ?? (value === null ? undefined : this.wrongType(type, expression, field));
      }
      case "step":
        return this.step(expression, field);
      case "condition": {
        const condition = this.condition(expression);
        return condition ? { kind: "condition", condition, range: expression.range } : undefined;
      }
      case "cause":
        return this.cause(expression);
      case "convenience":
        return this.convenience(expression, field);
      case "action":
        return terms ? this.action(terms, field, false) : this.wrongType(type, expression, field);
      case "rounding":
        return this.rounding(expression, field);
      case "every": {
        const [first, ...rest] = terms ?? [];
        if (first?.type === "Word" && first.text === "every" && rest.length > 0) {
          const interval = this.duration(rest, field);
          if (interval) return { kind: "every", interval, range: expression.range };
          if (interval === null) return undefined;
        }
        return this.wrongType(type, expression, field);
      }
      case "payment":
        return this.payment(expression, field);
      case "volume": {
        const value = terms ? this.rate(terms, "quantity") : undefined;
        return value ?? (value === null ? undefined : this.wrongType(type, expression, field));
      }
      case "shortfall":
        return this.shortfall(expression, field);
      case "allocation":
        return this.allocation(expression, field);
    }
  }

  number(term: A.NumberLiteral): V.NumberValue | undefined {
    const value = toDecimal(term.digits);
    if (!value) {
      this.context.report(Codes.WrongType, term.range, `'${term.text}' is not a number`);
      return undefined;
    }
    return { kind: "number", value, written: term.text, range: term.range };
  }

  percent(term: A.PercentLiteral): V.PercentValue | undefined {
    const value = toDecimal(term.digits);
    if (!value) return undefined;
    return { kind: "percent", value, written: term.text, range: term.range };
  }

  date(term: A.DateLiteral): V.DateValue | undefined {
    const [year, month, day] = term.text.split("-").map(Number) as [number, number, number];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (month < 1 || month > 12 || probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
      this.context.report(Codes.InvalidDate, term.range, `${term.text} is not a calendar date`);
      return undefined;
    }
    return { kind: "date", iso: term.text, year, month, day, range: term.range };
  }

  /**
   * `10 days`: undefined if the shape is wrong, null if the shape is right but the unit unknown (reported).
   * A period of the contract (a term, a notice, a cure) is a whole number of its unit; a measured
   * level (`target: <= 4.5 hours`, a trigger threshold) is not a period and may be fractional (`whole` false).
   */
  duration(terms: Terms, _field: string, whole = true): V.DurationValue | undefined | null {
    const [amount, unitWord] = terms;
    if (terms.length !== 2 || amount?.type !== "Number" || unitWord?.type !== "Word") return undefined;
    const unit = durationUnits[unitWord.text];
    if (!unit) {
      const suggestion = closest(unitWord.text, Object.keys(durationUnits));
      this.context.report(
        Codes.UnknownUnit,
        unitWord.range,
        `'${unitWord.text}' is not a unit of time${suggestion ? `; did you mean '${suggestion}'?` : "; use hours, days, business_days, weeks, months or years"}`,
        suggestion ? [this.replace(unitWord.range, suggestion)] : undefined,
      );
      return null;
    }
    const value = this.number(amount);
    if (!value) return null;
    if (whole && !value.value.isInteger()) {
      // Durations are whole numbers of their unit: 0.4 years has no calendar end (146 days? 4.8
      // months?), so it is restated in a smaller unit where that is exact, and refused otherwise.
      const exact = wholeInSmallerUnit(value.value, unit);
      const newText = exact ? `${exact.amount} ${exact.unit}` : undefined;
      const range = span(amount.range, unitWord.range);
      this.context.report(
        Codes.WrongType,
        range,
        `A duration is a whole number of its unit, but this is ${amount.text} ${unitWord.text}; ${newText ? `write '${newText}'` : `write a whole number of ${wholeUnitWords[unit]}`}`,
        newText ? [{ title: `Write '${newText}'`, edits: [{ uri: this.context.uri, range, newText }] }] : undefined,
      );
      return null;
    }
    return {
      kind: "duration",
      amount: value.value,
      unit,
      written: `${amount.text} ${unitWord.text}`,
      range: span(amount.range, unitWord.range),
    };
  }

  private replace(range: SourceRange, newText: string): Fix {
    return { title: `Change to '${newText}'`, edits: [{ uri: this.context.uri, range, newText }] };
  }

  /** `USD 182.00`: undefined if not that shape, null if the currency is bad (reported). */
  money(terms: Terms): V.MoneyValue | undefined | null {
    if (terms.length !== 2) return undefined;
    const [code, amount] = this.currencyFirst(terms[0]!, terms[1]!);
    const symbol = code.type === "Word" ? currencySymbols[code.text] : undefined;
    if (code.type !== "Word" || amount.type !== "Number" || !(symbol || /^[A-Za-z]{3}$/.test(code.text))) return undefined;
    const currency = symbol ? this.currencySymbol(code, amount, symbol) : this.currency(code);
    if (!currency) return null;
    const value = this.number(amount);
    if (!value) return null;
    const info = currencyInfo(currency.code);
    const decimals = writtenDecimals(amount.digits);
    if (info && decimals > info.digits) {
      this.context.report(
        Codes.TooManyDecimals,
        amount.range,
        info.digits === 0
          ? `${currency.code} has no minor unit; write the amount without decimals`
          : `${currency.code} has ${info.digits} decimal places; '${amount.text}' has ${decimals}`,
      );
    }
    return { kind: "money", currency: currency.code, amount: value.value, written: amount.text, range: termsRange(terms) };
  }

  /**
   * `€48.50`: amounts are written with the ISO code first. Said once (CV103) with a fix, and read in
   * that currency so the amount still takes part in the checks. `$` and `¥` stand for several
   * currencies: the contract's own when it is one of them, else USD and JPY. A symbol of another
   * currency than the contract's is one finding, the foreign currency (see `foreignAmount`).
   */
  private currencySymbol(symbol: A.Word, amount: A.NumberLiteral, symbolCurrencies: readonly string[]): V.CodeValue {
    const own = this.context.contractCurrency;
    const code = own && symbolCurrencies.includes(own) ? own : symbolCurrencies[0]!;
    const range = span(symbol.range, amount.range);
    const foreign = this.foreignAmount(code, amount, range, `${symbol.text}${amount.text}`);
    if (foreign) return { kind: "code", code: foreign, range: symbol.range };
    const written = `${code} ${amount.text}`;
    const several =
      symbolCurrencies.length > 1 ? ` ('${symbol.text}' is read as ${code}; write another code if it means another currency)` : "";
    this.context.report(Codes.UnknownCharacter, range, `Amounts are written with the ISO currency code first: '${written}'${several}`, [
      { title: `Write '${written}'`, edits: [{ uri: this.context.uri, range, newText: written }] },
    ]);
    return { kind: "code", code, range: symbol.range };
  }

  /**
   * `48.50 EUR` is `EUR 48.50` written the other way round: the intent is clear, so it is said once
   * (CV303) with a fix and read in the right order; any other pair is returned as written.
   */
  private currencyFirst(first: A.Term, second: A.Term): [A.Term, A.Term] {
    if (first.type !== "Number" || second.type !== "Word" || !/^[A-Z]{3}$/.test(second.text) || !currencyInfo(second.text))
      return [first, second];
    const range = span(first.range, second.range);
    const foreign = this.foreignAmount(second.text, first, range, `${first.text} ${second.text}`);
    if (foreign) return [{ type: "Word", text: foreign, range: second.range }, first];
    const written = `${second.text} ${first.text}`;
    this.context.report(Codes.WrongType, range, `Amounts are written with the currency code first: '${written}'`, [
      { title: `Write '${written}'`, edits: [{ uri: this.context.uri, range, newText: written }] },
    ]);
    return [second, first];
  }

  /**
   * An amount written the wrong way (`£171.50`, `171.50 GBP`) in another currency than the
   * contract's has two faults with one repair: rewriting only the notation (`GBP 171.50`) would leave
   * the foreign currency (CV401). So it is one finding, CV401, whose fix writes the amount in the
   * contract's currency and ends clean; the amount is read in that currency, so the foreign-currency
   * rule does not report it again. Returns that currency, or undefined when `code` is the contract's
   * (or the contract names no currency), leaving the notation to be reported alone.
   */
  private foreignAmount(code: string, amount: A.NumberLiteral, range: SourceRange, asWritten: string): string | undefined {
    const own = this.context.contractCurrency;
    if (!own || own === code || !currencyInfo(own)) return undefined;
    const written = `${own} ${amount.text}`;
    this.context.report(
      Codes.ForeignCurrency,
      range,
      `'${asWritten}' is an amount in ${code}, but the contract currency is ${own}; write '${written}' (amounts are written with the ISO code first), or change the contract's currency`,
      [{ title: `Write '${written}'`, edits: [{ uri: this.context.uri, range, newText: written }] }],
    );
    return own;
  }

  currency(word: A.Word): V.CodeValue | undefined {
    if (!currencyInfo(word.text)) {
      const upper = currencyAliases[word.text.toUpperCase()] ?? word.text.toUpperCase();
      const fix = upper !== word.text && currencyInfo(upper) ? [this.replace(word.range, upper)] : undefined;
      this.context.report(
        Codes.UnknownCurrency,
        word.range,
        `'${word.text}' is not an ISO 4217 currency code${fix ? `; did you mean '${upper}'?` : ""}`,
        fix,
      );
      return undefined;
    }
    return { kind: "code", code: word.text, range: word.range };
  }

  country(word: A.Word): V.CodeValue | undefined {
    if (!isCountryCode(word.text)) {
      const upper = countryAliases[word.text.toUpperCase()] ?? word.text.toUpperCase();
      const fix = upper !== word.text && isCountryCode(upper) ? [this.replace(word.range, upper)] : undefined;
      this.context.report(
        Codes.UnknownCountry,
        word.range,
        `'${word.text}' is not an ISO 3166-1 alpha-2 country code${fix ? `; did you mean '${upper}'?` : ""}`,
        fix,
      );
      return undefined;
    }
    return { kind: "code", code: word.text, range: word.range };
  }

  private territory(expression: A.Expression, field: string): V.TerritoryValue | undefined {
    const terms = expression.type === "Phrase" ? expression.terms : [];
    const [only] = terms;
    if (terms.length === 1 && only?.type === "Word" && only.text === "worldwide")
      return { kind: "territory", worldwide: true, countries: [], range: expression.range };
    const items =
      terms.length === 1 && only?.type === "List" ? only.items : terms.length === 1 && only?.type === "Word" ? [expression] : undefined;
    if (!items) return this.wrongType({ type: "territory" }, expression, field);
    const countries: V.CodeValue[] = [];
    for (const item of items) {
      const word = item.type === "Phrase" && item.terms.length === 1 && item.terms[0]!.type === "Word" ? item.terms[0]! : undefined;
      if (!word) {
        this.wrongType({ type: "country" }, item, field);
        continue;
      }
      const code = this.country(word);
      if (code) countries.push(code);
    }
    return { kind: "territory", worldwide: false, countries, range: expression.range };
  }

  unit(word: A.Word): V.UnitValue | undefined {
    if (!quantityUnits.includes(word.text) && !durationUnits[word.text]) {
      const suggestion = closest(word.text, [...quantityUnits, ...Object.keys(durationUnits)]);
      this.context.report(
        Codes.UnknownUnit,
        word.range,
        `'${word.text}' is not a unit Covenant knows${suggestion ? `; did you mean '${suggestion}'?` : ""}`,
        suggestion ? [this.replace(word.range, suggestion)] : undefined,
      );
      return undefined;
    }
    return { kind: "unit", unit: word.text, range: word.range };
  }

  enumValue(word: A.Word, values: readonly string[], field: string): V.EnumValue | undefined {
    if (!values.includes(word.text)) {
      const suggestion = closest(word.text, values);
      this.context.report(
        Codes.UnknownEnumValue,
        word.range,
        `'${word.text}' is not an option for '${field}'${suggestion ? `; did you mean '${suggestion}'?` : ""} (options: ${values.join(", ")})`,
        suggestion ? [this.replace(word.range, suggestion)] : undefined,
      );
      return undefined;
    }
    return { kind: "enum", value: word.text, range: word.range };
  }

  /** A measured amount: `98%`, `50 ppm`, `72 hours`, `4`. */
  measure(terms: Terms): V.MeasureValue | undefined | null {
    const [first, second] = terms;
    if (terms.length === 1 && first?.type === "Percent") return this.percent(first) ?? null;
    if (terms.length === 1 && first?.type === "Number") return this.number(first) ?? null;
    if (terms.length === 2 && first?.type === "Number" && second?.type === "Word") {
      if (durationUnits[second.text]) return this.duration(terms, "", false);
      return this.quantity(terms);
    }
    return undefined;
  }

  /** `500 module`: null when the unit is unknown (reported). */
  quantity(terms: Terms): V.QuantityValue | undefined | null {
    const [amount, unitWord] = terms;
    if (amount?.type !== "Number" || unitWord?.type !== "Word") return undefined;
    if (!quantityUnits.includes(unitWord.text) && !this.context.declaredUnits.has(unitWord.text)) {
      const known = [...quantityUnits, ...this.context.declaredUnits];
      const suggestion = closest(unitWord.text, known);
      this.context.report(
        Codes.UnknownUnit,
        unitWord.range,
        `'${unitWord.text}' is not a unit Covenant knows${suggestion ? `; did you mean '${suggestion}'?` : ""}`,
        suggestion ? [this.replace(unitWord.range, suggestion)] : undefined,
      );
      return null;
    }
    const value = this.number(amount);
    if (!value) return null;
    if (countUnits.has(unitWord.text) && (!value.value.isInteger() || amount.text.includes("."))) {
      // Whole items only. `360.000 piece` is most likely a thousands group written with a dot (as in
      // 1.200.000): read as the decimal 360.0 it would order a thousandth of what was meant.
      const grouped = /^\d{1,3}(\.\d{3})+$/.test(amount.text) ? amount.text.replace(/\./g, "_") : undefined;
      this.context.report(
        Codes.WrongType,
        amount.range,
        `'${unitWord.text}' counts whole items, but this is ${amount.text}${grouped ? `; if the dot groups thousands, write '${grouped}'` : "; write a whole number"}`,
        grouped ? [{ title: `Write '${grouped}'`, edits: [{ uri: this.context.uri, range: amount.range, newText: grouped }] }] : undefined,
      );
      return null;
    }
    return { kind: "quantity", amount: value.value, unit: unitWord.text, written: amount.text, range: span(amount.range, unitWord.range) };
  }

  private target(expression: A.Expression, field: string): V.ComparisonValue | undefined {
    if (expression.type !== "Comparison" || expression.left || !expression.right)
      return this.wrongType({ type: "target" }, expression, field);
    const operand = this.measure(expression.right.terms);
    if (operand === null) return undefined;
    if (!operand) return this.wrongType({ type: "target" }, expression, field);
    return { kind: "comparison", operator: expression.operator, operand, range: expression.range };
  }

  private step(expression: A.Expression, field: string): V.StepValue | undefined {
    const terms = expression.type === "Phrase" ? expression.terms : [];
    const n = terms.length;
    const direction = terms[n - 2];
    const target = terms[n - 1];
    if (
      n >= 3 &&
      direction?.type === "Word" &&
      (direction.text === "below" || direction.text === "above") &&
      target?.type === "Word" &&
      target.text === "target"
    ) {
      const amount = this.measure(terms.slice(0, n - 2));
      if (amount === null) return undefined;
      if (amount) return { kind: "step", amount, direction: direction.text, range: expression.range };
    }
    return this.wrongType({ type: "step" }, expression, field);
  }

  /** `0.5% of invoice`: undefined if not that shape. */
  share(terms: Terms): V.ShareValue | undefined | null {
    const [percent, of, base] = terms;
    if (terms.length !== 3 || percent?.type !== "Percent" || of?.type !== "Word" || of.text !== "of" || base?.type !== "Word")
      return undefined;
    if (!(shareBases as readonly string[]).includes(base.text)) {
      const suggestion = closest(base.text, shareBases);
      this.context.report(
        Codes.UnknownEnumValue,
        base.range,
        `'${base.text}' is not a base a share can refer to${suggestion ? `; did you mean '${suggestion}'?` : ""} (options: ${shareBases.join(", ")})`,
        suggestion ? [this.replace(base.range, suggestion)] : undefined,
      );
      return null;
    }
    const value = this.percent(percent);
    if (!value) return null;
    return { kind: "share", percent: value.value, written: percent.text, base: base.text, range: termsRange(terms) };
  }

  /** `USD 12.00 per module` or `400_000 module per year`. */
  rate(terms: Terms, numerator: "money" | "quantity" | "either"): V.RateValue | undefined | null {
    const n = terms.length;
    const per = terms[n - 2];
    const unit = terms[n - 1];
    if (n !== 4 || per?.type !== "Word" || per.text !== "per" || unit?.type !== "Word") return undefined;
    const head = terms.slice(0, 2);
    const amount =
      numerator === "quantity" ? this.quantity(head) : numerator === "money" ? this.money(head) : (this.money(head) ?? this.quantity(head));
    if (amount === null) return null;
    if (!amount) return undefined;
    const perUnit = durationUnits[unit.text] ?? (unit.text.endsWith("ly") ? undefined : unit.text);
    if (!perUnit) return undefined;
    return { kind: "rate", amount, per: perUnit, range: termsRange(terms) };
  }

  private shortfall(expression: A.Expression, field: string): V.Value | undefined {
    const terms = expression.type === "Phrase" ? expression.terms : [];
    const first = terms[0];
    if (first?.type === "Word" && first.text === "credit") {
      const expiring = terms.findIndex((t) => t.type === "Word" && t.text === "expiring");
      if (expiring > 1) {
        const rate = this.rate(terms.slice(1, expiring), "money");
        const expires = this.duration(terms.slice(expiring + 1), field);
        if (rate === null || expires === null) return undefined;
        if (rate && expires) return { kind: "credit", rate, expires, range: expression.range };
      }
      return this.wrongType({ type: "shortfall" }, expression, field);
    }
    const value = firstFitting(this.share(terms), () => this.rate(terms, "money"));
    if (value === null) return undefined;
    return value ?? this.wrongType({ type: "shortfall" }, expression, field);
  }

  private allocation(expression: A.Expression, field: string): V.AllocationValue | undefined {
    const terms = expression.type === "Phrase" ? expression.terms : [];
    if (
      terms.length === 2 &&
      terms[0]?.type === "Word" &&
      terms[0].text === "by" &&
      terms[1]?.type === "Word" &&
      terms[1].text === "fault"
    ) {
      return { kind: "allocation", byFault: true, shares: [], range: expression.range };
    }
    const list = terms.length === 1 && terms[0]?.type === "List" ? terms[0] : undefined;
    if (!list) return this.wrongType({ type: "allocation" }, expression, field);
    const shares: { party: V.ReferenceValue; percent: V.PercentValue }[] = [];
    for (const item of list.items) {
      const [who, amount] = item.type === "Phrase" ? item.terms : [];
      if (item.type !== "Phrase" || item.terms.length !== 2 || who?.type !== "Word" || amount?.type !== "Percent") {
        this.context.report(Codes.WrongType, item.range, `Each share of '${field}' is a party and a percentage, such as 'supplier 70%'`);
        continue;
      }
      const percent = this.percent(amount);
      if (percent) shares.push({ party: this.context.reference(who.text, who.range, ["party"]), percent });
    }
    return { kind: "allocation", byFault: false, shares, range: expression.range };
  }

  private rounding(expression: A.Expression, field: string): V.RoundingValue | undefined {
    const terms = expression.type === "Phrase" ? expression.terms : [];
    const [mode, to, decimals, unit] = terms;
    if (
      terms.length === 4 &&
      mode?.type === "Word" &&
      to?.type === "Word" &&
      to.text === "to" &&
      decimals?.type === "Number" &&
      unit?.type === "Word" &&
      (unit.text === "decimals" || unit.text === "decimal")
    ) {
      const modeValue = this.enumValue(mode, roundingModes, field);
      const places = toDecimal(decimals.digits);
      if (!modeValue || !places) return undefined;
      if (!places.isInteger() || places.lt(0) || places.gt(12)) {
        this.context.report(Codes.WrongType, decimals.range, "The number of decimals must be a whole number from 0 to 12");
        return undefined;
      }
      return { kind: "rounding", mode: modeValue.value, decimals: places.toNumber(), range: expression.range };
    }
    return this.wrongType({ type: "rounding" }, expression, field);
  }

  private payment(expression: A.Expression, field: string): V.PaymentValue | undefined {
    const terms = expression.type === "Phrase" ? expression.terms : [];
    const n = terms.length;
    const to = terms[n - 2];
    const who = terms[n - 1];
    if (n >= 4 && to?.type === "Word" && to.text === "to" && who?.type === "Word") {
      const head = terms.slice(0, n - 2);
      const amount = firstFitting(this.share(head), () => this.money(head));
      if (amount === null) return undefined;
      if (amount) return { kind: "payment", amount, to: this.context.reference(who.text, who.range, ["party"]), range: expression.range };
    }
    return this.wrongType({ type: "payment" }, expression, field);
  }

  private convenience(expression: A.Expression, field: string): V.ConvenienceValue | undefined {
    const terms = expression.type === "Phrase" ? expression.terms : [];
    const [who, withWord, notice] = terms;
    if (
      terms.length < 5 ||
      who?.type !== "Word" ||
      withWord?.type !== "Word" ||
      withWord.text !== "with" ||
      notice?.type !== "Word" ||
      notice.text !== "notice"
    ) {
      return this.wrongType({ type: "convenience" }, expression, field);
    }
    const noticePeriod = this.duration(terms.slice(3, 5), field);
    if (noticePeriod === null) return undefined;
    let rest = terms.slice(5);
    let fee: V.MoneyValue | undefined;
    let declining: V.ConvenienceValue["declining"];
    if (rest[0]?.type === "Word" && rest[0].text === "paying") {
      const money = this.money(rest.slice(1, 3));
      if (money === null) return undefined;
      fee = money;
      rest = rest.slice(3);
      const [declWord, pct, per, unit] = rest;
      if (
        declWord?.type === "Word" &&
        declWord.text === "declining" &&
        pct?.type === "Percent" &&
        per?.type === "Word" &&
        per.text === "per" &&
        unit?.type === "Word" &&
        durationUnits[unit.text]
      ) {
        const percent = this.percent(pct);
        if (percent) declining = { percent, per: durationUnits[unit.text]! };
        rest = rest.slice(4);
      }
    }
    if (!noticePeriod || rest.length > 0 || (terms[5] && !fee))
      return this.wrongType(
        { type: "convenience" },
        expression,
        field,
        "; the fee is written 'paying USD 2_000_000 declining 25% per year'",
      );
    return {
      kind: "convenience",
      party: this.context.reference(who.text, who.range, ["party"]),
      notice: noticePeriod,
      fee,
      declining,
      range: expression.range,
    };
  }

  /**
   * `VERB object? (by PARTY)? (within|for DURATION)?`, the verb and its object from the action
   * vocabulary (actions.ts). In escalation steps a word directly after the verb names the party
   * (`notify supplier`).
   */
  action(terms: Terms, field: string, escalation: boolean): V.ActionValue | undefined {
    const verb = terms[0];
    if (verb?.type !== "Word") return this.wrongType({ type: "action" }, { type: "Phrase", terms, range: termsRange(terms) }, field);
    const known = actionSpec(verb.text);
    if (escalation && !(escalationActions as readonly string[]).includes(verb.text)) {
      // A verb of the vocabulary that is no ladder step is an option outside the ladder's set (CV304);
      // a verb nobody knows is CV308, with suggestions taken from the ladder's verbs only.
      return known ? (this.enumValue(verb, escalationActions, field) as undefined) : this.unknownAction(verb, field, escalationActions);
    }
    const spec = known;
    if (!spec) return this.unknownAction(verb, field, actionVerbs);
    const object: A.Word[] = [];
    let party: V.ReferenceValue | undefined;
    let within: V.DurationValue | undefined;
    let forDuration: V.DurationValue | undefined;
    // Each part of an action is given once: a second `within`, `for` or `by` would silently replace
    // the first (CV302, with a fix removing the second).
    const given = new Map<string, A.Word>();
    const once = (keyword: A.Word, before: A.Term, last: A.Term): boolean => {
      const first = given.get(keyword.text);
      if (!first) {
        given.set(keyword.text, keyword);
        return true;
      }
      const range = span(keyword.range, last.range);
      if (first.text !== keyword.text) {
        // `notify supplier by buyer`: the word after a ladder verb already names the step's one party.
        // Which of the two the parties meant is theirs to say, so there is no fix.
        this.context.report(
          Codes.DuplicateField,
          range,
          `This step already names its party ('${first.text}'); a step names one party, so remove '${keyword.text} ${last.type === "Word" ? last.text : "…"}' or name the other party instead`,
        );
        return false;
      }
      this.context.report(
        Codes.DuplicateField,
        range,
        `'${keyword.text}' is already given in this action (line ${first.range.start.line}, column ${first.range.start.column}); give each part once`,
        [
          {
            title: `Remove the second '${keyword.text}'`,
            edits: [{ uri: this.context.uri, range: { start: before.range.end, end: last.range.end }, newText: "" }],
          },
        ],
      );
      return false;
    };
    let i = 1;
    while (i < terms.length) {
      const term = terms[i]!;
      if (term.type === "Word" && (term.text === "within" || term.text === "for")) {
        const duration = this.duration(terms.slice(i + 1, i + 3), field);
        if (duration === null) return undefined;
        if (!duration) break;
        if (!once(term, terms[i - 1]!, terms[i + 2]!)) return undefined;
        if (term.text === "within") within = duration;
        else forDuration = duration;
        i += 3;
      } else if (term.type === "Word" && term.text === "by" && terms[i + 1]?.type === "Word") {
        const who = terms[i + 1] as A.Word;
        // Resolved before the once-check, so a party named only in the second `by` is not also reported unused.
        const named = this.context.reference(who.text, who.range, ["party", "committee"]);
        if (!once(term, terms[i - 1]!, who)) return undefined;
        party = named;
        i += 2;
      } else if (term.type === "Word" && escalation && i === 1 && !party) {
        // `notify supplier`: the word after a ladder verb names the party, as `by supplier` would.
        given.set("by", term);
        party = this.context.reference(term.text, term.range, ["party", "committee"]);
        i += 1;
      } else if (term.type === "Word" && !party && !within && !forDuration) {
        object.push(term);
        i += 1;
      } else break;
    }
    if (i < terms.length) {
      this.context.report(
        Codes.WrongType,
        span(terms[i]!.range, terms[terms.length - 1]!.range),
        `Unexpected words in '${field}'; write it as ${typeWords.action}`,
      );
      return undefined;
    }
    if (!this.actionObject(verb, spec, object)) return undefined;
    return {
      kind: "action",
      verb: verb.text,
      object: object.map((word) => word.text),
      party,
      within,
      for: forDuration,
      range: termsRange(terms),
    };
  }

  /** CV308: a verb the vocabulary does not know, with the likeliest of `candidates` (the verbs allowed here) as fixes. */
  private unknownAction(verb: A.Word, field: string, candidates: readonly string[]): undefined {
    const synonyms = Object.fromEntries(Object.entries(actionSynonyms).filter(([, to]) => candidates.includes(to)));
    const near = suggestions(verb.text, candidates, synonyms);
    const options = near.length > 0 ? `; did you mean ${near.map((n) => `'${n}'`).join(" or ")}?` : "";
    this.context.report(
      Codes.UnknownAction,
      verb.range,
      `'${verb.text}' is not an action Covenant knows, so '${field}' cannot be worded${options} (actions: ${candidates.join(", ")})`,
      near.map((n) => this.replace(verb.range, n)),
    );
    return undefined;
  }

  /** CV309: the object after a known verb must be one it takes, and only one; true when it is. */
  private actionObject(verb: A.Word, spec: ActionSpec, object: readonly A.Word[]): boolean {
    const uri = this.context.uri;
    if (object.length === 0) {
      if (spec.objects.length === 0 || spec.objectOptional) return true;
      this.context.report(
        Codes.UnknownActionObject,
        verb.range,
        `'${verb.text}' needs what it applies to, such as '${verb.text} ${spec.objects[0]}' (objects: ${spec.objects.join(", ")})`,
      );
      return false;
    }
    const extra = span(object[0]!.range, object[object.length - 1]!.range);
    if (spec.objects.length === 0) {
      this.context.report(
        Codes.UnknownActionObject,
        extra,
        `'${verb.text}' takes no object; remove '${object.map((w) => w.text).join(" ")}'`,
        [
          {
            title: `Remove '${object.map((w) => w.text).join(" ")}'`,
            edits: [{ uri, range: span(verb.range, extra), newText: verb.text }],
          },
        ],
      );
      return false;
    }
    const [first, ...rest] = object;
    if (rest.length > 0) {
      this.context.report(
        Codes.UnknownActionObject,
        span(rest[0]!.range, rest[rest.length - 1]!.range),
        `'${verb.text}' takes one object; keep '${first!.text}' and remove the rest, or write another action`,
        [{ title: `Keep '${verb.text} ${first!.text}'`, edits: [{ uri, range: span(first!.range, extra), newText: first!.text }] }],
      );
      return false;
    }
    if (!spec.objects.includes(first!.text)) {
      const near = suggestions(first!.text, spec.objects);
      this.context.report(
        Codes.UnknownActionObject,
        first!.range,
        `'${verb.text}' does not take '${first!.text}'${near.length > 0 ? `; did you mean ${near.map((n) => `'${n}'`).join(" or ")}?` : ""} (objects: ${spec.objects.join(", ")})`,
        near.map((n) => this.replace(first!.range, n)),
      );
      return false;
    }
    return true;
  }

  private cause(expression: A.Expression): V.CauseValue | undefined {
    // `CONDITION cure DURATION`: the cure period ends the last phrase.
    let cure: V.DurationValue | undefined;
    let body = expression;
    const last = lastPhrase(expression);
    if (last) {
      const n = last.terms.length;
      const cureWord = last.terms[n - 3];
      if (n >= 4 && cureWord?.type === "Word" && cureWord.text === "cure") {
        const duration = this.duration(last.terms.slice(n - 2), "cause");
        if (duration === null) return undefined;
        if (duration) {
          cure = duration;
          const kept = last.terms.slice(0, n - 3);
          body = replaceLastPhrase(expression, { type: "Phrase", terms: kept, range: termsRange(kept) });
        }
      }
    }
    const condition = this.condition(body);
    return condition ? { kind: "cause", condition, cure, range: expression.range } : undefined;
  }

  /** Reads a condition; unrecognised phrases become free text (legal, but not measurable). */
  condition(expression: A.Expression): V.Condition | undefined {
    switch (expression.type) {
      case "Logical": {
        const operands = expression.operands.map((o) => this.condition(o)).filter((c): c is V.Condition => c !== undefined);
        return { form: expression.operator === "and" ? "all" : "any", operands, range: expression.range };
      }
      case "Not": {
        const operand = this.condition(expression.operand);
        return operand ? { form: "not", operand, range: expression.range } : undefined;
      }
      case "Comparison": {
        const subject = expression.left?.terms;
        if (!subject || !expression.right || subject.length !== 1 || subject[0]!.type !== "Word") {
          this.context.report(
            Codes.WrongType,
            expression.range,
            "A threshold names an event and a level, such as 'port_closure >= 72 hours'",
          );
          return undefined;
        }
        const amount = this.measure(expression.right.terms);
        if (amount === null) return undefined;
        if (!amount) {
          this.context.report(
            Codes.WrongType,
            expression.right.range,
            `Expected a level such as 72 hours or 4, but found ${describeExpression(expression.right)}`,
          );
          return undefined;
        }
        const eventWord = subject[0] as A.Word;
        return {
          form: "threshold",
          event: this.context.reference(eventWord.text, eventWord.range, ["event"]),
          operator: expression.operator,
          amount,
          range: expression.range,
        };
      }
      case "Phrase":
        return this.phraseCondition(expression);
    }
  }

  private phraseCondition(phrase: A.Phrase): V.Condition | undefined {
    const terms = phrase.terms;
    const words = terms.map((t) => (t.type === "Word" ? t.text : undefined));
    if (terms.length === 1 && terms[0]!.type === "Group") {
      const inner = terms[0]!.expression;
      return inner ? this.condition(inner) : undefined;
    }
    if (terms.length === 1 && terms[0]!.type === "Text") return { form: "text", text: terms[0]!.value, range: phrase.range };
    // breach of X (for N (consecutive)? periods)?
    if (words[0] === "breach" && words[1] === "of" && terms[2]?.type === "Word") {
      const target = this.context.reference(words[2]!, terms[2]!.range, [
        "kpi",
        "obligation",
        "commitment",
        "warranty",
        "milestone",
        "license",
      ]);
      if (terms.length === 3) return { form: "breach", target, periods: undefined, consecutive: false, range: phrase.range };
      const count = terms[4];
      if (words[3] === "for" && count?.type === "Number") {
        const consecutive = words[5] === "consecutive";
        const periodAt = consecutive ? 6 : 5;
        const periodWord = words[periodAt];
        const calendar = periodWord ? calendarPeriods[periodWord] : undefined;
        if (calendar && terms.length === periodAt + 1) {
          // `for 6 consecutive months`: breaches are counted in the measured thing's own periods, so
          // the count is restated in them when it converts exactly, and nothing is guessed otherwise.
          const written = toDecimal(count.digits);
          const measured = this.context.measurementPeriod(words[2]!);
          // A period that is itself misspelt (`period: month`) has its own finding; nothing is converted from it.
          const period = measured && (periodValues as readonly string[]).includes(measured) ? measured : undefined;
          const inPeriods = written?.isInteger() && period ? periodsIn(written.toNumber(), calendar, period) : undefined;
          const range = span(count.range, terms[periodAt]!.range);
          const asWritten = terms
            .slice(4, periodAt + 1)
            .map(termText)
            .join(" ");
          if (inPeriods !== undefined) {
            const newText = `${inPeriods}${consecutive ? " consecutive" : ""} ${inPeriods === 1 ? "period" : "periods"}`;
            this.context.report(
              Codes.WrongType,
              range,
              `A breach is counted in measurement periods (the '${period!}' periods of '${words[2]!}'), not in ${calendar}; ${asWritten} ${written!.eq(1) ? "is" : "are"} ${inPeriods} ${inPeriods === 1 ? "period" : "periods"}: write '${newText}'`,
              [{ title: `Write '${newText}'`, edits: [{ uri: this.context.uri, range, newText }] }],
            );
            return { form: "breach", target, periods: inPeriods, consecutive, range: phrase.range };
          }
          this.context.report(
            Codes.WrongType,
            range,
            period
              ? `A breach is counted in measurement periods (the '${period}' periods of '${words[2]!}'), not in ${calendar}, and ${asWritten} ${written?.eq(1) ? "is" : "are"} no whole number of them; write the count of periods ('for N${consecutive ? " consecutive" : ""} periods')`
              : `A breach is counted in measurement periods (the 'period' of what it breaches), not in ${calendar}; write the count of periods ('for N${consecutive ? " consecutive" : ""} periods')`,
          );
          return undefined;
        }
        if ((periodWord === "periods" || periodWord === "period") && terms.length === (consecutive ? 7 : 6)) {
          const periods = toDecimal(count.digits);
          if (!periods || !periods.isInteger() || periods.lt(1)) {
            this.context.report(Codes.WrongType, count.range, "The number of periods must be a whole number of at least 1");
            return undefined;
          }
          return { form: "breach", target, periods: periods.toNumber(), consecutive, range: phrase.range };
        }
      }
    }
    // insolvency of X / change_of_control of X / ... of any party
    if ((words[0] === "insolvency" || words[0] === "change_of_control") && words[1] === "of") {
      const form = words[0];
      if (terms.length === 4 && words[2] === "any" && words[3] === "party") {
        return {
          form,
          party: { kind: "reference", name: "any", byRole: true, range: span(terms[2]!.range, terms[3]!.range) },
          range: phrase.range,
        };
      }
      if (terms.length === 3 && terms[2]!.type === "Word")
        return { form, party: this.context.reference(words[2]!, terms[2]!.range, ["party"]), range: phrase.range };
    }
    // X lasting DURATION
    if (terms.length === 4 && terms[0]!.type === "Word" && words[1] === "lasting") {
      const duration = this.duration(terms.slice(2), "cause");
      if (duration === null) return undefined;
      if (duration)
        return {
          form: "lasting",
          target: this.context.reference(words[0]!, terms[0]!.range, ["force_majeure", "event"]),
          duration,
          range: phrase.range,
        };
    }
    // missed X
    if (terms.length === 2 && words[0] === "missed" && terms[1]!.type === "Word") {
      return {
        form: "missed",
        target: this.context.reference(words[1]!, terms[1]!.range, ["milestone", "obligation"]),
        range: phrase.range,
      };
    }
    this.context.report(
      Codes.WrongType,
      phrase.range,
      `Covenant does not recognise this condition; write 'breach of NAME (for N consecutive periods)', 'insolvency of PARTY', 'NAME lasting DURATION', 'missed MILESTONE', 'EVENT >= LEVEL', or free text in quotes`,
    );
    return undefined;
  }
}

/**
 * The first reading unless its shape did not fit (undefined), else the alternative. `null` means the
 * shape fitted but the value was wrong and is already reported, so it must not fall through (`??` would).
 */
function firstFitting<A, B>(first: A | undefined | null, otherwise: () => B | undefined | null): A | B | undefined | null {
  return first !== undefined ? first : otherwise();
}

function lastPhrase(expression: A.Expression): A.Phrase | undefined {
  switch (expression.type) {
    case "Phrase":
      return expression;
    case "Logical":
      return lastPhrase(expression.operands[expression.operands.length - 1]!);
    case "Not":
      return lastPhrase(expression.operand);
    case "Comparison":
      return expression.right;
  }
}

function replaceLastPhrase(expression: A.Expression, phrase: A.Phrase): A.Expression {
  switch (expression.type) {
    case "Phrase":
      return phrase;
    case "Logical":
      return {
        ...expression,
        operands: [...expression.operands.slice(0, -1), replaceLastPhrase(expression.operands[expression.operands.length - 1]!, phrase)],
      };
    case "Not":
      return { ...expression, operand: replaceLastPhrase(expression.operand, phrase) };
    case "Comparison":
      return { ...expression, right: phrase };
  }
}
