import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildDocument,
  compile,
  compilePdf,
  en,
  renderPdf,
  type Block,
  type Clause,
  type Document,
  type Inline,
  type ListItem,
  type Table,
} from "../src/index.js";
import { facesFor } from "../src/render/pdf-fonts.js";
import { checkFile, checkText, exampleContracts, withAuthorText } from "./examples.js";

/**
 * `--to pdf` read back with poppler (pdftotext, pdfinfo, pdffonts): the PDF holds the document's
 * text word for word, every font is embedded, every page has the running header and "Page N of M",
 * a table longer than a page repeats its header, Japanese and Chinese are set in their faces, and
 * two builds are the same bytes. CI installs poppler-utils (.ci/run); there a missing tool fails
 * the test, elsewhere the suite is skipped and says why.
 */

function which(command: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const missing = ["pdftotext", "pdfinfo", "pdffonts"].filter((tool) => !which(tool));
const inCi = Boolean(process.env["CI"]);
const reason = `${missing.join(", ")} not installed (apt-get install poppler-utils)`;
const chromium = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : which("chromium");

const work = mkdtempSync(join(tmpdir(), "covenant-pdf-out-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function save(bytes: Uint8Array, name: string): string {
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

function pages(pdf: string): number {
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** The text of the PDF (or of one page) in the order it was laid out (`-raw`): table rows stay rows, numbers stay with their clauses. */
function pdfText(pdf: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", ...range, pdf, "-"], { encoding: "utf8" }).stdout;
}

/** pdffonts' table: one row per font with its name and whether it is embedded. */
function fonts(pdf: string): { name: string; embedded: boolean }[] {
  const lines = spawnSync("pdffonts", [pdf], { encoding: "utf8" }).stdout.split("\n").slice(2).filter(Boolean);
  // Columns: name type encoding emb sub uni object ID; the type may hold spaces, so read from the right.
  return lines.map((line) => {
    const cells = line.trim().split(/\s+/);
    return { name: cells[0]!, embedded: cells[cells.length - 5] === "yes" };
  });
}

/**
 * The text of every page without its running header (the title) and footer (Page N of M), pages
 * joined, and without the header row a table repeats at the top of a page it continues on.
 */
function bodyText(pdf: string, document: Document): string {
  const headers = new Set(tables(document).map((t) => t.columns.map((c) => c.title).join(" ")));
  const all = pdfText(pdf)
    .split("\f")
    .filter((page) => page.trim() !== "");
  const bodies = all.map((page, i) => {
    const lines = page.split("\n").filter((line) => line.trim() !== "");
    expect(lines[0], `page ${i + 1} starts with the running header`).toBe(document.title);
    expect(lines[lines.length - 1], `page ${i + 1} ends with its number`).toBe(`Page ${i + 1} of ${all.length}`);
    return lines.slice(1, -1);
  });
  return bodies
    .map((lines, i) => (i > 0 && headers.has(lines[0]!) && bodies[i - 1]!.includes(lines[0]!) ? lines.slice(1) : lines).join("\n"))
    .join("\n");
}

function tables(document: Document): Table[] {
  const inBlocks = (blocks: readonly Block[]): Table[] => blocks.filter((b): b is Table => b.kind === "table");
  const inClause = (clause: Clause): Table[] => [...inBlocks(clause.blocks), ...clause.clauses.flatMap(inClause)];
  return [...inBlocks(document.preamble), ...document.clauses.flatMap(inClause)];
}

/** The words the document prints, in reading order, from the document model: what the HTML shows. */
function modelText(document: Document): string {
  const [open, close] = document.quotes;
  const runs = (list: readonly Inline[]): string =>
    list.map((run) => (run.kind === "definition" ? open + run.term + close : run.kind === "ref" ? run.number : run.text)).join("");
  const items = (list: readonly ListItem[]): string[] => list.flatMap((item) => [`${item.label} ${runs(item.runs)}`, ...items(item.items)]);
  const block = (b: Block): string[] =>
    b.kind === "paragraph"
      ? [runs(b.runs)]
      : b.kind === "list"
        ? items(b.items)
        : [b.columns.map((c) => c.title).join(" "), ...b.rows.map((row) => row.map(runs).join(" "))];
  const out = [document.title.toUpperCase(), ...document.preamble.flatMap(block)];
  for (const clause of document.clauses) {
    out.push(`${clause.number}. ${(clause.title ?? "").toUpperCase()}`, ...clause.blocks.flatMap(block));
    for (const sub of clause.clauses) {
      const [first, ...rest] = sub.blocks;
      out.push(`${sub.number} ${sub.title ? `${sub.title}. ` : ""}`, ...(first ? block(first) : []), ...rest.flatMap(block));
    }
  }
  const s = document.signatures;
  if (s) {
    out.push(s.heading.toUpperCase(), runs(s.intro));
    for (const signatory of s.signatories)
      out.push(signatory.name, ...[s.signatureLabel, ...signatory.lines].map((l) => l.replace(/:$/, "")));
  }
  return out.join("\n");
}

/**
 * Text compared as the characters a reader sees: no white space (line breaks fall anywhere) and no
 * hyphens (a word hyphenated at the end of a line reads `Sup-plier`).
 */
const squeeze = (text: string): string => text.replace(/[\s\u00ad\u2010-]+/g, "");

describe.skipIf(missing.length > 0 && !inCi)(missing.length > 0 ? `PDF output (skipped: ${reason})` : "PDF output", () => {
  it("has its tools", () => {
    expect(missing, `the PDF test needs ${reason}; .ci/run installs them`).toEqual([]);
  });

  for (const example of exampleContracts()) {
    const name = basename(example, ".contract");
    it(`${name}: holds the document's text word for word, on numbered pages with the running header`, () => {
      const checked = checkFile(example);
      const document = buildDocument(checked, en);
      const pdf = save(compilePdf(checked), name);
      const body = bodyText(pdf, document);
      // The strong check: every character of the document, in order.
      expect(squeeze(body)).toBe(squeeze(modelText(document)));

      // And what a reader searches for, derived from the other outputs: clause headings, amounts, terms, parties.
      const flat = body.replace(/-\n/g, "").replace(/\s+/g, " ");
      const markdown = compile(checked, { to: "markdown" });
      for (const clause of document.clauses) expect(flat).toContain(`${clause.number}. ${clause.title!.toUpperCase()}`);
      const amounts = [...markdown.matchAll(/\b[A-Z]{3} \d{1,3}(?:,\d{3})*(?:\.\d+)?/g)].map((m) => m[0]);
      expect(amounts.length).toBeGreaterThan(0);
      for (const amount of amounts) expect(flat).toContain(amount);
      const terms = [...markdown.matchAll(/\*\*"([^"]+)"\*\*/g)].map((m) => m[1]!);
      expect(terms.length).toBeGreaterThan(3);
      for (const term of terms) expect(squeeze(flat)).toContain(squeeze(`"${term}"`));
      for (const party of checked.contract ? document.signatures!.signatories : []) expect(flat).toContain(party.name);
    });

    it(`${name}: embeds every font, has a bookmark per clause, and its page count is that of the HTML printed by Chromium within 30%`, () => {
      const checked = checkFile(example);
      const pdf = save(compilePdf(checked), `${name}-fonts`);
      // Each clause is a bookmark reading as its heading does (titles as PDF literal strings when plain ASCII).
      const bytes = readFileSync(pdf).toString("latin1");
      const document = buildDocument(checked, en);
      for (const clause of document.clauses) {
        const heading = `${clause.number}. ${clause.title!.toUpperCase()}`;
        if (/^[\x20-\x7e]+$/.test(heading) && !/[()\\]/.test(heading)) expect(bytes).toContain(`/Title (${heading})`);
      }
      const used = fonts(pdf);
      expect(used.map((f) => f.name).some((n) => n.includes("SourceSerif4-Regular"))).toBe(true);
      expect(used.filter((f) => !f.embedded)).toEqual([]);
      const count = pages(pdf);
      expect(count).toBeGreaterThanOrEqual(2);
      for (let page = 1; page <= count; page++) expect(pdfText(pdf, page)).toContain(`Page ${page} of ${count}`);
      if (chromium) {
        const html = join(work, `${name}.html`);
        const printed = join(work, `${name}-chromium.pdf`);
        writeFileSync(html, compile(checked, { to: "html" }));
        spawnSync(
          chromium,
          [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            `--user-data-dir=${join(work, `profile-${name}`)}`,
            "--no-pdf-header-footer",
            `--print-to-pdf=${printed}`,
            `file://${html}`,
          ],
          { timeout: 90_000 },
        );
        const reference = pages(printed);
        expect(reference).toBeGreaterThan(0);
        expect(Math.abs(count - reference) / reference, `${count} pages against Chromium's ${reference}`).toBeLessThanOrEqual(0.3);
      }
    });
  }

  it("gives the same bytes for the same contract, and Letter pages when asked", () => {
    const checked = checkFile(exampleContracts()[0]!);
    const first = compilePdf(checked);
    const second = compilePdf(checked);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(Buffer.from(first).includes("CreationDate")).toBe(false);
    const letter = save(compilePdf(checked, { paper: "letter" }), "letter");
    expect(spawnSync("pdfinfo", [letter], { encoding: "utf8" }).stdout).toMatch(/612 x 792 pts \(letter\)/);
    expect(Buffer.from(compilePdf(checked, { paper: "letter" })).equals(Buffer.from(first))).toBe(false);
  });

  it("breaks a 300-band price table across pages, header row on every page, no row split", () => {
    const tiers = Array.from({ length: 300 }, (_, i) =>
      i === 299
        ? `  tier ${i * 100 + 1}..: USD ${(500 - i).toFixed(2)}`
        : `  tier ${i * 100 + 1} .. ${(i + 1) * 100}: USD ${(500 - i).toFixed(2)}`,
    ).join("\n");
    const checked = checkText(`contract "Long Price List" {
  kind: supply
  effective: 2026-04-01
  term: 1 year
  governing_law: "England and Wales"
  currency: USD
}
party supplier "Supplier Ltd" {
  role: supplier
  jurisdiction: GB
}
party buyer "Buyer Ltd" {
  role: buyer
  jurisdiction: GB
}
product part "Part" {
  unit: piece
  supplied_by: supplier
}
pricing part_price for part {
  basis: annual_volume
${tiers}
}
`);
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const pdf = save(compilePdf(checked), "long-table");
    const count = pages(pdf);
    expect(count).toBeGreaterThanOrEqual(6);
    let tablePages = 0;
    const seen: number[] = [];
    for (let page = 1; page <= count; page++) {
      const text = pdfText(pdf, page);
      // A row reads "12 1,101 to 1,200 USD 489.00": the band, its volumes and its price on one line.
      const rows = [...text.matchAll(/^(\d+) [\d,]+ (?:to [\d,]+|or more) USD ([\d.]+)$/gm)];
      const bands = rows.map((m) => Number(m[1]));
      if (bands.length === 0) continue;
      tablePages++;
      expect(text, `page ${page} repeats the header row`).toContain("Band Annual volume (pieces) Price per piece");
      seen.push(...bands);
      // Each band's row is whole on its page and line: its own price is on it.
      for (const row of rows) expect(row[2]).toBe((501 - Number(row[1])).toFixed(2));
    }
    expect(tablePages).toBeGreaterThanOrEqual(5);
    expect([...new Set(seen)].sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it("sets Japanese and Chinese sentences in Noto Serif JP and SC, by language and by the text", () => {
    const checked = checkFile(exampleContracts()[0]!);
    const base = buildDocument(checked, en);
    const japanese = "本契約は、買主と供給者との間で締結される。";
    const chinese = "本协议由买方与供应商签订，自生效日起生效。";
    const withSentence = (language: string, sentence: string): Document => ({
      ...base,
      language,
      preamble: [{ kind: "paragraph", runs: [{ kind: "text", text: sentence }] }, ...base.preamble],
    });
    const ja = save(renderPdf(withSentence("ja", japanese)), "ja");
    // A full BCP 47 tag works as well as the bare language.
    const zh = save(renderPdf(withSentence("zh-Hans-CN", chinese)), "zh");
    const squeezeAll = (pdf: string): string => pdfText(pdf).replace(/\s+/g, "");
    expect(squeezeAll(ja)).toContain(japanese);
    expect(squeezeAll(zh)).toContain(chinese);
    expect(fonts(ja).some((f) => f.name.includes("NotoSerifJP") && f.embedded)).toBe(true);
    expect(fonts(zh).some((f) => f.name.includes("NotoSerifSC") && f.embedded)).toBe(true);
    // An English contract with Japanese and Chinese party names needs no language: the text brings the faces.
    const both = save(renderPdf(withSentence("en", `${japanese} ${chinese}`)), "en-cjk");
    expect(squeezeAll(both)).toContain(japanese + chinese);
    const names = fonts(both).map((f) => f.name);
    expect(names.some((n) => n.includes("NotoSerifJP"))).toBe(true);
    expect(names.some((n) => n.includes("NotoSerifSC"))).toBe(true);
    expect(fonts(both).filter((f) => !f.embedded)).toEqual([]);
    // An English contract without them loads neither.
    expect(fonts(save(compilePdf(checked), "en-only")).some((f) => f.name.includes("Noto"))).toBe(false);
  });

  it("prints author text as it is written: Typst syntax in names and titles is inert", () => {
    const hostile = ` #read("/etc/passwd") *bold* _em_ $x$ <lbl> @ref \\" ] ) } // /* `;
    const checked = checkFile(exampleContracts()[0]!);
    const document = withAuthorText(buildDocument(checked, en), hostile);
    const pdf = save(renderPdf(document), "hostile");
    const text = pdfText(pdf);
    expect(text).not.toContain("root:");
    expect(text.replace(/\s+/g, " ")).toContain(`#read("/etc/passwd") *bold* _em_ $x$ <lbl> @ref \\" ] ) } // /*`);
  });
});

describe("the faces a PDF needs", () => {
  const families = (language: string, text: string): string[] => facesFor(language, text).map((f) => f.family);
  it("takes Latin always, Japanese and Chinese only when the language or the text needs them", () => {
    expect(families("en", "The Supplier shall deliver.")).toEqual(["Source Serif 4"]);
    expect(families("en-GB", "Toyoda Gosei Co., Ltd. — 98% ≤ 5 €")).toEqual(["Source Serif 4"]);
    expect(families("ja", "Agreement")).toEqual(["Source Serif 4", "Noto Serif JP"]);
    expect(families("zh-Hans-CN", "Agreement")).toEqual(["Source Serif 4", "Noto Serif SC"]);
    // Kana bring the Japanese face, Han characters the Chinese one (after the Japanese, which lacks 车).
    expect(families("en", "豊田合成株式会社 トヨタ")).toEqual(["Source Serif 4", "Noto Serif JP", "Noto Serif SC"]);
    expect(families("en", "上海汽车集团")).toEqual(["Source Serif 4", "Noto Serif SC"]);
    expect(families("ja", "上海汽车集团")).toEqual(["Source Serif 4", "Noto Serif JP", "Noto Serif SC"]);
    expect(families("ja", "とよた")).toEqual(["Source Serif 4", "Noto Serif JP"]);
    expect(families("zh", "トヨタ")).toEqual(["Source Serif 4", "Noto Serif SC", "Noto Serif JP"]);
  });
});
