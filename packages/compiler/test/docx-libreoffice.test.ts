import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proseDocument, renderMarkdown, type Clause, type Document, type Inline, type ListItem } from "../src/index.js";
import { readReferenceDocx, renderDocx } from "../src/render/docx.js";
import { checkFile, exampleContracts, withAuthorText } from "./examples.js";

/**
 * Each example's Word document read by a real word processor: LibreOffice (headless) converts the
 * DOCX to PDF, and poppler's pdftotext reads the PDF back. What the Markdown prints — each clause's
 * number and heading, each sub-clause's number and title, every amount of money, every defined
 * term — must be in that text, so the numbers Word's numbering makes are the document's numbers.
 * CI installs libreoffice-writer-nogui and poppler-utils (.ci/run); there a missing tool fails the
 * test, elsewhere the suite is skipped and says why.
 */

function which(command: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const soffice = which("soffice");
const missing = [
  soffice ? undefined : "soffice",
  which("pdftotext") ? undefined : "pdftotext",
  which("pdfinfo") ? undefined : "pdfinfo",
].filter(Boolean);
const inCi = Boolean(process.env["CI"]);
const reason = `${missing.join(" and ")} not installed (apt-get install libreoffice-writer-nogui poppler-utils)`;

const work = mkdtempSync(join(tmpdir(), "covenant-docx-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The example documents, and one with hostile author text everywhere, by the name of their file. */
const documents = new Map<string, Document>();
const hostile = `<w:p>&amp;"'<evil/>`;

/**
 * Converts every .docx named (in `work`) in one LibreOffice run — to PDF, or to a .docx as
 * LibreOffice saves one — into `outdir`, with a profile of its own so that parallel runs never share one.
 */
function convert(names: readonly string[], to: "pdf" | "docx", outdir: string): void {
  const profile = mkdtempSync(join(tmpdir(), "lo-"));
  const filter = to === "pdf" ? "pdf" : "docx:MS Word 2007 XML";
  try {
    const result = spawnSync(
      soffice!,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        filter,
        "--outdir",
        outdir,
        ...names.map((n) => join(work, `${n}.docx`)),
      ],
      { encoding: "utf8", timeout: 300_000 },
    );
    for (const name of names)
      if (!existsSync(join(outdir, `${name}.${to}`)))
        throw new Error(
          `LibreOffice wrote no ${name}.${to} (exit ${result.status}${result.signal ? `, ${result.signal}` : ""}):\n${result.stderr}`,
        );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Our own document with its default font changed to `font`: a firm's template, before a word processor saves it. */
async function templateWithFont(document: Document, font: string): Promise<Uint8Array> {
  const parts = unzipSync(await renderDocx(document));
  parts["word/styles.xml"] = strToU8(
    strFromU8(parts["word/styles.xml"]!).replace(
      /(<w:rPrDefault><w:rPr><w:rFonts )[^/]*\//,
      `$1w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}" w:eastAsia="${font}"/`,
    ),
  );
  return zipSync(parts);
}

function pdfText(name: string): string {
  // -layout keeps each printed line whole: a number hanging in the gutter stays beside its text.
  return spawnSync("pdftotext", ["-layout", join(work, `${name}.pdf`), "-"], { encoding: "utf8" }).stdout;
}

function pdfPages(name: string): { pages: number; size: string } {
  const info = spawnSync("pdfinfo", [join(work, `${name}.pdf`)], { encoding: "utf8" }).stdout;
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0), size: /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? "" };
}

/** A document whose first sub-clause has two lettered lists with a paragraph between them: each list starts at (a). */
function twoListsInOneClause(base: Document): Document {
  const text = (t: string): Inline[] => [{ kind: "text", text: t }];
  const item = (t: string, items: ListItem[] = []): ListItem => ({ label: "", runs: text(t), items });
  const clause: Clause = {
    id: "lists",
    number: "1",
    title: "Lists",
    blocks: [],
    clauses: [
      {
        id: "lists.two",
        number: "1.1",
        title: "Two lists",
        blocks: [
          { kind: "paragraph", runs: text("Opening words.") },
          { kind: "list", items: [item("first list one", [item("inner one"), item("inner two")]), item("first list two")] },
          { kind: "paragraph", runs: text("Words between the lists.") },
          { kind: "list", items: [item("second list one"), item("second list two")] },
        ],
        clauses: [],
      },
      { id: "lists.after", number: "1.2", title: "After", blocks: [{ kind: "list", items: [item("third list one")] }], clauses: [] },
    ],
  };
  return { ...base, preamble: [], clauses: [clause], signatures: undefined };
}

/** Whitespace (line ends, tabs, runs of spaces) as one space: lines break where the page does. */
const flat = (text: string): string => text.replace(/\s+/g, " ");

/** What a reader must find, taken from the Markdown: clause headings, sub-clause numbers and titles, amounts, defined terms. */
function expectations(markdown: string): { headings: string[]; subClauses: string[]; amounts: string[]; terms: string[] } {
  const unescape = (s: string): string => s.replace(/\\(.)/g, "$1");
  return {
    headings: [...markdown.matchAll(/^## (\d+)\. (.+)$/gm)].map((m) => `${m[1]}. ${unescape(m[2]!)}`),
    subClauses: [...markdown.matchAll(/^\*\*(\d+\.\d+)(?: ([^*]+))?\*\*/gm)].map((m) => (m[2] ? `${m[1]} ${unescape(m[2])}` : m[1]!)),
    amounts: [...new Set([...markdown.matchAll(/\b[A-Z]{3} \d{1,3}(?:,\d{3})*(?:\.\d+)?\b/g)].map((m) => m[0]))],
    terms: [...new Set([...markdown.matchAll(/\*\*("[^*]+")\*\*/g)].map((m) => unescape(m[1]!)))],
  };
}

describe.skipIf(missing.length > 0 && !inCi)(
  missing.length > 0 ? `DOCX read by LibreOffice (skipped: ${reason})` : "DOCX read by LibreOffice",
  () => {
    beforeAll(async () => {
      if (missing.length > 0) return;
      for (const example of exampleContracts()) documents.set(basename(example, ".contract"), proseDocument(checkFile(example)));
      documents.set("hostile", withAuthorText(documents.get("supply-agreement")!, hostile));
      documents.set("lists", twoListsInOneClause(documents.get("supply-agreement")!));
      for (const [name, document] of documents) writeFileSync(join(work, `${name}.docx`), await renderDocx(document));
      const supply = documents.get("supply-agreement")!;
      writeFileSync(join(work, "letter.docx"), await renderDocx(supply, { paper: "letter" }));
      // A firm's template as a word processor saves it: LibreOffice re-saves ours with another body font.
      writeFileSync(join(work, "template.docx"), await templateWithFont(supply, "DejaVu Sans"));
      const saved = join(work, "saved");
      convert(["template"], "docx", saved);
      const reference = readReferenceDocx(readFileSync(join(saved, "template.docx")));
      if (!reference.ok) throw new Error(`LibreOffice's template is refused: ${reference.reason}`);
      writeFileSync(join(work, "styled.docx"), await renderDocx(supply, { reference: reference.reference }));
      convert([...documents.keys(), "letter", "styled"], "pdf", work);
    }, 300_000);

    it("has its tools", () => {
      expect(missing, `the DOCX test needs ${reason}; .ci/run installs them`).toEqual([]);
    });

    for (const example of exampleContracts()) {
      const name = basename(example, ".contract");
      it(`${name}: the PDF LibreOffice makes holds the Markdown's clause numbers, amounts and defined terms`, () => {
        const document = documents.get(name)!;
        const text = flat(pdfText(name));
        const { headings, subClauses, amounts, terms } = expectations(renderMarkdown(document));
        const absent = (wanted: readonly string[]): string[] => wanted.filter((w) => !text.includes(w));
        expect(headings.length).toBeGreaterThan(5);
        // Headings are set in capitals by the Heading 1 style; the PDF's text is what the page shows.
        expect(absent(headings.map((h) => h.toUpperCase())), "clause headings").toEqual([]);
        expect(subClauses.length).toBeGreaterThan(10);
        expect(absent(subClauses), "sub-clause numbers and titles").toEqual([]);
        expect(amounts.length).toBeGreaterThan(0);
        expect(absent(amounts), "amounts").toEqual([]);
        expect(terms.length).toBeGreaterThan(5);
        expect(absent(terms), "defined terms").toEqual([]);
      });

      it(`${name}: every page has the title as its header and Page N of M as its footer`, () => {
        const { pages, size } = pdfPages(name);
        expect(pages).toBeGreaterThan(1);
        expect(size).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
        const pageTexts = pdfText(name).split("\f").slice(0, pages);
        const title = documents.get(name)!.title;
        pageTexts.forEach((page, i) => {
          expect(flat(page), `page ${i + 1}`).toContain(title);
          expect(flat(page), `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages}`);
        });
      });
    }

    it("sets US Letter pages when asked", () => {
      expect(pdfPages("letter").size).toMatch(/^612 x 792 pts \(letter\)/);
    });

    it("takes the styles of a reference document a word processor saved: its body font, and our numbering", () => {
      const run = spawnSync("pdffonts", [join(work, "styled.pdf")], { encoding: "utf8" });
      console.log(run.status, run.stderr, run.error);
      const fonts = run.stdout;
      expect(fonts).toMatch(/\+DejaVuSans\s/);
      expect(spawnSync("pdffonts", [join(work, "supply-agreement.pdf")], { encoding: "utf8" }).stdout).not.toMatch(/DejaVuSans\s/);
      const text = flat(pdfText("styled"));
      const { headings, subClauses } = expectations(renderMarkdown(documents.get("supply-agreement")!));
      expect([...headings.map((h) => h.toUpperCase()), ...subClauses].filter((w) => !text.includes(w))).toEqual([]);
    });

    it("starts each lettered list at (a), a second list in one sub-clause too, with (i) inside (a)", () => {
      const text = flat(pdfText("lists"));
      for (const line of [
        "1.1 Two lists. Opening words.",
        "(a) first list one (i) inner one (ii) inner two (b) first list two",
        "Words between the lists. (a) second list one (b) second list two",
        "1.2 After. (a) third list one",
      ])
        expect(text).toContain(line);
    });

    it("prints hostile author text as the characters written", () => {
      const text = flat(pdfText("hostile"));
      expect(text).toContain(`${hostile}${documents.get("supply-agreement")!.title}${hostile}`.toUpperCase());
      expect(text).toContain(`${hostile}Interior Safety Systems Supply Agreement${hostile}`);
    });
  },
);
