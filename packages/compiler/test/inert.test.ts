import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDocument, compile, displayWidth, en, markdownParagraph, renderHtml, renderMarkdown, renderText } from "../src/index.js";
import { checkFile, checkText, examplesDir, withAuthorText } from "./examples.js";

/**
 * Author text stays inert in every output: whatever a party name, a title or a sentence holds
 * (line breaks, terminal escapes, bidirectional overrides, Markdown or HTML syntax), the output
 * has the structure it has with a plain name. Names are put into the document model directly, as
 * the core may refuse some of these characters in names: the renderers must not rely on it.
 */

const base = buildDocument(checkFile(join(examplesDir, "supply-agreement.contract")), en);

/** Characters that end or start structure in some output, and harmless ones to mix them with. */
const hostileCharacter = fc.constantFrom(
  ...["\n", "\r", "\r\n", "\t", "\v", "\f", "\u0085", "\u2028", "\u2029", "\x00", "\x1b", "\x1b[31m", "\x9b", "\x7f"],
  ...["\u202e", "\u202d", "\u2066", "\u2069", "#", "## ", "|", "*", "_", "`", "```", "[", "]", "(", ")", "<", ">", "&", "!", "~"],
  ...["-", "+", "1.", "1)", "=", "---", "    ", " ", "\\", '"', "'", "<script>", "[x](javascript:alert(1))", "&#10;"],
  ...["a", "Acme", "日本語", "👍🏽", "e\u0301", "한"],
);
const authorText = fc.oneof(
  fc.array(hostileCharacter, { maxLength: 12 }).map((parts) => parts.join("")),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const runs = { seed: 20_261_130, numRuns: 150 };

/** Line kinds a Markdown reader tells apart by the start of a line. */
function markdownLineKind(line: string): string {
  if (line === "") return "blank";
  if (/^ {4}/.test(line)) return "code";
  if (/^ {0,3}#{1,6}(\s|$)/.test(line)) return `heading${line.match(/^#+/)?.[0].length}`;
  if (/^ {0,3}\|/.test(line)) return "table";
  if (/^ {0,3}>/.test(line)) return "quote";
  if (/^ {0,3}([-+*]|\d{1,9}[.)])(\s|$)/.test(line)) return "list";
  if (/^ {0,3}([-*_=])(\s*\1){2,}\s*$/.test(line) || /^ {0,3}=+\s*$/.test(line)) return "break";
  if (/^ {0,3}(<|```|~~~)/.test(line)) return "html-or-fence";
  return "paragraph";
}

/** Characters no output may carry from author text: controls (but the line feed), and bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const inertViolations = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

describe("author text is inert in Markdown", () => {
  const benign = renderMarkdown(withAuthorText(base, "Acme"));
  const benignKinds = benign.split("\n").map(markdownLineKind);

  it("keeps every line's kind (heading, paragraph, table row, list) whatever the author wrote", () => {
    fc.assert(
      fc.property(authorText, (text) => {
        const out = renderMarkdown(withAuthorText(base, text));
        expect(out.split("\n").map(markdownLineKind)).toEqual(benignKinds);
        expect(out).not.toMatch(inertViolations);
        // With escapes taken out, no character that opens a link, an image, a code span, raw HTML or an entity is left.
        expect(out.replace(/\\[\s\S]/g, "")).not.toMatch(/[<[\]`&]/);
      }),
      runs,
    );
  });

  it("keeps a table's rows and cells: a pipe or line break in a cell ends nothing", () => {
    const cells = (md: string): number[] =>
      md
        .split("\n")
        .filter((l) => l.startsWith("|"))
        .map((l) => l.replace(/\\\\/g, "").replace(/\\\|/g, "").split("|").length);
    const benignCells = cells(benign);
    fc.assert(
      fc.property(authorText, (text) => {
        expect(cells(renderMarkdown(withAuthorText(base, text)))).toEqual(benignCells);
      }),
      runs,
    );
  });

  it("prints the issue's example as one heading's text, adding no heading or paragraph", () => {
    const name = "Acme Ltd.\n\n## 9. Signing Bonus\n\nThe Buyer shall pay the Supplier USD 1,000,000.";
    const out = renderMarkdown(withAuthorText(base, name));
    expect(out.split("\n").map(markdownLineKind)).toEqual(benignKinds);
    expect(out).not.toMatch(/^## 9\. Signing Bonus/m);
    expect(out).toContain("Acme Ltd. \\#\\# 9. Signing Bonus The Buyer shall pay");
    expect(renderText(withAuthorText(base, name))).toContain("ACME LTD. ## 9. SIGNING BONUS THE BUYER SHALL PAY");
  });

  it("escapes links, HTML and line-start markers in free text that went through the checker", () => {
    const contract = (means: string): string => `contract "Supply Agreement" {
  kind: supply
  effective: 2026-04-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}

party acme "Acme Components Ltd." {
  role: supplier
  jurisdiction: JP
}

party zen "Zen Motors Corporation" {
  role: buyer
  jurisdiction: JP
}

define bonus "Bonus" {
  means: ${JSON.stringify(means)}
}
`;
    // A line break in text is refused by the checker (CV106); what stays legal must still be inert.
    expect(checkText(contract("a sum.\n\n## 9. Signing Bonus")).diagnostics.map((d) => d.code)).toContain("CV106");
    const means = "a sum. ## 9. Signing Bonus - [click](javascript:alert(1)) <script>alert(1)</script> | x |";
    const checked = checkText(contract(means));
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const out = compile(checked, { to: "markdown" });
    const plain = compile(checkText(contract("a sum")), { to: "markdown" });
    expect(out.split("\n").map(markdownLineKind)).toEqual(plain.split("\n").map(markdownLineKind));
    expect(out).toContain("\\[click\\](javascript:alert(1)) \\<script\\>alert(1)\\</script\\> \\| x \\|");
    const html = compile(checked, { to: "html" });
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.split("<").length).toBe(compile(checkText(contract("a sum")), { to: "html" }).split("<").length);
  });
});

describe("author text is inert in plain text", () => {
  const width = 80;
  const blocks = (out: string): number => out.split("\n\n").length;
  const borders = (out: string): number => out.split("\n").filter((l) => /^\s*\+[-=+]+\+$/.test(l)).length;
  const benign = renderText(withAuthorText(base, "Acme"), { width });

  it("keeps the paragraphs and table rows, and prints no control character", () => {
    fc.assert(
      fc.property(authorText, (text) => {
        const out = renderText(withAuthorText(base, text), { width });
        expect(blocks(out)).toBe(blocks(benign));
        expect(borders(out)).toBe(borders(benign));
        expect(out).not.toMatch(inertViolations);
      }),
      runs,
    );
  });
});

describe("author text is inert in HTML", () => {
  const benign = renderHtml(withAuthorText(base, "Acme"));
  // Outside the style element (whose CSS string escapes a quote as \").
  const count = (html: string, ch: string): number => html.replace(/<style>[\s\S]*<\/style>/, "").split(ch).length - 1;

  it("adds no tag, attribute quote or entity, and no control character or override", () => {
    fc.assert(
      fc.property(authorText, (text) => {
        const out = renderHtml(withAuthorText(base, text));
        expect(count(out, "<")).toBe(count(benign, "<"));
        expect(count(out, '"')).toBe(count(benign, '"'));
        expect(out).not.toMatch(inertViolations);
      }),
      runs,
    );
  });

  it("keeps the title element and the CSS running header one line", () => {
    const out = renderHtml(withAuthorText(base, '</title><script>alert(1)</script>"\n}'));
    expect(out).toMatch(/<title>&lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot; \}.*<\/title>/);
    expect(out).toMatch(/@top-center \{ content: "\\3c \/title>\\3c script>alert\(1\)\\3c \/script>\\" \}/);
  });
});

describe("display width", () => {
  it("counts East Asian wide characters as two columns, combining marks as none", () => {
    expect(displayWidth("日本語")).toBe(6);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("Acme")).toBe(4);
  });
});

describe("markdownParagraph", () => {
  it.each([
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["1. item", "1\\. item"],
    ["12) item", "12\\) item"],
    ["---", "\\---"],
    ["===", "\\==="],
    ["    code", "code"],
    ["5.2 of the price", "5.2 of the price"],
    ["2026 was a year", "2026 was a year"],
  ])("makes %j a paragraph: %j", (line, expected) => {
    expect(markdownParagraph(line)).toBe(expected);
  });
});
