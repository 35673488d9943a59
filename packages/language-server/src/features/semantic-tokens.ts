import {
  durationUnits,
  actionVerbs,
  isTopLevelKind,
  quantityUnits,
  roundingModes,
  shareBases,
  type Declaration,
  type Expression,
  type SourceRange,
  type Term,
  type ValueType,
} from "@covenant/core";
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams, SemanticTokensRangeParams } from "vscode-languageserver";
import type { ParsedView } from "../documents.js";
import { lastStartingBefore, topLevelItems } from "../positions.js";
import { schemaOf } from "./schema-lookup.js";

/**
 * Semantic tokens from the parse alone (they colour the text before checking is done): kinds and
 * row words are keywords, declaration names and the names that refer to them are classes, field
 * names properties, enum values and codes enum members, units types, literals numbers and strings.
 * Which word of a value is which follows the field's type in the kind schema. Comments are left to
 * the TextMate grammar. Tokens come out in source order from one walk, so the work is linear.
 */

export const tokenTypes = ["keyword", "class", "property", "enumMember", "type", "number", "string"] as const;
export const tokenModifiers = ["declaration", "readonly"] as const;
export const legend: SemanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

type TokenType = (typeof tokenTypes)[number];
const typeIndex = Object.fromEntries(tokenTypes.map((t, i) => [t, i])) as Record<TokenType, number>;
const declarationModifier = 1;

/** Words that connect the parts of a phrase (`0.5% of invoice`, `corrective_action within 10 days`). */
const connectives = new Set([
  "of",
  "to",
  "by",
  "within",
  "for",
  "per",
  "below",
  "above",
  "target",
  "with",
  "notice",
  "lasting",
  "missed",
  "breach",
  "insolvency",
  "change_of_control",
  "cure",
  "consecutive",
  "periods",
  "period",
  "day",
  "every",
  "decimals",
  "decimal",
  "paying",
  "declining",
  "expiring",
  "credit",
  "any",
  "party",
  "fault",
  "worldwide",
  "perpetual",
  "true",
  "false",
  "and",
  "or",
  "not",
]);
const units = new Set([...quantityUnits, ...Object.keys(durationUnits)]);
const enumWords = new Set<string>([...actionVerbs, ...roundingModes, ...shareBases]);

export function semanticTokens(view: ParsedView, _params: SemanticTokensParams): SemanticTokens {
  return { data: encode(view, 0, Infinity) };
}

export function semanticTokensRange(view: ParsedView, params: SemanticTokensRangeParams): SemanticTokens {
  const { lines } = view.parsed;
  const from = lines.offsetAt(params.range.start.line + 1, params.range.start.character + 1);
  const to = lines.offsetAt(params.range.end.line + 1, params.range.end.character + 1);
  return { data: encode(view, from, to) };
}

function encode(view: ParsedView, from: number, to: number): number[] {
  const { file, text } = view.parsed;
  const data: number[] = [];
  let lastLine = 0;
  let lastChar = 0;
  const push = (range: SourceRange, type: TokenType, modifiers = 0): void => {
    if (range.end.offset <= range.start.offset || range.start.line !== range.end.line) return;
    if (range.end.offset < from || range.start.offset > to) return;
    const line = range.start.line - 1;
    const char = range.start.column - 1;
    data.push(
      line - lastLine,
      line === lastLine ? char - lastChar : char,
      range.end.offset - range.start.offset,
      typeIndex[type],
      modifiers,
    );
    lastLine = line;
    lastChar = char;
  };

  const items = topLevelItems(file);
  // Start at the item that holds `from`, stop past `to`.
  const start = from > 0 ? lastStartingBefore(items, from) : undefined;
  for (let i = start ? items.indexOf(start) : 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.range.start.offset > to) break;
    if (item.type === "Import") {
      push(
        { start: item.range.start, end: { ...item.range.start, offset: item.range.start.offset + 6, column: item.range.start.column + 6 } },
        "keyword",
      );
      if (item.path) push(item.path.range, "string");
    } else declaration(item, [item]);
  }
  return data;

  function declaration(d: Declaration, chain: readonly Declaration[]): void {
    const schema = schemaOf(chain);
    push(d.keyword.range, "keyword");
    if (d.name) push(d.name.range, "class", declarationModifier);
    if (d.title) push(d.title.range, "string");
    if (d.subject) {
      // `for` sits between the header part before it and the subject, usually on the same line.
      const subject = d.subject.range.start;
      const at = text.lastIndexOf("for", subject.offset - 1);
      if (at >= (d.title ?? d.name ?? d.keyword).range.end.offset && !/[\r\n]/.test(text.slice(at, subject.offset))) {
        const column = subject.column - (subject.offset - at);
        push(
          { start: { offset: at, line: subject.line, column }, end: { offset: at + 3, line: subject.line, column: column + 3 } },
          "keyword",
        );
      }
      push(d.subject.range, "class");
    }
    for (const member of d.members) {
      if (member.type === "Declaration") declaration(member, [...chain, member]);
      else if (member.type === "Field") {
        push(member.name.range, "property");
        if (member.value) expression(member.value, schema?.fields[member.name.text]?.value);
      } else {
        push(member.keyword.range, "keyword");
        if (member.head) expression(member.head, member.keyword.text === "trigger" ? { type: "reference", kinds: ["event"] } : undefined);
        if (member.value) expression(member.value, member.keyword.text === "step" ? { type: "action" } : undefined);
      }
    }
  }

  function expression(e: Expression | Term, type: ValueType | undefined): void {
    switch (e.type) {
      case "Logical":
        for (const operand of e.operands) expression(operand, type);
        return;
      case "Not":
        expression(e.operand, type);
        return;
      case "Comparison":
        if (e.left) expression(e.left, type);
        if (e.right) expression(e.right, type);
        return;
      case "Phrase":
        for (const term of e.terms) expression(term, type);
        return;
      case "List":
        for (const item of e.items) expression(item, type?.type === "list" ? type.of : type);
        return;
      case "Group":
        if (e.expression) expression(e.expression, type);
        return;
      case "Range":
        push(e.low.range, "number");
        if (e.high) push(e.high.range, "number");
        return;
      case "Number":
      case "Percent":
      case "Date":
        push(e.range, "number");
        return;
      case "Text":
        push(e.range, "string");
        return;
      case "Word":
        push(e.range, wordType(e.text, type));
    }
  }
}

/** What a word in a value is, from the field's type and the language's fixed vocabularies. */
function wordType(word: string, type: ValueType | undefined): TokenType {
  if (type?.type === "enum" && type.values.includes(word)) return "enumMember";
  if (type?.type === "bool") return "keyword";
  if (type?.type === "reference") return "class";
  if (/^[A-Z]{2,3}$/.test(word)) return "enumMember";
  if (connectives.has(word)) return "keyword";
  if (type?.type === "unit" || units.has(word)) return "type";
  if (enumWords.has(word) || isTopLevelKind(word)) return "enumMember";
  return "class";
}
