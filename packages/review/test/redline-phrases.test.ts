import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redlineDocx } from "../src/redline/docx-redline.js";
import { htmlSyntax } from "../src/redline/html-syntax.js";
import { markdownSyntax } from "../src/redline/markdown-syntax.js";
import { redlineLines } from "../src/redline/redline-lines.js";
import { applyChanges, trackedChanges } from "./word-changes.js";

/**
 * Replacements are grouped by phrase in every redline format: a run of changed words, separated
 * only by whitespace or by at most two unchanged words that do not end a phrase, reads as one
 * deletion followed by one insertion.
 */

const markdown = (before: string, after: string): string =>
  redlineLines(before, after, markdownSyntax)
    .map((l) => l.text)
    .join("\n");

describe("phrase grouping in the Markdown redline", () => {
  const cases: [string, string, string, string][] = [
    [
      "number words and figures",
      "notice of at least ninety (90) days.",
      "notice of at least one hundred and twenty (120) days.",
      "notice of at least ~~ninety (90)~~ **one hundred and twenty (120)** days.",
    ],
    [
      "a percentage in words and figures, glued by 'per cent'",
      "or rise by more than eight per cent (8%) from its value",
      "or rise by more than six per cent (6%) from its value",
      "or rise by more than ~~eight per cent (8%)~~ **six per cent (6%)** from its value",
    ],
    ["one word changed", "The Supplier shall deliver.", "The Buyer shall deliver.", "The ~~Supplier~~ **Buyer** shall deliver."],
    [
      "an insertion only",
      "the Buyer shall pay within thirty (30) days",
      "the Buyer shall promptly pay within thirty (30) days",
      "the Buyer shall **promptly** pay within thirty (30) days",
    ],
    [
      "a deletion only",
      "the Buyer shall promptly pay within thirty (30) days",
      "the Buyer shall pay within thirty (30) days",
      "the Buyer shall ~~promptly~~ pay within thirty (30) days",
    ],
    [
      "two separate changes in one sentence stay two",
      "The Supplier shall deliver the Products within ten (10) days of the order.",
      "The Buyer shall deliver the Products within five (5) days of the order.",
      "The ~~Supplier~~ **Buyer** shall deliver the Products within ~~ten (10)~~ **five (5)** days of the order.",
    ],
    [
      "a word ending a phrase (a comma) is never glue",
      "within ten days, then twenty days",
      "within five days, then thirty days",
      "within ~~ten~~ **five** days, then ~~twenty~~ **thirty** days",
    ],
    [
      "adjacent words replaced by a longer phrase",
      "The Supplier grants to the Buyer a non-exclusive licence to use the software in the field of battery management in China and Japan.",
      "The Supplier grants to the Buyer an exclusive licence to use the software in the field of battery management in China, Japan and the Republic of Korea.",
      "The Supplier grants to the Buyer ~~a non-exclusive~~ **an exclusive** licence to use the software in the field of battery management in ~~China and Japan.~~ **China, Japan and the Republic of Korea.**",
    ],
    [
      "cells of a table row stay apart",
      "| 2 | 10,000 to 49,999 | USD 171.50 |",
      "| 2 | 12,000 to 49,999 | USD 170.00 |",
      "| 2 | ~~10,000~~ **12,000** to 49,999 | USD ~~171.50~~ **170.00** |",
    ],
    [
      "a defined term between two changes stays unmarked",
      'the **"Buyer"** shall pay ten days',
      'a **"Buyer"** shall pay five days',
      '~~the~~ **a** **"Buyer"** shall pay ~~ten~~ **five** days',
    ],
  ];
  for (const [name, before, after, expected] of cases) {
    it(name, () => {
      expect(markdown(before, after)).toBe(expected);
    });
  }

  it("groups the same way in HTML", () => {
    const html = redlineLines(
      "<p>Either Party may terminate this Agreement by giving at least ninety (90) days' written notice to the other Party.</p>",
      "<p>Either Party may terminate this Agreement by giving at least one hundred and twenty (120) days' written notice to the other Party.</p>",
      htmlSyntax,
    );
    expect(html.map((l) => l.text)).toEqual([
      "<p>Either Party may terminate this Agreement by giving at least <del>ninety (90)</del> <ins>one hundred and twenty (120)</ins> days' written notice to the other Party.</p>",
    ]);
  });

  it("groups the same way in Word: one w:del, then one w:ins", () => {
    const xml = wordRedline(["notice of at least ninety (90) days."], ["notice of at least one hundred and twenty (120) days."]);
    expect(trackedChanges(xml).map((c) => [c.kind, c.text])).toEqual([
      ["del", "ninety (90)"],
      ["ins", "one hundred and twenty (120)"],
    ]);
  });
});

/** A vocabulary of contract words: number words and figures, words that end a phrase, a defined-term-like word. */
const word = fc.constantFrom(
  "the",
  "Buyer",
  "shall",
  "pay",
  "ninety",
  "(90)",
  "days.",
  "one",
  "hundred",
  "and",
  "twenty",
  "(120)",
  "per",
  "cent",
  "(8%)",
  "USD",
  "171.50",
  "or",
  "Japan,",
  "China;",
);
const line = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(" "));
const lines = fc.array(line, { minLength: 1, maxLength: 4 });
/** Two versions: the second often an edit of the first, so that lines pair and words are compared. */
const versions = fc
  .tuple(lines, fc.array(fc.tuple(fc.nat(3), line), { maxLength: 3 }), lines, fc.boolean())
  .map(([before, edits, other, related]) => {
    if (!related) return [before, other] as const;
    const after = [...before];
    for (const [at, text] of edits) {
      const index = at % (after.length + 1);
      const words = (after[index] ?? "").split(" ");
      const edited = [...words.slice(0, 2), ...text.split(" ").slice(0, 3), ...words.slice(4)].join(" ");
      if (index < after.length) after[index] = edited;
      else after.push(text);
    }
    return [before, after] as const;
  });
const words = (text: string): string => text.replace(/\s+/g, " ").trim();

describe("Word: a paragraph never ends with a change of the kind the next paragraph starts with", () => {
  // LibreOffice joins such changes across the unchanged paragraph mark between them, and accepting
  // or rejecting them would then merge the two paragraphs.
  const lastChange = (xml: string, index: number): string | undefined => {
    const paragraph = [...xml.matchAll(/<w:p\b[^>]*>.*?<\/w:p>/gs)][index]![0];
    return [...paragraph.matchAll(/<w:(ins|del) w:id/g)].at(-1)?.[1];
  };

  it("a replacement at the end, before an inserted paragraph, puts its deletion last", () => {
    const xml = wordRedline(
      ["a Typhoon Alert, measured by level, as published for Aichi."],
      ["a Typhoon Alert, measured by level, as published for Aichi; and", "a Flood at Plant, measured in hours."],
    );
    expect(trackedChanges(xml).map((c) => [c.kind, c.text])).toEqual([
      ["ins", "Aichi; and"],
      ["del", "Aichi."],
      ["ins", "a Flood at Plant, measured in hours."],
    ]);
    expect(lastChange(xml, 0)).toBe("del");
  });

  it("an insertion alone at the end takes the word before it in, as a replacement ending with the deletion", () => {
    const xml = wordRedline(["the Buyer shall pay the price"], ["the Buyer shall pay the price promptly", "a new paragraph of terms"]);
    expect(trackedChanges(xml).map((c) => [c.kind, c.text])).toEqual([
      ["ins", "price promptly"],
      ["del", "price"],
      ["ins", "a new paragraph of terms"],
    ]);
    expect(lastChange(xml, 0)).toBe("del");
  });

  it("a deletion alone at the end, before a deleted paragraph, becomes a replacement ending with the insertion", () => {
    const xml = wordRedline(["the Buyer shall pay the price promptly", "an old paragraph of terms"], ["the Buyer shall pay the price"]);
    expect(lastChange(xml, 0)).toBe("ins");
    expect(applyChanges(xml, "accept")).toEqual(["the Buyer shall pay the price"]);
    expect(applyChanges(xml, "reject")).toEqual(["the Buyer shall pay the price promptly", "an old paragraph of terms"]);
  });
});

describe("a redline holds both versions (property)", () => {
  it("Markdown: struck and unchanged text read the old version, bold and unchanged text the new one", () => {
    fc.assert(
      fc.property(versions, ([before, after]) => {
        const text = markdown(before.join("\n\n"), after.join("\n\n"));
        expect(words(text.replace(/\*\*(.*?)\*\*/g, " ").replace(/~~(.*?)~~/g, "$1"))).toBe(words(before.join(" ")));
        expect(words(text.replace(/~~(.*?)~~/g, " ").replace(/\*\*(.*?)\*\*/g, "$1"))).toBe(words(after.join(" ")));
      }),
      { seed: 1313, numRuns: 400 },
    );
  });

  it("HTML: <del> and unchanged text read the old version, <ins> and unchanged text the new one", () => {
    fc.assert(
      fc.property(versions, ([before, after]) => {
        const html = (ls: readonly string[]): string => ls.map((l) => `<p>${l}</p>`).join("\n");
        const text = redlineLines(html(before), html(after), htmlSyntax)
          .map((l) => l.text)
          .join("\n");
        const read = (drop: string, keep: string): string =>
          words(
            text
              .replace(new RegExp(`<${drop}>.*?</${drop}>`, "g"), " ")
              .replace(new RegExp(`</?${keep}>`, "g"), "")
              .replace(/<[^>]+>/g, " "),
          );
        expect(read("ins", "del")).toBe(words(before.join(" ")));
        expect(read("del", "ins")).toBe(words(after.join(" ")));
      }),
      { seed: 1314, numRuns: 400 },
    );
  });

  it("Word: accepting all changes gives the new paragraphs exactly, rejecting all the old ones, whatever the runs", () => {
    fc.assert(
      fc.property(versions, fc.array(fc.nat(), { maxLength: 6 }), ([before, after], cuts) => {
        const xml = wordRedline(before, after, cuts);
        expect(applyChanges(xml, "accept")).toEqual(after);
        expect(applyChanges(xml, "reject")).toEqual(before);
      }),
      { seed: 1315, numRuns: 400 },
    );
  });
});

/**
 * The Word redline of two bodies of plain paragraphs: each paragraph's text is cut into runs at
 * `cuts` (alternately plain and bold), so that words cross run boundaries.
 */
function wordRedline(before: readonly string[], after: readonly string[], cuts: readonly number[] = []): string {
  const paragraph = (text: string): string => {
    const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    const pieces: string[] = [];
    let at = 0;
    for (const point of [...points, text.length]) {
      if (point > at) pieces.push(text.slice(at, point));
      at = Math.max(at, point);
    }
    const runs = pieces.map((piece, i) => `<w:r>${i % 2 ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${piece}</w:t></w:r>`);
    return `<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr>${runs.join("")}</w:p>`;
  };
  const docx = (paragraphs: readonly string[]): Uint8Array =>
    zipSync({
      "word/document.xml": strToU8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
          .map(paragraph)
          .join("")}<w:sectPr/></w:body></w:document>`,
      ),
    });
  const redline = redlineDocx(docx(before), docx(after), { author: "Reviewer", date: "2026-05-01T09:00:00Z" });
  return strFromU8(unzipSync(redline)["word/document.xml"]!);
}

describe("backslash escapes stay with their word in the Markdown redline", () => {
  // The compiler escapes Markdown characters in author text (`\|`, `\*`, `\~`, `\\`); a redline that
  // split `\` from its character would escape its own `**` or `~~`, or read `|` as a cell border.
  it.each(["\\|", "\\*", "\\~", "\\_", "\\\\", "\\[", "\\`"])("an inserted or deleted %s is one word", (escaped) => {
    const plain = "The Start of Production milestone is due.";
    const marked = `The Start ${escaped} Production milestone is due.`;
    expect(markdown(plain, marked)).toBe(`The Start ~~of~~ **${escaped}** Production milestone is due.`);
    expect(markdown(marked, plain)).toBe(`The Start ~~${escaped}~~ **of** Production milestone is due.`);
    const glued = `The Start${escaped}Production milestone is due.`;
    expect(markdown(plain, glued)).toBe(`The ~~Start of Production~~ **Start${escaped}Production** milestone is due.`);
  });

  it("an escaped | in a table cell is text, not a border: the row keeps its shape and pairs", () => {
    const before = "| 1 | Start of Production | USD 1,200,000.00 |";
    const after = "| 1 | Start \\| Production | USD 1,200,000.00 |";
    expect(markdownSyntax.shape(after)).toBe(markdownSyntax.shape(before));
    expect(markdown(before, after)).toBe("| 1 | Start ~~of~~ **\\|** Production | USD 1,200,000.00 |");
  });
});
