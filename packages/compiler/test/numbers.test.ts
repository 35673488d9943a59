import { Decimal } from "@covenant/core";
import { describe, expect, it } from "vitest";
import { en } from "../src/wording/en.js";
import { englishWords, groupDigits } from "../src/wording/numbers.js";

const d = (n: string | number) => new Decimal(n);

describe("numbers in legal style", () => {
  it("writes whole numbers in British English words", () => {
    expect(englishWords(d(0))).toBe("zero");
    expect(englishWords(d(7))).toBe("seven");
    expect(englishWords(d(90))).toBe("ninety");
    expect(englishWords(d(98))).toBe("ninety-eight");
    expect(englishWords(d(180))).toBe("one hundred and eighty");
    expect(englishWords(d(1005))).toBe("one thousand and five");
    expect(englishWords(d(2400))).toBe("two thousand four hundred");
    expect(englishWords(d(360_000))).toBe("three hundred and sixty thousand");
    expect(englishWords(d(480_000_000))).toBe("four hundred and eighty million");
    expect(englishWords(d("0.5"))).toBeUndefined();
  });

  it("writes words and figures, and figures alone for fractions", () => {
    expect(en.values.wordsAndFigures(d(90))).toBe("ninety (90)");
    expect(en.values.wordsAndFigures(d(2400))).toBe("two thousand four hundred (2,400)");
    expect(en.values.wordsAndFigures(d("0.001"))).toBe("0.001");
    expect(en.values.percent(d(35))).toBe("thirty-five per cent (35%)");
    expect(en.values.percent(d(-5))).toBe("minus five per cent (-5%)");
    expect(en.values.percent(d("0.25"))).toBe("0.25%");
  });

  it("writes durations with singular and plural units", () => {
    const text = (phrase: unknown): string => JSON.stringify(phrase).replace(/[^a-z0-9() ]/gi, "");
    expect(text(en.values.duration({ amount: d(90), unit: "days" }))).toBe("ninety (90) days");
    expect(text(en.values.duration({ amount: d(1), unit: "years" }))).toBe("one (1) year");
  });

  it("groups digits and writes money per currency", () => {
    expect(groupDigits("1200000.00", { group: ",", decimal: "." })).toBe("1,200,000.00");
    expect(groupDigits("-5000", { group: ",", decimal: "." })).toBe("-5,000");
    expect(en.values.money("USD", "1200000.00")).toBe("USD 1,200,000.00");
    expect(en.values.money("JPY", "3500000")).toBe("JPY 3,500,000");
  });

  it("writes dates out", () => {
    expect(en.values.date(2026, 4, 1)).toBe("1 April 2026");
    expect(en.values.date(2028, 12, 31)).toBe("31 December 2028");
  });

  it("names countries as contracts do", () => {
    expect(en.values.country("JP", "Japan")).toBe("Japan");
    expect(en.values.country("CN", "People's Republic of China")).toBe("the People's Republic of China");
    expect(en.values.country("GB", "United Kingdom")).toBe("the United Kingdom");
    expect(en.values.country("US", "United States of America")).toBe("the United States of America");
    expect(en.values.country("MD", "Moldova, Republic of")).toBe("the Republic of Moldova");
    expect(en.values.country("TH", "Thailand")).toBe("Thailand");
  });
});
