import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { proseDocument, renderMarkdown, type Clause, type Document } from "../src/index.js";
import { readReferenceDocx, renderDocx, type DocxOptions } from "../src/render/docx.js";
import { checkFile, checkText, exampleContracts, withAuthorText } from "./examples.js";

/**
 * The Word document as a package: unzipped, and its parts read as XML text. These tests assert
 * structure (no binary goldens: a .docx is a zip); docx-libreoffice.test.ts reads it with a real
 * word processor.
 */

type Parts = Record<string, string>;

async function docxParts(document: Document, options: DocxOptions = {}): Promise<Parts> {
  const unzipped = unzipSync(await renderDocx(document, options));
  return Object.fromEntries(Object.entries(unzipped).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const documents = new Map<string, Document>();
function exampleDocument(name = "supply-agreement"): Document {
  let document = documents.get(name);
  if (!document) {
    const path = exampleContracts().find((p) => basename(p, ".contract") === name)!;
    document = proseDocument(checkFile(path));
    documents.set(name, document);
  }
  return document;
}

/** Every `<w:p>` of a part with its XML, in order. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

/** The text of a paragraph, as a reader sees it (field codes left out). */
function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join("");
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!);
}

/** The numbering of a paragraph: its list (`w:numId`) and level (`w:ilvl`), or undefined. */
function numberingOf(paragraph: string): { numId: string; level: number } | undefined {
  const match = /<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(paragraph);
  return match ? { level: Number(match[1]), numId: match[2]! } : undefined;
}

function styleOf(paragraph: string): string | undefined {
  return /<w:pStyle w:val="([^"]+)"\/>/.exec(paragraph)?.[1];
}

/** The `<w:style>` element of a style id in styles.xml. */
function style(styles: string, id: string): string {
  const match = new RegExp(`<w:style\\s[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  if (!match) throw new Error(`styles.xml has no style ${id}`);
  return match[0];
}

describe("DOCX structure", () => {
  it("numbers clauses with Word's own multilevel list: 1., 1.1, (a), (i), never typed numbers", async () => {
    const parts = await docxParts(exampleDocument());
    const numbering = parts["word/numbering.xml"]!;
    const clauses = /<w:abstractNum\b[^>]*>(?:(?!<\/w:abstractNum>)[\s\S])*?<w:lvlText w:val="%1\."\/>[\s\S]*?<\/w:abstractNum>/.exec(
      numbering,
    )?.[0];
    expect(clauses, "a numbering definition whose first level is %1.").toBeDefined();
    const levels = [
      ...clauses!.matchAll(/<w:lvl w:ilvl="(\d)"[^>]*>[\s\S]*?<w:numFmt w:val="(\w+)"\/>[\s\S]*?<w:lvlText w:val="([^"]*)"\/>/g),
    ].map((m) => [Number(m[1]), m[2], m[3]]);
    expect(levels).toEqual([
      [0, "decimal", "%1."],
      [1, "decimal", "%1.%2"],
      [2, "lowerLetter", "(%3)"],
      [3, "lowerRoman", "(%4)"],
    ]);

    const body = paragraphs(parts["word/document.xml"]!);
    const headings = body.filter((p) => styleOf(p) === "Heading1" && numberingOf(p));
    const document = exampleDocument();
    expect(headings.map(paragraphText)).toEqual(document.clauses.map((c) => c.title));
    expect(headings.every((p) => numberingOf(p)!.level === 0)).toBe(true);
    const clauseList = numberingOf(headings[0]!)!.numId;
    expect(headings.every((p) => numberingOf(p)!.numId === clauseList)).toBe(true);
    const subClauses = body.filter((p) => styleOf(p) === "SubClause");
    expect(subClauses).toHaveLength(document.clauses.reduce((n, c) => n + c.clauses.length, 0));
    expect(subClauses.every((p) => numberingOf(p)?.level === 1 && numberingOf(p)?.numId === clauseList)).toBe(true);
    // No paragraph starts with a typed clause number or item label.
    for (const p of [...headings, ...subClauses, ...body.filter((p) => styleOf(p) === "ClauseItem")])
      expect(paragraphText(p)).not.toMatch(/^\s*(\d+(\.\d+)*\.?\s|\([a-z]+\)\s)/);
    const items = body.filter((p) => styleOf(p) === "ClauseItem");
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((p) => numberingOf(p) !== undefined)).toBe(true);
  });

  it("puts every lettered item of the examples into Word's numbering, as many as the Markdown letters", async () => {
    for (const example of exampleContracts()) {
      const name = basename(example, ".contract");
      const document = exampleDocument(name);
      const body = paragraphs((await docxParts(document))["word/document.xml"]!);
      const numbered = body.filter((p) => (styleOf(p) === "ClauseItem" || styleOf(p) === "ClauseSubItem") && numberingOf(p));
      const markdownItems = renderMarkdown(document)
        .split("\n")
        .filter((line) => /^\s*\((?:[a-z]+)\)\s/.test(line));
      expect(numbered.length, name).toBe(markdownItems.length);
    }
  });

  it("prints defined terms where defined in the Defined Term character style, which is bold", async () => {
    const parts = await docxParts(exampleDocument());
    expect(style(parts["word/styles.xml"]!, "DefinedTerm")).toMatch(
      /w:type="character"[\s\S]*<w:name w:val="Defined Term"\/>[\s\S]*<w:b\/>/,
    );
    const defined = [
      ...parts["word/document.xml"]!.matchAll(/<w:r><w:rPr><w:rStyle w:val="DefinedTerm"\/><\/w:rPr><w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g),
    ].map((m) => unescapeXml(m[1]!));
    expect(defined).toContain('"Supplier"');
    expect(defined).toContain('"Effective Date"');
    // Each term the Markdown prints in bold where it is defined is a Defined Term run.
    const markdownDefined = [...renderMarkdown(exampleDocument()).matchAll(/\*\*("[^*]+")\*\*/g)].map((m) => m[1]!.replace(/\\/g, ""));
    expect(new Set(defined)).toEqual(new Set(markdownDefined));
  });

  it("has the named styles a firm restyles", async () => {
    const styles = (await docxParts(exampleDocument()))["word/styles.xml"]!;
    for (const [id, name, type] of [
      ["Title", "Title", "paragraph"],
      ["Heading1", "Heading 1", "paragraph"],
      ["Heading2", "Heading 2", "paragraph"],
      ["BodyText", "Body Text", "paragraph"],
      ["SubClause", "Sub-clause", "paragraph"],
      ["ClauseItem", "Clause Item", "paragraph"],
      ["TableText", "Table Text", "paragraph"],
      ["DefinedTerm", "Defined Term", "character"],
      ["ClauseTitle", "Clause Title", "character"],
      ["CovenantTable", "Covenant Table", "table"],
    ])
      expect(style(styles, id!), id).toMatch(new RegExp(`w:type="${type}"[\\s\\S]*<w:name w:val="${name}"/>`));
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/);
  });

  it("makes real tables whose header row repeats on every page and whose rows do not split", async () => {
    const document = exampleDocument();
    const xml = (await docxParts(document))["word/document.xml"]!;
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).filter((t) => t.includes('w:val="CovenantTable"'));
    const modelTables = (function count(clauses: readonly Clause[]): number {
      return clauses.reduce((n, c) => n + c.blocks.filter((b) => b.kind === "table").length + count(c.clauses), 0);
    })(document.clauses);
    expect(tables.length).toBe(modelTables);
    for (const table of tables) {
      const rows = [...table.matchAll(/<w:tr\b[^>]*>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      expect(rows[0]).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:tblHeader\/>/);
      expect(rows.slice(1).some((r) => r.includes("<w:tblHeader"))).toBe(false);
      expect(rows.every((r) => r.includes("<w:cantSplit/>"))).toBe(true);
    }
    expect(paragraphText(tables[0]!)).toContain("USD 182.00");
    // The paragraph that introduces a table is kept on its page.
    for (const table of tables) {
      const before = paragraphs(xml.slice(0, xml.indexOf(table))).pop()!;
      expect(before).toContain("<w:keepNext/>");
    }
  });

  it("runs the title as the header and Page X of Y (PAGE and NUMPAGES fields) as the footer", async () => {
    const parts = await docxParts(exampleDocument());
    const header = Object.entries(parts).find(([name]) => /^word\/header\d+\.xml$/.test(name))![1];
    expect(paragraphText(header)).toBe("Interior Safety Systems Supply Agreement");
    const footer = Object.entries(parts).find(([name]) => /^word\/footer\d+\.xml$/.test(name))![1];
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(paragraphText(footer)).toMatch(/^Page .* of $/);
    const document = parts["word/document.xml"]!;
    expect(document).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/);
    expect(document).toMatch(/<w:footerReference w:type="default" r:id="[^"]+"\/>/);
  });

  it("sets the page on A4 by default and on US Letter when asked", async () => {
    const a4 = (await docxParts(exampleDocument()))["word/document.xml"]!;
    expect(a4).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const letter = (await docxParts(exampleDocument(), { paper: "letter" }))["word/document.xml"]!;
    expect(letter).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
  });

  it("is byte-identical on two renders, with fixed dates in the properties and the zip", async () => {
    const [a, b] = [await renderDocx(exampleDocument()), await renderDocx(exampleDocument())];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = strFromU8(unzipSync(a)["docProps/core.xml"]!);
    expect(core).toContain(">1980-01-01T00:00:00Z</dcterms:created>");
    expect(core).toContain(">1980-01-01T00:00:00Z</dcterms:modified>");
  });

  it("keeps author text inert: markup, entities, quotes, control characters and lone surrogates are text", async () => {
    const hostile = `<w:p>&amp;"'</w:t><evil/>\u0007\u001b[31m\u202e\uD800x\uFFFF`;
    const document = withAuthorText(exampleDocument(), hostile);
    const parts = await docxParts(document);
    for (const [name, xml] of Object.entries(parts).filter(([name]) => name.endsWith(".xml"))) {
      expect(xml, name).not.toContain("<evil/>");
      expect(xml, name).not.toContain("<w:p>&amp;");
      // eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these; their absence is the point
      expect(xml, name).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    const header = Object.entries(parts).find(([name]) => /^word\/header\d+\.xml$/.test(name))![1];
    const shown = `<w:p>&amp;"'</w:t><evil/>\uFFFD\uFFFD[31m\uFFFD\uFFFDx\uFFFD`;
    expect(paragraphText(header)).toBe(`${shown}Interior Safety Systems Supply Agreement${shown}`);
    expect(parts["docProps/core.xml"]).not.toContain("<evil/>");
  });
});

describe("DOCX of a contract whose author text looks like markup", () => {
  it("escapes names and titles the checker accepts: <, &, quotes", async () => {
    const checked = checkText(`contract "Supply <w:body> & \\"Co\\"" {
  kind: supply
  effective: 2026-04-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}

party acme "Acme </w:t></w:r><w:r><w:t>Evil & Sons" {
  role: supplier
  jurisdiction: JP
}

party zen "Zen 'Motors' <Corp>" {
  role: buyer
  jurisdiction: JP
}
`);
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const parts = await docxParts(proseDocument(checked));
    const xml = parts["word/document.xml"]!;
    expect(xml).not.toContain("<w:body> &");
    expect(xml).toContain("Acme &lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;Evil &amp; Sons");
    const texts = paragraphs(xml).map(paragraphText);
    expect(texts).toContain('Supply <w:body> & "Co"');
    expect(texts.some((t) => t.startsWith("Acme </w:t></w:r><w:r><w:t>Evil & Sons, a company"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Zen 'Motors' <Corp>, a company"))).toBe(true);
    const header = Object.entries(parts).find(([name]) => /^word\/header\d+\.xml$/.test(name))![1];
    expect(paragraphText(header)).toBe('Supply <w:body> & "Co"');
  });
});

/** A reference document: our own output with the body font changed to `font` and Heading 1 at 20 pt. */
async function referenceWithFont(font: string, change?: (parts: Record<string, Uint8Array>) => void): Promise<Uint8Array> {
  const parts = unzipSync(await renderDocx(exampleDocument()));
  const styles = strFromU8(parts["word/styles.xml"]!).replace(
    /(<w:rPrDefault><w:rPr><w:rFonts )[^/]*\//,
    `$1w:ascii="${font}" w:hAnsi="${font}" w:cs="${font}" w:eastAsia="${font}"/`,
  );
  parts["word/styles.xml"] = strToU8(styles.replace(/(w:styleId="Heading1"[\s\S]*?<w:sz w:val=")\d+/, "$140"));
  const document = strFromU8(parts["word/document.xml"]!).replace(
    /<w:pgSz [^>]*\/>/,
    '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
  );
  parts["word/document.xml"] = strToU8(document);
  change?.(parts);
  return zipSync(parts);
}

describe("DOCX with a reference document", () => {
  it("takes the reference's styles (body font, heading size) and page setup", async () => {
    const read = readReferenceDocx(await referenceWithFont("Garamond Premier"));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const parts = await docxParts(exampleDocument(), { reference: read.reference });
    expect(parts["word/styles.xml"]).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Garamond Premier"/);
    expect(style(parts["word/styles.xml"]!, "Heading1")).toContain('<w:sz w:val="40"/>');
    expect(parts["word/document.xml"]).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });

  it("adds the styles a reference lacks, so defined terms stay bold", async () => {
    const reference = await referenceWithFont("Garamond Premier", (parts) => {
      const styles = strFromU8(parts["word/styles.xml"]!).replace(/<w:style\s[^>]*w:styleId="DefinedTerm"[^>]*>[\s\S]*?<\/w:style>/, "");
      parts["word/styles.xml"] = strToU8(styles);
    });
    const read = readReferenceDocx(reference);
    if (!read.ok) throw new Error(read.reason);
    expect(read.reference.styles).not.toContain('w:styleId="DefinedTerm"');
    const styles = (await docxParts(exampleDocument(), { reference: read.reference }))["word/styles.xml"]!;
    expect(style(styles, "DefinedTerm")).toContain("<w:b/>");
    expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1);
  });

  it("refuses what is not a Word document with styles, with a reason", async () => {
    expect(readReferenceDocx(strToU8("plain text, not a zip"))).toEqual({
      ok: false,
      reason: "it is not a Word document (not a zip archive)",
    });
    expect(readReferenceDocx(zipSync({ "word/document.xml": strToU8("<w:document/>") }))).toEqual({
      ok: false,
      reason: "it has no word/styles.xml, so it is not a Word document with styles",
    });
    // A zip bomb: 17 MB of styles inflated from a few kilobytes stops at the limit, unread.
    const bomb = zipSync({ "word/styles.xml": new Uint8Array(17 << 20).fill(32) });
    expect(bomb.length).toBeLessThan(100_000);
    expect(readReferenceDocx(bomb)).toEqual({ ok: false, reason: "its part word/styles.xml is larger than 16 MB" });
    expect(readReferenceDocx(zipSync({ "word/styles.xml": strToU8("<html></html>") }))).toEqual({
      ok: false,
      reason: "its word/styles.xml is not a WordprocessingML styles part",
    });
  });
});
