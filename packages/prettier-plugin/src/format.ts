import { parse, type Declaration, type ImportStatement, type LineMap, type SourceFile } from "@covenant/core";
import { format, type Options } from "prettier";
import { firstSyntaxError } from "./parser.js";
import { plugin } from "./plugin.js";

/** Prettier options that change Covenant's layout. */
export interface FormatOptions {
  readonly printWidth?: number;
  readonly tabWidth?: number;
  readonly useTabs?: boolean;
  readonly endOfLine?: Options["endOfLine"];
  /** Shown in syntax errors. */
  readonly filepath?: string;
}

/** A position as the Language Server Protocol counts: 0-based line, 0-based UTF-16 character. */
export interface LspPosition {
  readonly line: number;
  readonly character: number;
}

export interface LspRange {
  readonly start: LspPosition;
  readonly end: LspPosition;
}

export interface LspTextEdit {
  readonly range: LspRange;
  readonly newText: string;
}

/** Formats a whole document with the plugin's printer; rejects with Prettier's SyntaxError on a syntax error. */
export async function formatDocument(text: string, options: FormatOptions = {}): Promise<string> {
  return format(text, { ...options, parser: "covenant", plugins: [plugin] });
}

/**
 * The edits that format a document, for the language server: one minimal edit (or none when the text
 * is already formatted). With a range, only the top-level imports and declarations that the range
 * touches are rewritten, together with the comments and blank lines just above them; the rest of the
 * document is left as it is. A document with syntax errors gets no edits (its diagnostics say why).
 * Line endings follow the document's own (`endOfLine: "auto"`) unless the options say otherwise.
 */
export async function formatEdits(text: string, range?: LspRange, options: FormatOptions = {}): Promise<LspTextEdit[]> {
  const original = parse(text, options.filepath ?? "input.contract");
  if (firstSyntaxError(original.diagnostics)) return [];
  const formattedText = await formatDocument(text, { endOfLine: "auto", ...options });
  if (formattedText === text) return [];
  const wholeEdit = edit(text, original.lines, 0, text.length, formattedText, 0, formattedText.length);
  const whole = wholeEdit ? [wholeEdit] : [];
  if (!range) return whole;

  const formatted = parse(formattedText, options.filepath ?? "input.contract");
  const before = topLevelItems(original.file);
  const after = topLevelItems(formatted.file);
  // The printer never adds or drops an item; if the two ever disagree, rewriting the whole text is still right.
  if (before.length !== after.length) return whole;

  const from = original.lines.offsetAt(range.start.line + 1, range.start.character + 1);
  const to = original.lines.offsetAt(range.end.line + 1, range.end.character + 1);
  const touched = before.flatMap((item, index) => (item.range.start.offset <= to && item.range.end.offset >= from ? [index] : []));
  if (touched.length === 0) return [];
  const first = touched[0]!;
  const last = touched[touched.length - 1]!;
  // From the end of the item before the first touched one, so that its leading comments and the blank lines above it are formatted too.
  const oldStart = first > 0 ? before[first - 1]!.range.end.offset : 0;
  const newStart = first > 0 ? after[first - 1]!.range.end.offset : 0;
  const result = edit(
    text,
    original.lines,
    oldStart,
    before[last]!.range.end.offset,
    formattedText,
    newStart,
    after[last]!.range.end.offset,
  );
  return result ? [result] : [];
}

function topLevelItems(file: SourceFile): (ImportStatement | Declaration)[] {
  return [...file.imports, ...file.declarations].sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/**
 * The smallest edit turning `oldText[oldStart, oldEnd)` into `newText[newStart, newEnd)`: the common
 * prefix and suffix are left out, never splitting a CRLF pair. Undefined when the spans are equal.
 */
function edit(
  oldText: string,
  lines: LineMap,
  oldStart: number,
  oldEnd: number,
  newText: string,
  newStart: number,
  newEnd: number,
): LspTextEdit | undefined {
  let prefix = 0;
  const maxPrefix = Math.min(oldEnd - oldStart, newEnd - newStart);
  while (prefix < maxPrefix && oldText.charCodeAt(oldStart + prefix) === newText.charCodeAt(newStart + prefix)) prefix++;
  if (prefix === oldEnd - oldStart && prefix === newEnd - newStart) return undefined;
  if (prefix > 0 && oldText.charCodeAt(oldStart + prefix - 1) === 13) prefix--;
  let suffix = 0;
  const maxSuffix = maxPrefix - prefix;
  while (suffix < maxSuffix && oldText.charCodeAt(oldEnd - 1 - suffix) === newText.charCodeAt(newEnd - 1 - suffix)) suffix++;
  if (suffix > 0 && oldText.charCodeAt(oldEnd - suffix) === 10 && oldText.charCodeAt(oldEnd - suffix - 1) === 13) suffix--;
  const start = lines.positionAt(oldStart + prefix);
  const end = lines.positionAt(oldEnd - suffix);
  return {
    range: { start: { line: start.line - 1, character: start.column - 1 }, end: { line: end.line - 1, character: end.column - 1 } },
    newText: newText.slice(newStart + prefix, newEnd - suffix),
  };
}
