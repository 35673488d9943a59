import type { Block, Clause, Document, Inline, ListItem, Table } from "../document/model.js";
import { inertLine } from "./inert.js";

export interface TypstOptions {
  /** The paper size (default A4). */
  readonly paper?: "a4" | "letter";
}

/**
 * The document as Typst source, which the PDF renderer typesets. The layout follows the HTML's
 * print CSS: the page size and margins, the title as a running header, "Page N of M" in the footer,
 * clause headings kept with what follows, numbers in a hanging gutter, bordered tables (one of more
 * than 20 rows breaks between rows with its header repeated on every page, a shorter one moves whole
 * to the next page, as the HTML's `break-inside: avoid`), signatures on a page of their own.
 *
 * The fonts are the caller's: it sets them before this source (`fontRule`), once it knows which
 * faces the text needs.
 *
 * Author text never becomes Typst markup: every string from the document is written as a Typst
 * string literal (`"…"`, only `\` and `"` escaped), which Typst prints as it is, so a party name
 * such as `*x* #exit() <b>` prints those characters and can neither style nor run anything.
 */
export function typstSource(document: Document, options: TypstOptions = {}): string {
  const [page, of] = document.pageLabel;
  const paper = options.paper === "letter" ? "us-letter" : "a4";
  const lines: string[] = [
    `#set document(title: ${str(document.title)}, author: (), date: none)`,
    `#set text(size: 11pt, ${languageArguments(document.language)}, hyphenate: true, fill: luma(17))`,
    `#set par(justify: true, leading: 0.62em, spacing: 0.75em)`,
    `#set page(paper: ${str(paper)}, margin: (top: 22mm, bottom: 20mm, left: 20mm, right: 20mm),`,
    `  header: align(center, text(size: 8.5pt, fill: luma(68), hyphenate: false, ${str(document.title)})),`,
    `  footer: context align(center, text(size: 8.5pt, fill: luma(68), ${str(page)} + " " + counter(page).display() + " " + ${str(of)} + " " + str(counter(page).final().first()))))`,
    // Clause headings: bold capitals with the number in the gutter; Typst keeps a heading with the block after it.
    `#show heading: it => block(above: 1.8em, below: 0.7em, sticky: true, text(size: 11.5pt, weight: "bold", tracking: 0.03em, hyphenate: false, it.body))`,
    // A table row is never split across pages; a table longer than a page breaks between rows and repeats its header.
    `#show table.cell: set table.cell(breakable: false)`,
    `#show table: set text(size: 10pt)`,
    `#show table: set par(justify: false)`,
    `#show table: set text(hyphenate: false)`,
    // Defined terms and run-in sub-clause titles are never split ("Sup-plier" reads as a different word).
    `#show strong: set text(hyphenate: false)`,
    `#let gutter = 35pt`,
    `#let label-width = 28pt`,
    // The number hangs in the gutter beside the first line; the body flows and breaks across pages like any text.
    `#let numbered(number, body) = pad(left: gutter, block(width: 100%, { place(top + left, dx: -gutter, number); body }))`,
    `#let item(label, body) = grid(columns: (label-width, 1fr), row-gutter: 0.4em, label, body)`,
    `#align(center, block(below: 1.6em, text(size: 17pt, weight: "bold", tracking: 0.04em, hyphenate: false, upper(${str(document.title)}))))`,
  ];
  for (const block of document.preamble) lines.push(renderBlock(document, block));
  for (const clause of document.clauses) lines.push(...renderClause(document, clause));
  if (document.signatures) {
    const s = document.signatures;
    lines.push(`#pagebreak(weak: true)`);
    lines.push(`#heading(level: 1, ${str(s.heading.toUpperCase())})`);
    lines.push(`#par(${inlines(document, s.intro)})`);
    for (const signatory of s.signatories) {
      const rows = [s.signatureLabel, ...signatory.lines].map(
        (label) => `${str(label.replace(/:$/, ""))}, box(width: 18em, height: 1.6em, stroke: (bottom: 0.6pt + luma(17)))`,
      );
      lines.push(
        `#block(above: 2.2em, breakable: false, { par(justify: false, strong(${str(signatory.name)})); grid(columns: (6em, 18em), column-gutter: 1em, row-gutter: 0.9em, align: bottom, ${rows.join(", ")}) })`,
      );
    }
  }
  return lines.join("\n") + "\n";
}

function renderClause(document: Document, clause: Clause): string[] {
  const heading = `${clause.number}.`;
  const lines = [
    // The number in a box as wide as the gutter; its trailing space makes the bookmark read "5. PRICE …".
    `#heading(level: 1, { box(width: gutter, ${str(`${heading} `)}); ${str((clause.title ?? "").toUpperCase())} })${anchor(clause.id)}`,
  ];
  for (const block of clause.blocks) lines.push(`#pad(left: gutter, ${blockContent(document, block)})`);
  for (const sub of clause.clauses) lines.push(renderSubClause(document, sub));
  return lines;
}

function renderSubClause(document: Document, clause: Clause): string {
  const title = clause.title ? `strong(${str(`${clause.title}.`)})` : undefined;
  const [first, ...rest] = clause.blocks;
  const parts: string[] = [];
  if (first?.kind === "paragraph") parts.push(`par({ ${title ? `${title}; " "; ` : ""}${runs(document, first.runs)} })`);
  else {
    if (title) parts.push(`par(${title})`);
    if (first) parts.push(blockContent(document, first));
  }
  for (const block of rest) parts.push(blockContent(document, block));
  return `#block(below: 0.7em, numbered(${str(clause.number)}, { ${parts.join("; ")} }))${anchor(clause.id)}`;
}

function renderBlock(document: Document, block: Block): string {
  return `#${blockContent(document, block)}`;
}

/** A block as a Typst code expression. */
function blockContent(document: Document, block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return `par(${inlines(document, block.runs)})`;
    case "list":
      return renderItems(document, block.items);
    case "table":
      return renderTable(document, block);
  }
}

function renderItems(document: Document, items: readonly ListItem[]): string {
  const rendered = items.map((item) => {
    const text = `par(${inlines(document, item.runs)})`;
    const body = item.items.length > 0 ? `{ ${text}; ${renderItems(document, item.items)} }` : text;
    return `item(${str(item.label)}, ${body})`;
  });
  return `block(below: 0.75em, { ${rendered.join("; ")} })`;
}

/** Tables of at most this many rows are never split across pages. */
const shortTableRows = 20;

function renderTable(document: Document, table: Table): string {
  const align = table.columns.map((c) => (c.align === "right" ? "right" : "left")).join(", ");
  const header = table.columns.map((c) => `strong(${str(c.title)})`).join(", ");
  const cells = table.rows.flatMap((row) => row.map((cell) => inlines(document, cell)));
  // A short table moves whole to the next page rather than leave its header and a row or two behind
  // (as the HTML's break-inside: avoid); a longer one breaks between rows.
  const breakable = table.rows.length > shortTableRows;
  return `block(above: 0.4em, below: 0.9em, breakable: ${breakable}, table(columns: ${table.columns.length}, align: (${align},), stroke: 0.6pt + luma(119), inset: (x: 0.6em, y: 0.3em), fill: (_, y) => if y == 0 { luma(238) }, table.header(${header}), ${cells.join(", ")}))`;
}

/** Inline runs as one Typst content expression. */
function inlines(document: Document, list: readonly Inline[]): string {
  return list.length === 0 ? "[]" : `{ ${runs(document, list)} }`;
}

/** Inline runs as statements of a Typst code block, which joins them into one content. */
function runs(document: Document, list: readonly Inline[]): string {
  const [open, close] = document.quotes;
  return list
    .map((run) => {
      switch (run.kind) {
        case "text":
        case "term":
          return str(run.text);
        case "definition":
          return `strong(${str(open + run.term + close)})`;
        case "ref":
          return `link(label(${str(labelName(run.target))}), ${str(run.number)})`;
      }
    })
    .join("; ");
}

/** A Typst label after an element, so that references link to the clause: `#label("clause-pricing.x")`. */
function anchor(id: string): string {
  return `#label(${str(labelName(id))})`;
}

function labelName(id: string): string {
  return `clause-${id}`;
}

/**
 * A BCP 47 tag as Typst's `lang` and `region`: `en` → `lang: "en"`, `en-GB` → `lang: "en", region: "GB"`,
 * `zh-Hans-CN` → `lang: "zh", region: "CN"` (Typst takes no script subtag). Typst refuses any other
 * shape of `lang`, so a tag it could not read sets English rules rather than fail the build.
 */
function languageArguments(tag: string): string {
  const [language = "", ...rest] = tag.split("-");
  const lang = /^[A-Za-z]{2,3}$/.test(language) ? language.toLowerCase() : "en";
  const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part));
  return `lang: ${str(lang)}${region ? `, region: ${str(region.toUpperCase())}` : ""}`;
}

/** The rule that sets text in these font families, first choice first. */
export function fontRule(families: readonly string[]): string {
  return `#set text(font: (${families.map(str).join(", ")},))\n`;
}

/** Author text as a Typst string literal: one inert line, backslashes and quotes escaped. */
function str(text: string): string {
  return `"${inertLine(text).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
