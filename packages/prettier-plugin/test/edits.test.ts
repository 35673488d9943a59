import { describe, expect, it } from "vitest";
import { formatDocument, formatEdits, type LspTextEdit } from "../src/index.js";

/** Applies LSP edits (0-based lines and UTF-16 characters) to a text. */
function applyEdits(text: string, edits: readonly LspTextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => lineStarts[p.line]! + p.character;
  let result = text;
  for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  }
  return result;
}

const messy = [
  "// header",
  'party   supplier "S" { role: supplier }',
  "",
  "",
  "/// The buyer.",
  "",
  'party buyer "B" {',
  "      role:   buyer",
  "}",
  "pricing p for x { tier 1 .. 9: USD 1 tier 10 ..: USD 2 }",
  "",
].join("\n");

describe("text edits for the language server", () => {
  it("formats a whole document with one minimal edit", async () => {
    const edits = await formatEdits(messy);
    expect(edits).toHaveLength(1);
    expect(applyEdits(messy, edits)).toBe(await formatDocument(messy));
  });

  it("returns no edits for a formatted document", async () => {
    expect(await formatEdits(await formatDocument(messy))).toEqual([]);
  });

  it("formats only the declarations a range touches, with the comments above them", async () => {
    // Line 7 (0-based) is inside `party buyer`.
    const edits = await formatEdits(messy, { start: { line: 7, character: 2 }, end: { line: 7, character: 4 } });
    const result = applyEdits(messy, edits);
    expect(result).toBe(
      [
        "// header",
        'party   supplier "S" { role: supplier }',
        "",
        "/// The buyer.",
        'party buyer "B" {',
        "  role: buyer",
        "}",
        "pricing p for x { tier 1 .. 9: USD 1 tier 10 ..: USD 2 }",
        "",
      ].join("\n"),
    );
    expect(edits.every((e) => e.range.start.line >= 1 && e.range.end.line <= 8)).toBe(true);
  });

  it("returns no edits for a range over already formatted declarations", async () => {
    const formatted = await formatDocument(messy);
    expect(await formatEdits(formatted, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } })).toEqual([]);
  });

  it("keeps a CRLF document's line endings", async () => {
    const crlf = messy.replace(/\n/g, "\r\n");
    const result = applyEdits(crlf, await formatEdits(crlf));
    expect(result).toBe((await formatDocument(messy)).replace(/\n/g, "\r\n"));
  });
});
