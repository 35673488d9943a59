import { createToken, Lexer, type TokenType } from "chevrotain";

/**
 * The token vocabulary. Order matters: chevrotain tries patterns in array order.
 * Comments go to the `comments` group so they survive for the formatter and hover;
 * whitespace and newlines are skipped (layout is not significant in Covenant).
 */

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** `///` exactly: a divider such as `//// ----` is an ordinary comment. */
export const DocComment = createToken({ name: "DocComment", pattern: /\/\/\/(?!\/)[^\r\n]*/, group: "comments" });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\r\n]*/, group: "comments" });
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: "comments", line_breaks: true });
/** A block comment that reaches the end of the file; reported as CV102 and otherwise kept as a comment. */
export const UnterminatedBlockComment = createToken({
  name: "UnterminatedBlockComment",
  pattern: /\/\*[\s\S]*/,
  group: "comments",
  line_breaks: true,
});

/**
 * A comment in another language's style, to the end of the line: `#` or `--` anywhere, `;` or `%`
 * first on a line. Reported once as CV103 with a fix to `//` and otherwise kept as a comment, so
 * one such line never cascades into syntax errors.
 */
export const ForeignComment = createToken({
  name: "ForeignComment",
  pattern: { exec: foreignComment },
  start_chars_hint: ["#", "-", ";", "%"],
  line_breaks: false,
  group: "comments",
});

/** The opening of a foreign comment (`#`, `--`, `;`, `%`), or undefined if `image` is not one. */
export function foreignCommentOpening(image: string): string | undefined {
  return /^(#|--|;|%)/.exec(image)?.[1];
}

function foreignComment(text: string, offset: number): [string] | null {
  const ch = text.charCodeAt(offset);
  const hash = ch === 35; /* # */
  const dashes = ch === 45 /* - */ && text.charCodeAt(offset + 1) === 45;
  if (!hash && !dashes && ((ch !== 59 /* ; */ && ch !== 37) /* % */ || !firstOnLine(text, offset))) return null;
  let end = offset + 1;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return [text.slice(offset, end)];
}

function firstOnLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return true;
    // The blanks the lexer skips (see WhiteSpace), as the block scanner (blocks.ts) also reads them.
    if (ch !== 32 && ch !== 9 && ch !== 12 && ch !== 11 && ch !== 0xa0 && ch !== 0xfeff) return false;
  }
  return true;
}

/**
 * Currency symbols people write before an amount, and the ISO 4217 codes each may stand for (the
 * first unless the contract's currency is another of them): `$ 5` in a CAD contract is CAD 5.
 */
export const currencySymbols: Readonly<Record<string, readonly string[]>> = {
  "€": ["EUR"],
  "£": ["GBP"],
  $: ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN"],
  "¥": ["JPY", "CNY"],
  "₹": ["INR"],
  "₩": ["KRW"],
  "₽": ["RUB"],
  "₺": ["TRY"],
  "₪": ["ILS"],
  "₫": ["VND"],
  "฿": ["THB"],
  "₱": ["PHP"],
  "₴": ["UAH"],
  "₦": ["NGN"],
};

/**
 * A currency symbol directly before a number (`€48.50`, `$ 1_000`): lexed as a word, so the value
 * reader sees an amount, reports the symbol (CV103) with a fix to the ISO code and reads it in
 * that currency. Anywhere else the symbol is a word the field does not expect.
 */
export const CurrencySymbol = createToken({
  name: "CurrencySymbol",
  pattern: /[€£$¥₹₩₽₺₪₫฿₱₴₦](?= ?-?\d)/,
  start_chars_hint: [..."€£$¥₹₩₽₺₪₫฿₱₴₦"],
});

/** Abstract category for any double-quoted text, closed or not. */
export const Text = createToken({ name: "Text", pattern: Lexer.NA });
export const StringLiteral = createToken({ name: "StringLiteral", pattern: /"(?:[^"\\\r\n]|\\.)*"/, categories: [Text] });
/** Text with no closing quote on its line; reported as CV101 and parsed as if closed. */
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\r\n]|\\.)*\\?/, categories: [Text] });
/** Text in typographic quotes, as pasted from a word processor; reported as CV103 with a fix and read as text. */
export const CurlyString = createToken({
  name: "CurlyString",
  pattern: /[\u201c\u201d][^\u201c\u201d"\r\n]*[\u201c\u201d]/,
  categories: [Text],
});

export const DateLiteral = createToken({ name: "DateLiteral", pattern: /\d{4}-\d{2}-\d{2}(?![\d_])/ });
export const PercentLiteral = createToken({ name: "PercentLiteral", pattern: /-?\d[\d_]*(?:\.\d[\d_]*)?%/ });
/**
 * A number, also when grouped the way it is printed elsewhere: `1,200,000` or `1,200,000.50`
 * (comma groups of three digits), `1.200.000` or `1.200.000,00` and `1.200,50` (the European
 * style: dot groups, decimal comma). No value of the language is a list of numbers written without
 * spaces, so these have one reading; the lexer reports them once (CV103) with a fix to Covenant's
 * `_` grouping, and the parser reads them as meant (`covenantSpelling`). A single dot group
 * (`1.200`) is a decimal number, as in Covenant. Groups separated by spaces (`1 200 000`) are
 * separate numbers, as everywhere in the language.
 */
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern:
    /-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|[.,]\d)|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?!\d|[.,]\d)|\d{1,3}(?:\.\d{3})+,\d+(?!\d|[.,]\d)|\d[\d_]*(?:\.\d[\d_]*)?)/,
});

/** Covenant's spelling of a number grouped with commas or dots (`1,200,000.50` → `1_200_000.50`), or undefined if it is not one. */
export function covenantSpelling(image: string): string | undefined {
  const sign = image.startsWith("-") ? "-" : "";
  const body = sign ? image.slice(1) : image;
  let whole: string;
  let fraction: string | undefined;
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(body)) [whole, fraction] = body.split(".") as [string, string | undefined];
  else if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(body) && (body.includes(",") || body.split(".").length > 2))
    [whole, fraction] = body.split(",") as [string, string | undefined];
  else return undefined;
  const digits = whole.replace(/[.,]/g, "");
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, "_");
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ""}`;
}

/** Abstract category for words usable as names and inside phrases. */
export const Word = createToken({ name: "Word", pattern: Lexer.NA });
export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [Word] });

/**
 * Keywords are not lexer patterns: the lexer reads every word as an Identifier and
 * `classifyKeywords` retypes the reserved ones afterwards. One map lookup per word is much
 * cheaper than trying a keyword pattern per keyword at every word.
 */
function keyword(name: string, categories: TokenType[]): TokenType {
  return createToken({ name, pattern: Lexer.NA, categories });
}

// Hard keywords: never names, never words inside a phrase.
export const Import = keyword("Import", []);
export const And = keyword("And", []);
export const Or = keyword("Or", []);
export const Not = keyword("Not", []);
/** Row words start a row member: `tier 1 .. 9_999: USD 182.00`. */
export const RowWord = createToken({ name: "RowWord", pattern: Lexer.NA });
export const Tier = keyword("Tier", [RowWord]);
export const Royalty = keyword("Royalty", [RowWord]);
export const Trigger = keyword("Trigger", [RowWord]);
export const Step = keyword("Step", [RowWord]);
// Soft keyword: `for` introduces a declaration's subject but stays a word inside phrases.
export const For = keyword("For", [Word]);

/** The reserved words and their token types. */
export const keywords: ReadonlyMap<string, TokenType> = new Map([
  ["import", Import],
  ["and", And],
  ["or", Or],
  ["not", Not],
  ["tier", Tier],
  ["royalty", Royalty],
  ["trigger", Trigger],
  ["step", Step],
  ["for", For],
]);

export const Comparator = createToken({ name: "Comparator", pattern: Lexer.NA });
export const GreaterEqual = createToken({ name: "GreaterEqual", pattern: />=/, categories: [Comparator] });
export const LessEqual = createToken({ name: "LessEqual", pattern: /<=/, categories: [Comparator] });
export const Greater = createToken({ name: "Greater", pattern: />/, categories: [Comparator] });
export const Less = createToken({ name: "Less", pattern: /</, categories: [Comparator] });
export const Equal = createToken({ name: "Equal", pattern: /=/, categories: [Comparator] });

export const DotDot = createToken({ name: "DotDot", pattern: /\.\./ });
export const LBrace = createToken({ name: "LBrace", pattern: /\{/ });
export const RBrace = createToken({ name: "RBrace", pattern: /\}/ });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/ });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });

export const allTokens: TokenType[] = [
  WhiteSpace,
  DocComment,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  ForeignComment,
  StringLiteral,
  UnterminatedString,
  CurlyString,
  Text,
  DateLiteral,
  PercentLiteral,
  NumberLiteral,
  CurrencySymbol,
  Import,
  And,
  Or,
  Not,
  Tier,
  Royalty,
  Trigger,
  Step,
  RowWord,
  For,
  Identifier,
  Word,
  GreaterEqual,
  LessEqual,
  Greater,
  Less,
  Equal,
  Comparator,
  DotDot,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Colon,
  Comma,
];

/** How each token is named in messages for legal engineers. */
export const tokenDescriptions: Readonly<Record<string, string>> = {
  StringLiteral: "text in double quotes",
  UnterminatedString: "text in double quotes",
  CurlyString: "text in double quotes",
  Text: "text in double quotes",
  DateLiteral: "a date such as 2026-04-01",
  PercentLiteral: "a percentage such as 35%",
  NumberLiteral: "a number",
  Identifier: "a name",
  Word: "a name",
  For: "'for'",
  Import: "'import'",
  And: "'and'",
  Or: "'or'",
  Not: "'not'",
  RowWord: "a row word (tier, royalty, trigger, step)",
  Tier: "'tier'",
  Royalty: "'royalty'",
  Trigger: "'trigger'",
  Step: "'step'",
  Comparator: "a comparison such as >=",
  GreaterEqual: "'>='",
  LessEqual: "'<='",
  Greater: "'>'",
  Less: "'<'",
  Equal: "'='",
  DotDot: "'..'",
  LBrace: "an opening brace '{'",
  RBrace: "a closing brace '}'",
  LBracket: "an opening bracket '['",
  RBracket: "a closing bracket ']'",
  LParen: "an opening parenthesis '('",
  RParen: "a closing parenthesis ')'",
  Colon: "a colon ':'",
  Comma: "a comma ','",
  EOF: "the end of the file",
};
