import { describe, expect, it } from "vitest";
import { displayWidth } from "../packages/compiler/src/index.js";
import type { Diagnostic } from "../packages/core/src/index.js";
import { formatCodeFrames } from "../packages/cli/src/report/code-frame.js";

/**
 * Code frames print the source line inert and put the caret under the finding by display width:
 * a line of CJK text, emoji or tabs keeps the caret in place, and control characters, terminal
 * escapes and bidirectional overrides in the source cannot act on the terminal.
 */

const uri = "/p/main.contract";

/** The code frame of one error at `column` (1-based, UTF-16) spanning `length` code units of `line`. */
function frameOf(line: string, column: number, length: number, message = "Something is wrong here"): string[] {
  const diagnostic: Diagnostic = {
    code: "CV100",
    severity: "error",
    message,
    uri,
    range: { start: { offset: column - 1, line: 1, column }, end: { offset: column - 1 + length, line: 1, column: column + length } },
  };
  return formatCodeFrames([diagnostic], new Map([[uri, `${line}\n`]]), { cwd: "/p", color: false }).split("\n");
}

/** The printed source text and the caret line, without the gutter. */
function sourceAndCaret(lines: string[]): { source: string; caret: string } {
  return { source: lines[2]!.replace(/^1 \| /, ""), caret: lines[3]!.replace(/^ {2}\| /, "") };
}

describe("code frames", () => {
  it.each([
    ["CJK before the finding", 'party soga "曽我電機株式会社" { rolle: supplier }', "rolle"],
    ["emoji before the finding", 'define x "👍🏽 ok 👨‍👩‍👧" { meens: "y" }', "meens"],
    ["combining marks before the finding", 'define x "Cafe\u0301 Ame\u0301lie\u0301" { meens: "y" }', "meens"],
    ["a tab before the finding", "\trole:\tsuplier", "suplier"],
    ["CJK in the finding", 'party soga "曽我電機" { role: 供給者 }', "供給者"],
  ])("puts the caret under the finding with %s", (_, line, word) => {
    const column = line.indexOf(word) + 1;
    const { source, caret } = sourceAndCaret(frameOf(line, column, word.length));
    const before = source.slice(0, source.indexOf(word));
    expect(caret).toBe(`${" ".repeat(displayWidth(before))}${"^".repeat(displayWidth(word))}`);
  });

  it("prints control characters, terminal escapes and bidirectional overrides in the source as U+FFFD", () => {
    const line = 'party b "\x1b[31mRed\x1b[0m \u202eCorp\x9b2J\x07" { rolle: buyer }';
    const lines = frameOf(line, line.indexOf("rolle") + 1, 5, "Unknown field 'rolle' in \x1b[2J\u202e");
    const printed = lines.join("\n");
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(printed).toContain('party b "\uFFFD[31mRed\uFFFD[0m \uFFFDCorp\uFFFD2J\uFFFD" { rolle: buyer }');
    const { source, caret } = sourceAndCaret(lines);
    expect(caret.indexOf("^")).toBe(displayWidth(source.slice(0, source.indexOf("rolle"))));
  });
});
