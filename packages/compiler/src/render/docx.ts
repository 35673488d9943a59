import {
  AlignmentType,
  BorderStyle,
  Document as WordDocument,
  Footer,
  HeightRule,
  Header,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from "docx";
import type { Block, Clause, Document, Inline, ListItem, Table as TermsTable } from "../document/model.js";
import { wordText } from "./inert.js";
import { addStyles, applyReference, reproducibleZip, type ReferenceDocx } from "./docx-package.js";

export { readReferenceDocx, type ReferenceDocx, type ReferenceRead } from "./docx-package.js";

/**
 * A contract as a Word document (.docx), from the same document model as the Markdown, text and
 * HTML renderers. Everything a firm restyles is a named style — paragraph styles `Title`,
 * `Heading 1`, `Heading 2`, `Body Text`, `Clause Text`, `Sub-clause`, `Clause Item`, `Clause
 * Sub-item`, `Table Text`, `Header`, `Footer`; character styles `Defined Term` and `Clause Title`; the table style
 * `Covenant Table` — and clause numbers are Word's own multilevel list (1, 1.1, 1.1(a), 1.1(a)(i)),
 * never typed text, so Word renumbers them when clauses move.
 *
 * The API comes in three layers, so that another document (the tracked-change redline) can be
 * written with the same styles, numbering and paragraphs:
 * - `docxBlocks`, `docxClause`, `docxRuns`: the body elements of parts of the document model;
 * - `docxBody`: the whole document model as body elements (title, preamble, clauses, signatures);
 * - `assembleDocx`: body elements to a Word document with our styles, numbering, running header
 *   and "Page X of Y" footer; `packDocx` turns it into bytes (reproducible, with a reference
 *   document's styles when given). `renderDocx` is all of these in one call.
 */

/** The paragraph and character style ids this renderer writes; a reference document may define any of them. */
export const docxStyles = {
  title: "Title",
  heading1: "Heading1",
  heading2: "Heading2",
  body: "BodyText",
  clauseText: "ClauseText",
  subClause: "SubClause",
  item: "ClauseItem",
  subItem: "ClauseSubItem",
  tableText: "TableText",
  header: "Header",
  footer: "Footer",
  definedTerm: "DefinedTerm",
  clauseTitle: "ClauseTitle",
  table: "CovenantTable",
} as const;

/** The numbering definition of clauses: level 0 `1.`, level 1 `1.1`, level 2 `(a)`, level 3 `(i)`. */
export const clauseNumbering = "covenant-clauses";
/** Lettered items that do not follow their numbered paragraph directly (a second list in one clause): each list restarts at (a). */
export const itemNumbering = "covenant-items";

export interface DocxOptions {
  /** The paper size (default A4); a reference document's page setup takes its place. */
  readonly paper?: "a4" | "letter";
  /** A firm's reference document (`readReferenceDocx`): its styles, theme and page setup are used instead of ours. */
  readonly reference?: ReferenceDocx;
}

/**
 * How a run of text becomes a Word run. The default writes a plain `TextRun`; the redline passes
 * one that writes inserted or deleted runs. `style` is a character style id of `docxStyles`.
 */
export type DocxRunWriter = (text: string, format: { readonly style?: string }) => ParagraphChild;

const plainRun: DocxRunWriter = (text, format) => new TextRun({ text, ...(format.style ? { style: format.style } : {}) });

/**
 * Where the body elements of the document are written: counts the lists since the last numbered
 * paragraph, so a list that cannot continue Word's clause list restarts its own. One per document.
 */
export class DocxBodyContext {
  private listsSinceNumbered = 0;
  private itemLists = 0;
  constructor(
    readonly document: Pick<Document, "quotes">,
    readonly run: DocxRunWriter = plainRun,
    /** The width between the page margins, in twentieths of a point: tables span it (less the gutter inside a clause). */
    readonly textWidth: number = docxTextWidth(),
  ) {}

  /** A clause heading or sub-clause paragraph was written: the next list continues it as (a). */
  numbered(): void {
    this.listsSinceNumbered = 0;
  }

  /** The numbering of the next list: levels 2 and 3 of the clause list, or a fresh instance of the item list. */
  nextList(): { readonly reference: string; readonly level: number; readonly instance?: number } {
    this.listsSinceNumbered++;
    if (this.listsSinceNumbered === 1) return { reference: clauseNumbering, level: 2 };
    this.itemLists++;
    return { reference: itemNumbering, level: 0, instance: this.itemLists };
  }
}

/** The runs of a paragraph: defined terms where defined in the `Defined Term` style, in the document's quotes. */
export function docxRuns(context: DocxBodyContext, runs: readonly Inline[]): ParagraphChild[] {
  const [open, close] = context.document.quotes;
  const out: ParagraphChild[] = [];
  for (const run of runs) {
    switch (run.kind) {
      case "text":
      case "term":
        out.push(context.run(wordText(run.text), {}));
        break;
      case "definition":
        out.push(context.run(wordText(open + run.term + close), { style: docxStyles.definedTerm }));
        break;
      case "ref":
        out.push(context.run(wordText(run.number), {}));
        break;
    }
  }
  return out;
}

/** A clause (Heading 1, numbered by Word) with its blocks and sub-clauses. */
export function docxClause(context: DocxBodyContext, clause: Clause): FileChild[] {
  const out: FileChild[] = [
    new Paragraph({
      style: docxStyles.heading1,
      numbering: { reference: clauseNumbering, level: 0 },
      children: [context.run(wordText(clause.title ?? ""), {})],
    }),
  ];
  context.numbered();
  out.push(...docxBlocks(context, clause.blocks, docxStyles.clauseText));
  for (const sub of clause.clauses) out.push(...docxSubClause(context, sub));
  return out;
}

/** A sub-clause: a numbered paragraph (1.1) with its run-in title in `Clause Title`, then its other blocks. */
export function docxSubClause(context: DocxBodyContext, clause: Clause): FileChild[] {
  const title = clause.title ? [context.run(wordText(`${clause.title}.`), { style: docxStyles.clauseTitle })] : [];
  const [first, ...rest] = clause.blocks;
  const numbering = { reference: clauseNumbering, level: 1 };
  const out: FileChild[] = [];
  if (first?.kind === "paragraph") {
    const space = title.length > 0 ? [context.run(" ", {})] : [];
    out.push(
      new Paragraph({
        style: docxStyles.subClause,
        numbering,
        ...(introduces(rest[0]) ? { keepNext: true } : {}),
        children: [...title, ...space, ...docxRuns(context, first.runs)],
      }),
    );
    context.numbered();
  } else {
    out.push(new Paragraph({ style: docxStyles.subClause, numbering, children: title }));
    context.numbered();
    if (first) out.push(...docxBlocks(context, [first], docxStyles.clauseText));
  }
  out.push(...docxBlocks(context, rest, docxStyles.clauseText));
  return out;
}

/** Blocks as body elements: paragraphs in `style`, lists numbered by Word, tables in `Covenant Table`. */
export function docxBlocks(context: DocxBodyContext, blocks: readonly Block[], style: string = docxStyles.body): FileChild[] {
  const out: FileChild[] = [];
  for (const [i, block] of blocks.entries()) {
    switch (block.kind) {
      case "paragraph":
        out.push(
          new Paragraph({ style, ...(introduces(blocks[i + 1]) ? { keepNext: true } : {}), children: docxRuns(context, block.runs) }),
        );
        break;
      case "list": {
        const list = context.nextList();
        const write = (items: readonly ListItem[], depth: number): void => {
          for (const item of items) {
            out.push(
              new Paragraph({
                style: depth === 0 ? docxStyles.item : docxStyles.subItem,
                numbering: { ...list, level: list.level + Math.min(depth, 1) },
                children: docxRuns(context, item.runs),
              }),
            );
            write(item.items, depth + 1);
          }
        };
        write(block.items, 0);
        break;
      }
      case "table":
        out.push(docxTable(context, block, style !== docxStyles.body));
        break;
    }
  }
  return out;
}

/** Whether a paragraph before `next` introduces it ("the following products:"), so that a page never breaks between them. */
function introduces(next: Block | undefined): boolean {
  return next?.kind === "list" || next?.kind === "table";
}

/** A terms table: its header row repeats on every page it spans, and no row splits across a page. */
export function docxTable(context: DocxBodyContext, table: TermsTable, inClause = true): Table {
  const alignment = (i: number): (typeof AlignmentType)[keyof typeof AlignmentType] =>
    table.columns[i]?.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map(
      (column, i) =>
        new TableCell({
          children: [
            new Paragraph({ style: docxStyles.tableText, alignment: alignment(i), children: [context.run(wordText(column.title), {})] }),
          ],
        }),
    ),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map(
          (cell, i) =>
            new TableCell({
              children: [new Paragraph({ style: docxStyles.tableText, alignment: alignment(i), children: docxRuns(context, cell) })],
            }),
        ),
      }),
  );
  const indent = inClause ? gutter : 0;
  const width = context.textWidth - indent;
  return new Table({
    style: docxStyles.table,
    rows: [header, ...rows],
    width: { size: width, type: WidthType.DXA },
    columnWidths: columnWidths(table, width),
    ...(indent > 0 ? { indent: { size: indent, type: WidthType.DXA } } : {}),
  });
}

/**
 * The widths of a table's columns, in twentieths of a point, adding up to `width`: each column's
 * share follows the longest text in it (a short number column stays narrow, a column of sentences
 * gets the room), within 6 and 60 characters so that no column is squeezed or takes everything.
 */
function columnWidths(table: TermsTable, width: number): number[] {
  const length = (runs: readonly Inline[]): number =>
    runs.reduce(
      (n, run) => n + (run.kind === "definition" ? run.term.length + 2 : run.kind === "ref" ? run.number.length : run.text.length),
      0,
    );
  const weights = table.columns.map((column, i) =>
    Math.min(60, Math.max(6, column.title.length, ...table.rows.map((row) => (row[i] ? length(row[i]) : 0)))),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((width * w) / total));
  widths[widths.length - 1]! += width - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * The whole document model as body elements: the title, the preamble, the clauses and the
 * signature page (a page of its own, with a signature line for each party).
 */
export function docxBody(document: Document, run: DocxRunWriter = plainRun, textWidth: number = docxTextWidth()): FileChild[] {
  const context = new DocxBodyContext(document, run, textWidth);
  const out: FileChild[] = [new Paragraph({ style: docxStyles.title, children: [run(wordText(document.title), {})] })];
  out.push(...docxBlocks(context, document.preamble));
  for (const clause of document.clauses) out.push(...docxClause(context, clause));
  if (document.signatures) out.push(...docxSignatures(context, document.signatures));
  return out;
}

function docxSignatures(context: DocxBodyContext, signatures: NonNullable<Document["signatures"]>): FileChild[] {
  const out: FileChild[] = [
    new Paragraph({ style: docxStyles.heading1, pageBreakBefore: true, children: [context.run(wordText(signatures.heading), {})] }),
    new Paragraph({ style: docxStyles.body, children: docxRuns(context, signatures.intro) }),
  ];
  const none = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
  for (const signatory of signatures.signatories) {
    out.push(new Paragraph({ style: docxStyles.heading2, keepNext: true, children: [context.run(wordText(signatory.name), {})] }));
    const lines = [signatures.signatureLabel, ...signatory.lines].map(
      (label) =>
        new TableRow({
          cantSplit: true,
          // Room to sign above each line; the label sits on the line, as on a printed form.
          height: { value: twips(28), rule: HeightRule.ATLEAST },
          children: [
            new TableCell({
              verticalAlign: VerticalAlignTable.BOTTOM,
              width: { size: 1800, type: WidthType.DXA },
              borders: { top: none, left: none, right: none, bottom: none },
              children: [
                new Paragraph({
                  style: docxStyles.body,
                  keepNext: true,
                  spacing: { after: 0 },
                  children: [context.run(wordText(label.replace(/:$/, "")), {})],
                }),
              ],
            }),
            new TableCell({
              verticalAlign: VerticalAlignTable.BOTTOM,
              width: { size: 5000, type: WidthType.DXA },
              borders: { top: none, left: none, right: none, bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000" } },
              children: [new Paragraph({ style: docxStyles.body, keepNext: true, spacing: { after: 0 }, children: [] })],
            }),
          ],
        }),
    );
    out.push(
      new Table({
        rows: lines,
        columnWidths: [1800, 5000],
        borders: { top: none, left: none, right: none, bottom: none, insideHorizontal: none, insideVertical: none },
      }),
    );
  }
  return out;
}

/** Points to half-points (font sizes) and to twentieths of a point (spacing, indents). */
const halfPoints = (points: number): number => Math.round(points * 2);
const twips = (points: number): number => Math.round(points * 20);

/** The gutter that clause numbers hang in, and the label column of items (as in the HTML). */
const gutter = twips(35);
const label = twips(28);
const font = "Times New Roman";

const paper = {
  a4: { width: 11906, height: 16838 },
  letter: { width: 12240, height: 15840 },
} as const;

/** Our page margins (22 mm at the top for the running header, 20 mm elsewhere, as the HTML's print CSS). */
const ourMargin = { top: 1247, right: 1134, bottom: 1134, left: 1134, header: 567, footer: 567, gutter: 0 } as const;

/** The page of a document: a reference document's, or ours on the paper asked for. */
function pageOf(options: Pick<DocxOptions, "paper" | "reference">): NonNullable<ReferenceDocx["page"]> {
  return { size: options.reference?.page?.size ?? paper[options.paper ?? "a4"], margin: options.reference?.page?.margin ?? ourMargin };
}

/** The width between the page margins, in twentieths of a point, of the page `options` give (A4 and our margins by default). */
export function docxTextWidth(options: Pick<DocxOptions, "paper" | "reference"> = {}): number {
  const { size, margin } = pageOf(options);
  const width = size.orientation === "landscape" ? Math.max(size.width, size.height) : size.width;
  return Math.max(width - margin.left - margin.right - margin.gutter, twips(144));
}

/**
 * A Word document of `body` with our named styles, the clause and item numbering, the title as a
 * running header and "Page X of Y" (Word fields PAGE and NUMPAGES) in the footer. The document's
 * title, language and page words come from `document`.
 */
export function assembleDocx(
  document: Pick<Document, "title" | "language" | "pageLabel">,
  body: readonly FileChild[],
  options: Pick<DocxOptions, "paper" | "reference"> & {
    /** Extra document features, e.g. `{ trackRevisions: true }` for a redline. */
    readonly features?: { readonly trackRevisions?: boolean };
  } = {},
): WordDocument {
  const [pageWord, ofWord] = document.pageLabel;
  const size = options.reference?.page?.size ?? paper[options.paper ?? "a4"];
  const margin = options.reference?.page?.margin ?? {
    top: 1247,
    right: 1134,
    bottom: 1134,
    left: 1134,
    header: 567,
    footer: 567,
    gutter: 0,
  };
  const bodyRun = { font, size: halfPoints(11) };
  return new WordDocument({
    title: wordText(document.title),
    creator: "Covenant",
    lastModifiedBy: "Covenant",
    ...(options.features ? { features: options.features } : {}),
    styles: {
      default: { document: { run: { ...bodyRun, language: { value: wordText(document.language) } } } },
      paragraphStyles: [
        {
          id: docxStyles.title,
          name: "Title",
          basedOn: "Normal",
          next: docxStyles.body,
          quickFormat: true,
          run: { font, size: halfPoints(17), bold: true, allCaps: true, characterSpacing: 10 },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: twips(24) } },
        },
        {
          id: docxStyles.heading1,
          name: "Heading 1",
          basedOn: "Normal",
          next: docxStyles.subClause,
          quickFormat: true,
          run: { font, size: halfPoints(11.5), bold: true, allCaps: true },
          paragraph: {
            keepNext: true,
            keepLines: true,
            outlineLevel: 0,
            spacing: { before: twips(18), after: twips(6) },
            indent: { left: gutter, hanging: gutter },
          },
        },
        {
          id: docxStyles.heading2,
          name: "Heading 2",
          basedOn: "Normal",
          next: docxStyles.body,
          quickFormat: true,
          run: { font, size: halfPoints(11), bold: true },
          paragraph: { keepNext: true, keepLines: true, outlineLevel: 1, spacing: { before: twips(18), after: twips(6) } },
        },
        {
          id: docxStyles.body,
          name: "Body Text",
          basedOn: "Normal",
          quickFormat: true,
          paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: twips(6), line: 264 } },
        },
        {
          id: docxStyles.clauseText,
          name: "Clause Text",
          basedOn: docxStyles.body,
          quickFormat: true,
          paragraph: { indent: { left: gutter }, spacing: { before: twips(4), after: twips(4) } },
        },
        {
          id: docxStyles.subClause,
          name: "Sub-clause",
          basedOn: docxStyles.body,
          next: docxStyles.subClause,
          quickFormat: true,
          paragraph: { indent: { left: gutter, hanging: gutter }, spacing: { before: twips(6), after: twips(4) } },
        },
        {
          id: docxStyles.item,
          name: "Clause Item",
          basedOn: docxStyles.body,
          quickFormat: true,
          paragraph: { indent: { left: gutter + label, hanging: label }, spacing: { after: twips(4) } },
        },
        {
          id: docxStyles.subItem,
          name: "Clause Sub-item",
          basedOn: docxStyles.body,
          quickFormat: true,
          paragraph: { indent: { left: gutter + 2 * label, hanging: label }, spacing: { after: twips(4) } },
        },
        {
          id: docxStyles.tableText,
          name: "Table Text",
          basedOn: "Normal",
          quickFormat: true,
          run: { size: halfPoints(10) },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
        {
          id: docxStyles.header,
          name: "Header",
          basedOn: "Normal",
          run: { size: halfPoints(8.5), color: "444444" },
          paragraph: { alignment: AlignmentType.CENTER },
        },
        {
          id: docxStyles.footer,
          name: "Footer",
          basedOn: "Normal",
          run: { size: halfPoints(8.5), color: "444444" },
          paragraph: { alignment: AlignmentType.CENTER },
        },
      ],
      characterStyles: [
        { id: docxStyles.definedTerm, name: "Defined Term", basedOn: "DefaultParagraphFont", quickFormat: true, run: { bold: true } },
        { id: docxStyles.clauseTitle, name: "Clause Title", basedOn: "DefaultParagraphFont", quickFormat: true, run: { bold: true } },
      ],
    },
    numbering: {
      config: [
        {
          reference: clauseNumbering,
          levels: [
            numberingLevel(0, LevelFormat.DECIMAL, "%1.", 0),
            numberingLevel(1, LevelFormat.DECIMAL, "%1.%2", 0),
            numberingLevel(2, LevelFormat.LOWER_LETTER, "(%3)", 1),
            numberingLevel(3, LevelFormat.LOWER_ROMAN, "(%4)", 2),
          ],
        },
        {
          reference: itemNumbering,
          levels: [numberingLevel(0, LevelFormat.LOWER_LETTER, "(%1)", 1), numberingLevel(1, LevelFormat.LOWER_ROMAN, "(%2)", 2)],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size, margin } },
        headers: {
          default: new Header({
            children: [new Paragraph({ style: docxStyles.header, children: [new TextRun(wordText(document.title))] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: docxStyles.footer,
                children: [
                  new TextRun({
                    children: [`${wordText(pageWord)} `, PageNumber.CURRENT, ` ${wordText(ofWord)} `, PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...body],
      },
    ],
  });
}

/**
 * A level of a numbering definition: its number hangs in the gutter (a clause or sub-clause) or in
 * the label column of its depth of items, followed by a tab, as the styles of its paragraphs indent.
 */
function numberingLevel(level: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string, depth: number) {
  const indent = depth === 0 ? { left: gutter, hanging: gutter } : { left: gutter + depth * label, hanging: label };
  return { level, format, text, suffix: LevelSuffix.TAB, alignment: AlignmentType.LEFT, style: { paragraph: { indent } } };
}

/** The `Covenant Table` style: thin grid lines, cell margins, a shaded header row. */
const tableStyleXml = `<w:style w:type="table" w:styleId="${docxStyles.table}">
<w:name w:val="Covenant Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/></w:pPr>
<w:rPr><w:sz w:val="${halfPoints(10)}"/></w:rPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="777777"/><w:left w:val="single" w:sz="4" w:space="0" w:color="777777"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="777777"/><w:right w:val="single" w:sz="4" w:space="0" w:color="777777"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="777777"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="777777"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="110" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="110" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/></w:tcPr></w:tblStylePr></w:style>`;

/**
 * A Word document as the bytes of a .docx file: byte-identical for the same input (fixed dates in
 * the document properties and the zip entries), with a reference document's styles, theme and
 * page setup when `options.reference` is given.
 */
export async function packDocx(file: WordDocument, options: Pick<DocxOptions, "reference"> = {}): Promise<Uint8Array> {
  const packed = new Uint8Array(await Packer.toBuffer(file));
  return reproducibleZip(packed, (parts) => {
    const styled = addStyles(parts, [tableStyleXml]);
    return options.reference ? applyReference(styled, options.reference) : styled;
  });
}

/** A contract as the bytes of a .docx file: `docxBody`, `assembleDocx` and `packDocx` in one call. */
export async function renderDocx(document: Document, options: DocxOptions = {}): Promise<Uint8Array> {
  return packDocx(assembleDocx(document, docxBody(document, plainRun, docxTextWidth(options)), options), options);
}
