import {
  Codes,
  isTopLevelKind,
  LineMap,
  parse,
  type Comment,
  type Declaration,
  type Diagnostic,
  type Expression,
  type ImportStatement,
  type Member,
  type Name,
  type ParseResult,
  type Position,
  type SourceFile,
  type SourceRange,
  type Term,
  type TextLiteral,
} from "@covenant/core";
import { topLevelItems, type TopLevelItem } from "./positions.js";

/**
 * Incremental parsing for editor buffers. The core parses each top-level item on its own, so an
 * edit inside one declaration can only change that declaration: this re-parses the items the edit
 * touched (plus the next one, to prove the edit did not swallow it) with the core's own `parse`,
 * and moves the untouched items after it by the edit's offset and line delta. Whenever that proof
 * is not cheap and certain (syntax errors elsewhere, items not starting a line, braces that no
 * longer balance in a way that changes how the file splits into items), it parses the whole text.
 */
export class IncrementalParser {
  private readonly last = new Map<string, { readonly text: string; readonly result: ParseResult }>();
  /** How many parses reused the previous tree; for tests and the benchmark. */
  reused = 0;

  /** Parses `text` as the new content of `path`, reusing the previous tree of that path where it can. */
  readonly parse = (text: string, path: string): ParseResult => {
    const previous = this.last.get(path);
    let result = previous ? reparse(previous.text, previous.result, text, path) : undefined;
    if (result) this.reused++;
    else result = parse(text, path);
    this.last.set(path, { text, result });
    return result;
  };

  forget(path: string): void {
    this.last.delete(path);
  }
}

/** Below this many items a full parse is as fast as the bookkeeping. */
const minimumItems = 8;

/**
 * The parse of `text`, given the parse of `oldText` (the same file before an edit); undefined when
 * only a full parse is certain to be right.
 */
export function reparse(oldText: string, old: ParseResult, text: string, uri: string): ParseResult | undefined {
  if (oldText === text) return old;
  // A declaration skipped for its nesting is not an item; only a full parse places it.
  if (old.file.skipped.length > 0) return undefined;
  const items = topLevelItems(old.file);
  if (items.length < minimumItems) return undefined;

  // The changed span: what is left between the common prefix and the common suffix.
  const shorter = Math.min(oldText.length, text.length);
  let prefix = 0;
  while (prefix < shorter && oldText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix))
    suffix++;
  const changeStart = prefix;
  const oldChangeEnd = oldText.length - suffix;
  const delta = text.length - oldText.length;

  // Item k owns the text from the end of item k-1 to its own end (its leading comments and blank lines).
  const end = (k: number): number => items[k]!.range.end.offset;
  // An edit after the last item belongs to the last item's slice, which then runs to the end of the text.
  const first = Math.min(
    firstIndex(items.length, (k) => end(k) >= changeStart),
    items.length - 1,
  );
  const last = firstIndex(items.length, (k) => end(k) > oldChangeEnd);
  // `last` is the last touched item; the one after it is re-parsed too, as proof it still stands alone.
  const margin = last + 1 < items.length ? last + 1 : undefined;

  const sliceStart = first === 0 ? 0 : end(first - 1);
  const oldSliceEnd = margin !== undefined ? end(margin) : oldText.length;
  const newSliceEnd = margin !== undefined ? oldSliceEnd + delta : text.length;
  if (changeStart < sliceStart || oldChangeEnd > oldSliceEnd) return undefined;

  // Everything outside the slice must be clean, whole items that start a line.
  for (const d of old.diagnostics) if (d.range.start.offset < sliceStart || d.range.end.offset > oldSliceEnd) return undefined;
  for (let k = 0; k < items.length; k++) {
    if (k >= first && k < (margin ?? items.length)) continue;
    if (!standsAlone(items[k]!)) return undefined;
  }
  // A slice whose braces dip below zero changes how the segmenter counts depth after it.
  const braces = braceProfile(text, sliceStart, newSliceEnd);
  if (braces.balance === 0 && braces.dipped) return undefined;

  const startPosition = old.lines.positionAt(sliceStart);
  const pad = startPosition.column - 1;
  const sub = parse(" ".repeat(pad) + text.slice(sliceStart, newSliceEnd), uri);
  if (sub.diagnostics.some((d) => d.code === Codes.NestingTooDeep)) return undefined;

  const lines = new LineMap(text);
  const into: Shift = { offset: sliceStart - pad, line: startPosition.line - 1 };
  const subItems = topLevelItems(sub.file);
  if (margin !== undefined) {
    // The margin item must come out of the slice whole, where it was, with nothing reported in or after it.
    const again = subItems[subItems.length - 1];
    const expected = items[margin]!;
    const newStart = expected.range.start.offset + delta;
    if (!again || again.type !== expected.type || again.range.start.offset + into.offset !== newStart) return undefined;
    if (again.range.end.offset + into.offset !== newSliceEnd) return undefined;
    if (again.type === "Declaration" && !again.closed) return undefined;
    if (sub.diagnostics.some((d) => d.range.end.offset + into.offset > newStart)) return undefined;
  }

  const after: Shift = {
    offset: delta,
    line: margin !== undefined ? lines.positionAt(newSliceEnd).line - old.lines.positionAt(oldSliceEnd).line : 0,
  };
  const before = (item: { range: SourceRange }): boolean => item.range.end.offset <= sliceStart;
  const beyond = (item: { range: SourceRange }): boolean => item.range.start.offset >= oldSliceEnd;

  const imports = [
    ...old.file.imports.filter(before),
    ...sub.file.imports.map((i) => shiftImport(i, into)),
    ...old.file.imports.filter(beyond).map((i) => shiftImport(i, after)),
  ];
  const declarations = [
    ...old.file.declarations.filter(before),
    ...sub.file.declarations.map((d) => shiftDeclaration(d, into)),
    ...old.file.declarations.filter(beyond).map((d) => shiftDeclaration(d, after)),
  ];
  const comments = [
    ...old.file.comments.filter(before),
    ...sub.file.comments.map((c) => shiftComment(c, into)),
    ...old.file.comments.filter(beyond).map((c) => shiftComment(c, after)),
  ];
  const diagnostics = sub.diagnostics.map((d) => shiftDiagnostic(d, into));
  const file: SourceFile = {
    type: "SourceFile",
    uri,
    imports,
    declarations,
    skipped: sub.file.skipped,
    comments,
    range: lines.rangeOf(0, text.length),
  };
  return { file, diagnostics, lines };
}

/** The first index in [0, count) for which `test` holds (it must hold for all later ones), or `count`. */
function firstIndex(count: number, test: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

const alone = new WeakMap<TopLevelItem, boolean>();

/**
 * True for an item the segmenter splits off the same way whatever happens elsewhere: a closed
 * declaration or a complete import that starts its line, with no other word at the start of a line
 * that names a declaration kind (which the segmenter may take as the start of an item).
 */
function standsAlone(item: TopLevelItem): boolean {
  const known = alone.get(item);
  if (known !== undefined) return known;
  let result: boolean;
  if (item.type === "Import") result = item.path !== undefined && item.range.start.column === 1;
  else {
    result = item.closed && item.keyword.range.start.column === 1 && isTopLevelKind(item.keyword.text);
    if (result) result = !declarationHasKindAtLineStart(item, true);
  }
  alone.set(item, result);
  return result;
}

function declarationHasKindAtLineStart(declaration: Declaration, top: boolean): boolean {
  const risky = (name: Name | undefined): boolean => name !== undefined && name.range.start.column === 1 && isTopLevelKind(name.text);
  if (!top && risky(declaration.keyword)) return true;
  if (risky(declaration.name) || risky(declaration.subject)) return true;
  for (const member of declaration.members) {
    if (member.type === "Declaration") {
      if (declarationHasKindAtLineStart(member, false)) return true;
    } else if (member.type === "Field") {
      if (risky(member.name) || (member.value && expressionHasKindAtLineStart(member.value))) return true;
    } else if (
      risky(member.keyword) ||
      (member.head && expressionHasKindAtLineStart(member.head)) ||
      (member.value && expressionHasKindAtLineStart(member.value))
    )
      return true;
  }
  return false;
}

function expressionHasKindAtLineStart(expression: Expression | Term): boolean {
  switch (expression.type) {
    case "Logical":
      return expression.operands.some(expressionHasKindAtLineStart);
    case "Not":
      return expressionHasKindAtLineStart(expression.operand);
    case "Comparison":
      return (
        (!!expression.left && expressionHasKindAtLineStart(expression.left)) ||
        (!!expression.right && expressionHasKindAtLineStart(expression.right))
      );
    case "Phrase":
      return expression.terms.some(expressionHasKindAtLineStart);
    case "List":
      return expression.items.some(expressionHasKindAtLineStart);
    case "Group":
      return !!expression.expression && expressionHasKindAtLineStart(expression.expression);
    case "Word":
      return expression.range.start.column === 1 && isTopLevelKind(expression.text);
    default:
      return false;
  }
}

/**
 * Braces of `text[start, end)` outside strings and comments, as the core's lexer sees them: the
 * net balance, and whether the running count went below zero (where the segmenter clamps it).
 */
export function braceProfile(text: string, start: number, end: number): { balance: number; dipped: boolean } {
  let balance = 0;
  let dipped = false;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      i++;
      while (i < end) {
        const c = text.charCodeAt(i);
        if (c === 92 /* \ */) i++;
        else if (c === 34 || c === 10 || c === 13) break;
        i++;
      }
    } else if (ch === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < end && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (ch === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 || close >= end ? end : close + 1;
    } else if (ch === 123) balance++;
    else if (ch === 125) {
      balance--;
      if (balance < 0) dipped = true;
    }
  }
  return { balance, dipped };
}

interface Shift {
  readonly offset: number;
  readonly line: number;
}

function shiftPosition(p: Position, s: Shift): Position {
  return { offset: p.offset + s.offset, line: p.line + s.line, column: p.column };
}

function shiftRange(r: SourceRange, s: Shift): SourceRange {
  return { start: shiftPosition(r.start, s), end: shiftPosition(r.end, s) };
}

function shiftDiagnostic(d: Diagnostic, s: Shift): Diagnostic {
  return {
    ...d,
    range: shiftRange(d.range, s),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, range: shiftRange(r.range, s) })) } : {}),
    ...(d.fixes ? { fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: shiftRange(e.range, s) })) })) } : {}),
  };
}

function shiftName(n: Name, s: Shift): Name {
  return { type: "Name", text: n.text, range: shiftRange(n.range, s) };
}

function shiftText(t: TextLiteral, s: Shift): TextLiteral {
  return { type: "Text", value: t.value, raw: t.raw, range: shiftRange(t.range, s) };
}

function shiftComment(c: Comment, s: Shift): Comment {
  return { type: "Comment", style: c.style, text: c.text, range: shiftRange(c.range, s) };
}

function shiftImport(i: ImportStatement, s: Shift): ImportStatement {
  return { type: "Import", path: i.path && shiftText(i.path, s), range: shiftRange(i.range, s) };
}

function shiftDeclaration(d: Declaration, s: Shift): Declaration {
  const shifted: Declaration = {
    type: "Declaration",
    keyword: shiftName(d.keyword, s),
    name: d.name && shiftName(d.name, s),
    title: d.title && shiftText(d.title, s),
    subject: d.subject && shiftName(d.subject, s),
    members: d.members.map((m) => shiftMember(m, s)),
    doc: d.doc,
    range: shiftRange(d.range, s),
    closed: d.closed,
  };
  // A shifted item stands alone exactly when the original did.
  const known = alone.get(d);
  if (known !== undefined) alone.set(shifted, known);
  return shifted;
}

function shiftMember(m: Member, s: Shift): Member {
  switch (m.type) {
    case "Declaration":
      return shiftDeclaration(m, s);
    case "Field":
      return { type: "Field", name: shiftName(m.name, s), value: m.value && shiftExpression(m.value, s), range: shiftRange(m.range, s) };
    case "Row":
      return {
        type: "Row",
        keyword: shiftName(m.keyword, s),
        head: m.head && shiftExpression(m.head, s),
        value: m.value && shiftExpression(m.value, s),
        range: shiftRange(m.range, s),
      };
  }
}

function shiftExpression(e: Expression, s: Shift): Expression {
  switch (e.type) {
    case "Logical":
      return {
        type: "Logical",
        operator: e.operator,
        operands: e.operands.map((o) => shiftExpression(o, s)),
        range: shiftRange(e.range, s),
      };
    case "Not":
      return { type: "Not", operand: shiftExpression(e.operand, s), range: shiftRange(e.range, s) };
    case "Comparison":
      return {
        type: "Comparison",
        operator: e.operator,
        left: e.left && shiftPhrase(e.left, s),
        right: e.right && shiftPhrase(e.right, s),
        range: shiftRange(e.range, s),
      };
    case "Phrase":
      return shiftPhrase(e, s);
  }
}

function shiftPhrase(p: Extract<Expression, { type: "Phrase" }>, s: Shift): Extract<Expression, { type: "Phrase" }> {
  return { type: "Phrase", terms: p.terms.map((t) => shiftTerm(t, s)), range: shiftRange(p.range, s) };
}

function shiftTerm(t: Term, s: Shift): Term {
  switch (t.type) {
    case "Number":
      return { type: "Number", text: t.text, digits: t.digits, range: shiftRange(t.range, s) };
    case "Percent":
      return { type: "Percent", text: t.text, digits: t.digits, range: shiftRange(t.range, s) };
    case "Date":
      return { type: "Date", text: t.text, range: shiftRange(t.range, s) };
    case "Text":
      return shiftText(t, s);
    case "Word":
      return { type: "Word", text: t.text, range: shiftRange(t.range, s) };
    case "List":
      return { type: "List", items: t.items.map((i) => shiftExpression(i, s)), range: shiftRange(t.range, s) };
    case "Range":
      return {
        type: "Range",
        low: { type: "Number", text: t.low.text, digits: t.low.digits, range: shiftRange(t.low.range, s) },
        high: t.high && { type: "Number", text: t.high.text, digits: t.high.digits, range: shiftRange(t.high.range, s) },
        range: shiftRange(t.range, s),
      };
    case "Group":
      return { type: "Group", expression: t.expression && shiftExpression(t.expression, s), range: shiftRange(t.range, s) };
  }
}
