import { Lexer, type ILexingResult, type IToken } from "chevrotain";
import {
  allTokens,
  keywords,
  Identifier,
  DocComment,
  BlockComment,
  UnterminatedBlockComment,
  UnterminatedString,
  StringLiteral,
  CurlyString,
  ForeignComment,
  foreignCommentOpening,
  CurrencySymbol,
  NumberLiteral,
  covenantSpelling,
} from "./tokens.js";
import type { Comment } from "./ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Codes } from "../diagnostics/codes.js";
import { tokenRange } from "./token-range.js";
import type { LineMap } from "./position.js";

let lexer: Lexer | undefined;

// Tokens carry start positions only: full tracking made lexing four times slower. Tokens of the
// main stream never span lines, so their ends follow from their length (see token-range.ts);
// comments, which may, get their ranges from the line map.

function getLexer(): Lexer {
  lexer ??= new Lexer(allTokens, { positionTracking: "onlyStart", ensureOptimizations: true, skipValidations: true });
  return lexer;
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly commentTokens: IToken[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Splits text (or the block of it from `from` to `to`, which starts a line) into tokens and
 * comments; never fails: unknown characters and unterminated text become diagnostics. Offsets and
 * lines count from the start of `text` whatever the block.
 */
export function lex(text: string, uri: string, lines: LineMap, from = 0, to = text.length): LexResult {
  // A byte-order mark is not part of the layout: lex the text after it, so that columns on line 1
  // start at 1 as in an editor, then move the offsets back to count from the start of `text`.
  const start = from === 0 && text.startsWith("\ufeff") ? 1 : from;
  const result = getLexer().tokenize(start === 0 && to === text.length ? text : text.slice(start, to));
  if (start > 0) shiftPositions(result, start, lines.positionAt(start).line - 1);
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    const shown = text.slice(error.offset, error.offset + Math.min(error.length, 20));
    const printable = [...shown]
      .map((ch) =>
        ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 0x7f || ch === "\ufffd"
          ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`
          : ch,
      )
      .join("");
    diagnostics.push({
      code: Codes.UnknownCharacter,
      severity: "error",
      message: `Unexpected character${error.length > 1 ? "s" : ""} '${printable}'${error.length > 20 ? "…" : ""}; remove ${error.length > 1 ? "them" : "it"}`,
      uri,
      range: lines.rangeOf(error.offset, error.offset + error.length),
      // A `;` ending a member, as in most programming languages, is the one stray character whose removal is surely right.
      fixes:
        shown === ";"
          ? [{ title: "Remove ';'", edits: [{ uri, range: lines.rangeOf(error.offset, error.offset + 1), newText: "" }] }]
          : undefined,
    });
  }
  const commentTokens = result.groups["comments"] ?? [];
  const comments: Comment[] = [];
  for (const token of commentTokens) {
    const style =
      token.tokenType === DocComment
        ? "doc"
        : token.tokenType === BlockComment || token.tokenType === UnterminatedBlockComment
          ? "block"
          : "line";
    comments.push({
      type: "Comment",
      style,
      text: token.image,
      range: lines.rangeOf(token.startOffset, token.startOffset + token.image.length),
    });
    if (token.tokenType === ForeignComment) {
      const opening = foreignCommentOpening(token.image) ?? token.image.slice(0, 1);
      const range = lines.rangeOf(token.startOffset, token.startOffset + opening.length);
      diagnostics.push({
        code: Codes.UnknownCharacter,
        severity: "error",
        message: `Comments start with '//' in Covenant; '${opening}' does not start a comment`,
        uri,
        range,
        fixes: [{ title: `Change '${opening}' to '//'`, edits: [{ uri, range, newText: "//" }] }],
      });
    }
    if (token.tokenType === UnterminatedBlockComment) {
      diagnostics.push({
        code: Codes.UnterminatedComment,
        severity: "error",
        message: "This comment is never closed; add '*/' where it should end",
        uri,
        range: lines.rangeOf(token.startOffset, token.startOffset + 2),
        fixes: [
          {
            title: "Close the comment at the end of the file",
            edits: [{ uri, range: lines.rangeOf(text.length, text.length), newText: " */" }],
          },
        ],
      });
    }
  }
  for (const token of result.tokens) {
    if (token.tokenType === CurrencySymbol) {
      // A word in a currency code's place: the value reader reports it where it reads an amount.
      token.tokenType = Identifier;
      token.tokenTypeIdx = Identifier.tokenTypeIdx!;
      continue;
    }
    if (token.tokenType === Identifier) {
      const keyword = keywords.get(token.image);
      if (keyword) {
        token.tokenType = keyword;
        token.tokenTypeIdx = keyword.tokenTypeIdx!;
      }
      continue;
    }
    if (token.tokenType === CurlyString) {
      const straight = `"${token.image.slice(1, -1)}"`;
      diagnostics.push({
        code: Codes.UnknownCharacter,
        severity: "error",
        message: "Typographic quotes (“ ”) do not delimit text; use straight double quotes",
        uri,
        range: tokenRange(token),
        fixes: [{ title: "Use straight quotes", edits: [{ uri, range: tokenRange(token), newText: straight }] }],
      });
      continue;
    }
    if (token.tokenType === UnterminatedString) {
      const end = token.startOffset + token.image.length;
      diagnostics.push({
        code: Codes.UnterminatedString,
        severity: "error",
        message: "This text is never closed; add '\"' before the end of the line",
        uri,
        range: tokenRange(token),
        fixes: [{ title: "Close the text", edits: [{ uri, range: lines.rangeOf(end, end), newText: '"' }] }],
      });
    }
    if (token.tokenType === NumberLiteral) {
      const spelling = covenantSpelling(token.image);
      if (spelling) {
        // `1,200,000`: one finding with the fix, and the parser reads the number as meant, so the
        // commas do not split the value into a list of findings.
        const ambiguous = /^-?\d{1,3},\d{3}$/.test(token.image)
          ? ` (or '${token.image.replace(",", ".")}' if the comma is a decimal point)`
          : "";
        diagnostics.push({
          code: Codes.UnknownCharacter,
          severity: "error",
          message: `Numbers are grouped with '_' in Covenant, and the decimal point is '.': write '${spelling}'${ambiguous}`,
          uri,
          range: tokenRange(token),
          fixes: [{ title: `Write '${spelling}'`, edits: [{ uri, range: tokenRange(token), newText: spelling }] }],
        });
      }
    }
    if (token.tokenType === StringLiteral || token.tokenType === UnterminatedString || token.tokenType === CurlyString)
      for (const d of oneLineTextFindings(token, uri, lines)) diagnostics.push(d);
    if (token.tokenType === StringLiteral || token.tokenType === UnterminatedString) {
      const escape = /\\(.)/g;
      let match: RegExpExecArray | null;
      while ((match = escape.exec(token.image)) !== null) {
        if (!'"\\n'.includes(match[1]!)) {
          const at = token.startOffset + match.index;
          diagnostics.push({
            code: Codes.InvalidEscape,
            severity: "error",
            message: `'\\${match[1]}' is not an escape Covenant knows; use \\" for a quote or \\\\ for a backslash (text is one line)`,
            uri,
            range: lines.rangeOf(at, at + 2),
          });
        }
      }
    }
  }
  return { tokens: result.tokens, commentTokens, comments, diagnostics };
}

/**
 * Line breaks inside text, written as `\n` or as a character the lexer lets through (U+2028,
 * U+2029, U+0085, vertical tab, form feed; `\` before one of them escapes nothing away). Every text
 * of the language is printed on one line (a name, a title, a sentence or a table cell), where a
 * break would start a new block in Markdown. Spans are offsets in `image`.
 */
function lineBreaksIn(image: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const isBreak = (ch: string | undefined): boolean => ch === "\u2028" || ch === "\u2029" || ch === "\u0085" || ch === "\v" || ch === "\f";
  for (let i = 0; i < image.length; i++) {
    const ch = image[i];
    if (ch === "\\") {
      const next = image[i + 1];
      if (next === "n" || isBreak(next)) spans.push({ start: i, end: i + 2 });
      i++;
    } else if (isBreak(ch)) spans.push({ start: i, end: i + 1 });
  }
  return spans;
}

/** The image with each run of line breaks (and the spaces around it) replaced by one space. */
function joinLines(image: string, spans: readonly { start: number; end: number }[]): string {
  let out = "";
  let last = 0;
  for (const span of spans) {
    if (span.start < last) continue;
    let end = span.end;
    // Take in the breaks and blanks that follow, so `a\n\nb` and `a \n b` both become `a b`.
    for (;;) {
      const blank = /^[ \t]*/.exec(image.slice(end))![0].length;
      const next = spans.find((s) => s.start === end + blank);
      if (!next) break;
      end = next.end;
    }
    end += /^[ \t]*/.exec(image.slice(end))![0].length;
    out += `${image.slice(last, span.start).replace(/[ \t]+$/, "")} `;
    last = end;
  }
  return out + image.slice(last);
}

/**
 * Characters that change how text displays without being seen, by Unicode's own properties rather
 * than a hand-made list, so that a character no list foresaw is caught too:
 * - `\p{Cc}` control characters (a tab included); the line breaks among them (U+000B, U+000C,
 *   U+0085) are CV106's, and U+000A/U+000D cannot occur inside a text token;
 * - `\p{Cf}` format characters (bidirectional embeddings, overrides and isolates — "trojan source",
 *   Unicode Technical Standard #39 and CVE-2021-42574 —, soft hyphen, zero-width space, word joiner,
 *   interlinear annotation, musical beam controls);
 * - `\p{Default_Ignorable_Code_Point}`: what Unicode says a renderer shows as nothing when it cannot
 *   show it (Unicode Standard §5.21 "Ignoring Characters in Processing", PropList.txt; UAX #31
 *   "Unicode Identifier and Pattern Syntax" §2.3 and UTS #39 exclude them from identifiers for this
 *   reason): fillers such as U+3164, the combining grapheme joiner U+034F, U+17B4, tag characters.
 * Deliberate exceptions, because names need them (UAX #31 §2.3 allows them in the same places):
 * - U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER (Persian, Indic scripts, emoji sequences);
 * - U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK, U+061C ARABIC LETTER MARK (names mixing
 *   Arabic or Hebrew with Latin text need them, and they embed nothing);
 * - variation selectors U+FE00–U+FE0F, U+E0100–U+E01EF and the Mongolian ones U+180B–U+180D, U+180F
 *   (they choose a glyph of the character before them: emoji presentation, ideograph variants);
 * - the prepended concatenation marks U+0600–U+0605, U+06DD, U+070F, U+0890–U+0891, U+08E2, U+110BD,
 *   U+110CD: format characters that are visible signs (the Arabic number sign, end of ayah);
 * - the line breaks, reported by CV106 instead.
 */
const invisibleByUnicode = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** The exceptions above, as code point ranges (first, last). */
const allowedInvisible: readonly (readonly [number, number])[] = [
  [0x000a, 0x000d], // line feed, vertical tab, form feed, carriage return: line breaks (CV106)
  [0x0085, 0x0085], // next line: a line break (CV106)
  [0x0600, 0x0605], // Arabic number signs: prepended concatenation marks, visible
  [0x061c, 0x061c], // ARABIC LETTER MARK
  [0x06dd, 0x06dd], // ARABIC END OF AYAH: visible
  [0x070f, 0x070f], // SYRIAC ABBREVIATION MARK: visible
  [0x0890, 0x0891], // Arabic pound and piastre marks above: visible
  [0x08e2, 0x08e2], // ARABIC DISPUTED END OF AYAH: visible
  [0x180b, 0x180d], // Mongolian free variation selectors
  [0x180f, 0x180f], // MONGOLIAN FREE VARIATION SELECTOR FOUR
  [0x200c, 0x200f], // ZWNJ, ZWJ, LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
  [0xfe00, 0xfe0f], // variation selectors
  [0x110bd, 0x110bd], // KAITHI NUMBER SIGN: visible
  [0x110cd, 0x110cd], // KAITHI NUMBER SIGN ABOVE: visible
  [0xe0100, 0xe01ef], // variation selectors supplement
];

const isAllowedInvisible = (ch: string): boolean => {
  const cp = ch.codePointAt(0)!;
  return allowedInvisible.some(([first, last]) => cp >= first && cp <= last);
};

/** The first character of `image` the rule above refuses, with its offset. */
function firstInvisible(image: string): { readonly index: number; readonly ch: string } | undefined {
  for (const match of image.matchAll(invisibleByUnicode)) if (!isAllowedInvisible(match[0])) return { index: match.index, ch: match[0] };
  return undefined;
}

/** `image` without the characters the rule refuses (a tab becomes a space). */
const withoutInvisible = (image: string): string =>
  image.replace(invisibleByUnicode, (ch) => (isAllowedInvisible(ch) ? ch : ch === "\t" ? " " : ""));

const characterNames: Readonly<Record<string, string>> = {
  "\t": "a tab",
  "\u202a": "LEFT-TO-RIGHT EMBEDDING",
  "\u202b": "RIGHT-TO-LEFT EMBEDDING",
  "\u202c": "POP DIRECTIONAL FORMATTING",
  "\u202d": "LEFT-TO-RIGHT OVERRIDE",
  "\u202e": "RIGHT-TO-LEFT OVERRIDE",
  "\u2066": "LEFT-TO-RIGHT ISOLATE",
  "\u2067": "RIGHT-TO-LEFT ISOLATE",
  "\u2068": "FIRST STRONG ISOLATE",
  "\u2069": "POP DIRECTIONAL ISOLATE",
  "\u200b": "ZERO WIDTH SPACE",
  "\u2060": "WORD JOINER",
  "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
  "\u00ad": "SOFT HYPHEN",
  "\u034f": "COMBINING GRAPHEME JOINER",
  "\u3164": "HANGUL FILLER",
  "\ufff9": "INTERLINEAR ANNOTATION ANCHOR",
};

/** `U+202E (RIGHT-TO-LEFT OVERRIDE)`, `U+0007`. */
function describeCharacter(ch: string): string {
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = characterNames[ch];
  return name ? `${code} (${name})` : code;
}

/** CV106 and CV107 for one text token: at most one finding of each, with a fix that repairs the whole text. */
function oneLineTextFindings(token: IToken, uri: string, lines: LineMap): Diagnostic[] {
  const image = token.image;
  const findings: Diagnostic[] = [];
  const whole = tokenRange(token);
  const breaks = lineBreaksIn(image);
  if (breaks.length > 0) {
    const at = token.startOffset + breaks[0]!.start;
    findings.push({
      code: Codes.LineBreakInText,
      severity: "error",
      message:
        "Text in Covenant is one line (names, titles and terms are printed inside sentences, headings and table cells); replace the line break by a space",
      uri,
      range: lines.rangeOf(at, token.startOffset + breaks[0]!.end),
      fixes: [{ title: "Replace line breaks by a space", edits: [{ uri, range: whole, newText: joinLines(image, breaks) }] }],
    });
  }
  const invisible = firstInvisible(image);
  if (invisible) {
    const at = token.startOffset + invisible.index;
    const repaired = withoutInvisible(image);
    findings.push({
      code: Codes.InvisibleCharacterInText,
      severity: "error",
      message: `This text holds ${describeCharacter(invisible.ch)}, which changes how the text shows without being seen; remove it`,
      uri,
      range: lines.rangeOf(at, at + invisible.ch.length),
      fixes: [{ title: "Remove invisible characters", edits: [{ uri, range: whole, newText: repaired }] }],
    });
  }
  return findings;
}

/** Moves what the lexer found in a block (or after a byte-order mark) to its place in the whole text. */
function shiftPositions(result: ILexingResult, offset: number, lines: number): void {
  const shift = (token: IToken): void => {
    token.startOffset += offset;
    if (token.endOffset !== undefined) token.endOffset += offset;
    if (token.startLine !== undefined) token.startLine += lines;
  };
  result.tokens.forEach(shift);
  result.groups["comments"]?.forEach(shift);
  for (const error of result.errors) {
    error.offset += offset;
    if (error.line !== undefined) error.line += lines;
  }
}

/** Resolves the escapes of a text token (`\"`, `\\`, `\n`) and strips its quotes. */
export function unquote(image: string): string {
  if (image.startsWith("\u201c") || image.startsWith("\u201d")) return image.slice(1, -1);
  const closed = image.length >= 2 && image.endsWith('"') && !image.endsWith('\\"');
  const body = image.slice(1, closed ? -1 : undefined);
  return body.replace(/\\(.)/g, (_, ch: string) => (ch === "n" ? "\n" : ch));
}
