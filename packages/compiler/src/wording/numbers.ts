import type { Decimal } from "@covenant/core";

/**
 * Numbers as contracts write them: digits grouped in thousands ("1,200,000.00") and, for English,
 * whole numbers in words ("one hundred and eighty") for the "words and figures" style.
 */

/** Groups the integer part of a plain decimal string: `1200000.5` → `1,200,000.5`. */
export function groupDigits(plain: string, separators: { readonly group: string; readonly decimal: string }): string {
  const negative = plain.startsWith("-");
  const digits = negative ? plain.slice(1) : plain;
  const [whole = "0", fraction] = digits.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separators.group);
  return `${negative ? "-" : ""}${grouped}${fraction !== undefined ? separators.decimal + fraction : ""}`;
}

/** A decimal without exponent notation or trailing zeros: `35`, `0.25`, `-5`. */
export function plainDecimal(value: Decimal): string {
  return value.toFixed();
}

const ones = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const scales = ["", "thousand", "million", "billion", "trillion"];

/** 0 ≤ n < 1000, British style: "one hundred and eighty". */
function underThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const restWords = rest === 0 ? "" : rest < 20 ? ones[rest]! : tens[Math.floor(rest / 10)]! + (rest % 10 ? `-${ones[rest % 10]}` : "");
  if (hundreds === 0) return restWords;
  return `${ones[hundreds]} hundred${restWords ? ` and ${restWords}` : ""}`;
}

/**
 * A whole number in English words, British style: 90 → "ninety", 180 → "one hundred and eighty",
 * 360000 → "three hundred and sixty thousand", 1005 → "one thousand and five".
 * Undefined for numbers that are not whole or are too large to read aloud usefully.
 */
export function englishWords(value: Decimal): string | undefined {
  const plain = value.toFixed();
  return /^-?\d{1,15}$/.test(plain) ? wholeNumberWords(BigInt(plain)) : undefined;
}

/** A whole number (below a thousand trillion) in English words. */
export function wholeNumberWords(value: bigint): string {
  if (value < 0n) return `minus ${wholeNumberWords(-value)}`;
  if (value === 0n) return "zero";
  let n = value;
  const groups: number[] = [];
  while (n > 0n) {
    groups.push(Number(n % 1000n));
    n /= 1000n;
  }
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) continue;
    // "one thousand and five": a last group under a hundred after a larger one takes "and".
    const joiner = i === 0 && parts.length > 0 && group < 100 ? "and " : "";
    parts.push(`${joiner}${underThousand(group)}${scales[i] ? ` ${scales[i]}` : ""}`);
  }
  return parts.join(" ");
}
