import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
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

  /** The printed text from the first visible character at display column `column` on (the column a caret points at). */
  const fromColumn = (printed: string, column: number): string => {
    let width = 0;
    for (const { index, segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(printed)) {
      const w = displayWidth(segment);
      // A zero-width character (U+200B) takes no column: the caret points at what follows it.
      if (width >= column && w > 0) return printed.slice(index);
      width += w;
    }
    return "";
  };
  /** A side of the line from one alphabet: mixed, wide (every unit two columns), or narrow. */
  const mixed = ["x", "更", "日本語", "👍🏽", "👨‍👩‍👧", "e\u0301", "\t", " ", "ﾃ", "\x1b[2J", "\u202e", "\u200b", "abc"];
  const side = fc
    .constantFrom(mixed, ["更", "日本語", "한"], ["x", "\t"])
    .chain((alphabet) => fc.array(fc.constantFrom(...alphabet), { maxLength: 400, size: "max" }))
    .map((parts) => parts.join(""));

  it("cuts a long line by display columns: no frame line wider than 160 columns, the caret under the finding", () => {
    fc.assert(
      fc.property(side, fc.constantFrom("rolle", "供給者", "👍🏽x"), side, (left, word, right) => {
        const lines = frameOf(`${left}${word}${right}`, left.length + 1, word.length);
        for (const line of lines.slice(1, 4)) expect(displayWidth(line), line).toBeLessThanOrEqual(160);
        const { source, caret } = sourceAndCaret(lines);
        const column = caret.indexOf("^");
        expect(fromColumn(source, column).startsWith(word), `${source}\n${caret}`).toBe(true);
        expect(caret.length - column).toBe(displayWidth(word));
      }),
      { seed: 16_016, numRuns: 300 },
    );
  });

  it("puts the caret after the end of a long line when the finding is there", () => {
    const line = "更".repeat(150);
    const { source, caret } = sourceAndCaret(frameOf(line, line.length + 1, 0));
    expect(source.startsWith("…")).toBe(true);
    expect(caret).toBe(`${" ".repeat(displayWidth(source))}^`);
    expect(displayWidth(`1 | ${caret}`)).toBeLessThanOrEqual(160);
  });

  it("the tester's case: `renewal: -1 year` followed by a comment of 300 'x' or 150 '更' prints frame lines of at most 160 columns", () => {
    const repo = join(import.meta.dirname, "..");
    const dir = mkdtempSync(join(tmpdir(), "covenant-frame-"));
    cpSync(join(repo, "examples/library"), join(dir, "library"), { recursive: true });
    const original = readFileSync(join(repo, "examples/supply-agreement.contract"), "utf8");
    for (const comment of ["x".repeat(300), "更".repeat(150)]) {
      writeFileSync(join(dir, "a.contract"), original.replace("renewal: 1 year", `renewal: -1 year // ${comment}`));
      const result = spawnSync(process.execPath, [join(repo, "packages/cli/dist/covenant.mjs"), "check", "a.contract"], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(result.status).toBe(1);
      const lines = result.stdout.split("\n");
      const source = lines.findIndex((l) => /^\s*\d+ \| .*renewal: -1 year/.test(l));
      expect(source).toBeGreaterThan(0);
      for (const l of lines.slice(source - 1, source + 2)) expect(displayWidth(l), l).toBeLessThanOrEqual(160);
      const caretColumn = lines[source + 1]!.indexOf("^");
      expect(fromColumn(lines[source]!, caretColumn)).toMatch(/^-1( year)?/);
    }
  });
});
