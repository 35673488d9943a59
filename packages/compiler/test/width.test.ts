import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDocument, compile, displayWidth, en, renderText, wrap } from "../src/index.js";
import { checkFile, checkText, examplesDir, withAuthorText } from "./examples.js";

/**
 * Plain text is laid out in display columns: a CJK character takes two, an emoji sequence two, a
 * combining mark none. No line is wider than the width, and every row of a table is as wide as
 * its border, whatever script the names and titles are written in.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const base = buildDocument(checkFile(join(examplesDir, "supply-agreement.contract")), en);

const wideText = fc
  .array(fc.constantFrom("日本語", "中文合同", "株式会社", "한국어", "👍🏽", "👨‍👩‍👧", "e\u0301", "Å", " ", "Acme", "の", "、", "ﾃｽﾄ"), {
    minLength: 1,
    maxLength: 40,
  })
  .map((parts) => parts.join(""));

/** The tables of a text rendering: runs of lines that start (after indent) with `+` or `|`. */
function tables(out: string): string[][] {
  const found: string[][] = [];
  let current: string[] = [];
  for (const line of out.split("\n")) {
    if (/^\s*[+|]/.test(line)) current.push(line);
    else if (current.length > 0) {
      found.push(current);
      current = [];
    }
  }
  if (current.length > 0) found.push(current);
  return found;
}

describe("text layout in display columns", () => {
  it("writes no line wider than the width and keeps every table's rows as wide as its border", () => {
    fc.assert(
      fc.property(wideText, fc.integer({ min: 40, max: 120 }), (text, width) => {
        const out = renderText(withAuthorText(base, text), { width });
        for (const line of out.split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
        const found = tables(out);
        expect(found.length).toBeGreaterThan(0);
        for (const table of found) {
          const border = displayWidth(table[0]!);
          for (const row of table) expect(displayWidth(row), row).toBe(border);
        }
      }),
      { seed: 18_080, numRuns: 60 },
    );
  });

  it("cuts a run of text without spaces between characters, never inside a grapheme", () => {
    fc.assert(
      fc.property(wideText, fc.integer({ min: 2, max: 30 }), (text, width) => {
        const lines = wrap(text, width);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        const clusters = (s: string): string[] => Array.from(graphemes.segment(s), (g) => g.segment);
        const printed = (s: string): string[] => clusters(s).filter((g) => g !== " ");
        expect(lines.flatMap(printed)).toEqual(printed(text));
      }),
      { seed: 18_081, numRuns: 200 },
    );
  });

  it("the issue's case: Japanese free text and a CJK milestone title stay within 80 columns and inside the table", () => {
    const contract = `contract "E-Axle Co-Development Agreement" {
  kind: co_development
  effective: 2026-04-01
  term: 6 years
  governing_law: "Japan"
  currency: JPY
}

party soga "曽我電機株式会社" {
  role: developer
  jurisdiction: JP
}

party qingyun "青云汽车有限公司" {
  role: buyer
  jurisdiction: CN
}

define foreground_ip "成果知的財産" {
  means: "本契約に基づく開発計画の遂行においていずれかの当事者が最初に創作した発明、設計、ソフトウェア及びデータであって、両当事者の共同開発委員会が確認したもの"
}

milestone concept_freeze "コンセプト凍結（ゲート1）：モーター、SiCインバーター及び減速機の仕様確定" {
  due: 2026-09-30
  deliverable: "モーター、SiCインバーター及び減速機の仕様を含む凍結されたeアクスルのコンセプト"
  responsible: soga
  payment: JPY 150_000_000 to soga
}

milestone b_sample "Bサンプル納入（ゲート2）：量産意図型による四十台のeアクスル" {
  due: 2027-06-30
  deliverable: "量産意図型で製作した四十台のBサンプルeアクスル"
  responsible: soga
  payment: JPY 250_000_000 to soga
}
`;
    const checked = checkText(contract);
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const out = compile(checked, { to: "text", width: 80 });
    expect(out).toContain("曽我電機株式会社");
    const widest = Math.max(...out.split("\n").map(displayWidth));
    expect(widest).toBeLessThanOrEqual(80);
    const found = tables(out);
    expect(found.length).toBeGreaterThan(0);
    for (const table of found) for (const row of table) expect(displayWidth(row)).toBe(displayWidth(table[0]!));
  });
});

/**
 * Lines end only where the Unicode Line Breaking Algorithm (UAX #14) allows: never before closing
 * punctuation (classes CL, CP), an infix separator such as a comma or full stop (IS), `!` or `?`
 * (EX), or a non-starter (NS). The classes below are those of UAX #14's LineBreak.txt.
 */
describe("line breaks by UAX #14", () => {
  const notAtLineStart = new Set([
    ...")]", // CP
    ..."}）」』】〕〉》、。，．｝", // CL
    ...",.:;", // IS
    ..."!?！？", // EX
    ..."・々ーヽヾ‼⁇", // NS
  ]);
  const words = [
    "Acme",
    "Supplier",
    "company",
    "agreement",
    "日本語",
    "株式会社",
    "米ドル建て",
    "中文合同",
    "USD\u00a01,200.00",
    "well-known",
    "HMC-BC-80041-A",
  ];
  const closing = [...notAtLineStart];
  const opening = ["", "（", "「", "(", "["];
  /**
   * Text of words, each maybe opened by a bracket and followed by punctuation and a space (a CJK
   * word maybe by none: a break may come between ideographs), so no run between break
   * opportunities is wider than 20 columns.
   */
  const punctuated = fc
    .array(
      fc.tuple(
        fc.constantFrom(...opening),
        fc.constantFrom(...words),
        fc.array(fc.constantFrom(...closing), { maxLength: 2 }),
        fc.boolean(),
      ),
      { minLength: 1, maxLength: 30, size: "max" },
    )
    .map((parts) =>
      parts.map(([open, word, after, space]) => open + word + after.join("") + (space || /^[A-Za-z]/.test(word) ? " " : "")).join(""),
    );

  it("starts no line with closing punctuation, a separator, ! or ?, or a non-starter, and writes no line wider than the width", () => {
    fc.assert(
      fc.property(punctuated, fc.integer({ min: 20, max: 80 }), (text, width) => {
        const lines = wrap(text, width);
        for (const line of lines) {
          expect(displayWidth(line), line).toBeLessThanOrEqual(width);
          expect(notAtLineStart.has(Array.from(line)[0] ?? ""), `${JSON.stringify(line)} in ${JSON.stringify(lines)}`).toBe(false);
        }
        const printed = (s: string): string => s.replaceAll(/[ \u00a0]/g, "");
        expect(printed(lines.join(""))).toBe(printed(text));
      }),
      { seed: 14_014, numRuns: 400 },
    );
  });

  it("a whole plain-text contract with such author text everywhere: no line starts with one of those characters", () => {
    fc.assert(
      fc.property(punctuated, fc.integer({ min: 40, max: 100 }), (text, width) => {
        const out = renderText(withAuthorText(base, text), { width });
        for (const line of out.split("\n")) {
          expect(displayWidth(line), line).toBeLessThanOrEqual(width);
          // In a table row the cell text starts after "| ".
          const start = line.trimStart().replace(/^\| /, "");
          expect(notAtLineStart.has(Array.from(start)[0] ?? ""), line).toBe(false);
        }
      }),
      { seed: 15_015, numRuns: 30 },
    );
  });

  it("keeps a word with its comma and a CJK character with its closing bracket", () => {
    expect(wrap("supplied by the Supplier, a company", 24)).toEqual(["supplied by the", "Supplier, a company"]);
    expect(wrap("豊田合成株式会社（本社）、米ドル建て", 14)).toEqual(["豊田合成株式会", "社（本社）、米", "ドル建て"]);
    // A run wider than the line is cut, but a closing character still takes the one before it along.
    expect(wrap("字字字）、", 6)).toEqual(["字字", "字）、"]);
    expect(wrap("(HMC-BC-80041-A)", 5)).toEqual(["(HMC-", "BC-80", "041-", "A)"]);
    expect(wrap("part number HMC-BC-80041-A of the e-axle", 16)).toEqual(["part number", "HMC-BC-80041-A", "of the e-axle"]);
    expect(wrap("due: USD\u00a01,200.00 (net)", 14)).toEqual(["due:", "USD 1,200.00", "(net)"]);
  });

  it("the tester's case: a CJK party title with （）、 at --width 40 and 60 starts no line with punctuation", () => {
    const contract = `contract "Interior Safety Systems Supply Agreement" {
  kind: preferred_supply
  effective: 2026-04-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}

party supplier "豊田合成株式会社（本社、米ドル建て）" {
  role: supplier
  jurisdiction: JP
}

party buyer "IM Motors Technology Co., Ltd." {
  role: buyer
  jurisdiction: CN
}
`;
    const checked = checkText(contract);
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    for (const width of [40, 60]) {
      const out = compile(checked, { to: "text", width });
      expect(out).toContain("米ドル建て");
      for (const line of out.split("\n")) {
        expect(displayWidth(line), line).toBeLessThanOrEqual(width);
        expect(line.trimStart(), line).not.toMatch(/^[,.、。）)」]/);
      }
    }
  });
});
