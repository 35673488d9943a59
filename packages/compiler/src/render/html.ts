import type { Block, Clause, Document, Inline, ListItem, Table } from "../document/model.js";
import { htmlText as escape, inertLine } from "./inert.js";

export interface HtmlOptions {
  /** The paper size of the print CSS (default A4). */
  readonly paper?: "a4" | "letter";
}

/**
 * One self-contained HTML file (no scripts, fonts or images from outside) with print CSS: the page
 * size and margins, the contract title as a running header and "Page N of M" in the footer (CSS
 * page margin boxes, which Chromium prints), clauses kept with their headings, tables not split
 * across pages where avoidable. Clause numbers are text, so they survive copy and PDF extraction.
 */
export function renderHtml(document: Document, options: HtmlOptions = {}): string {
  const [page, of] = document.pageLabel;
  const size = options.paper === "letter" ? "letter" : "A4";
  const css = stylesheet(size, document.title, page, of);
  const body: string[] = [`<h1>${escape(document.title)}</h1>`];
  for (const block of document.preamble) body.push(renderBlock(document, block, "preamble"));
  for (const clause of document.clauses) body.push(renderClause(document, clause));
  if (document.signatures) {
    const s = document.signatures;
    const signatories = s.signatories.map(
      (signatory) =>
        `<div class="signatory"><p class="party">${escape(signatory.name)}</p>\n<table class="signature">${[
          s.signatureLabel,
          ...signatory.lines,
        ]
          .map((label) => `<tr><th>${escape(label.replace(/:$/, ""))}</th><td></td></tr>`)
          .join("")}</table></div>`,
    );
    body.push(
      `<section class="signatures">\n<h2>${escape(s.heading)}</h2>\n<p>${inlines(document, s.intro)}</p>\n${signatories.join("\n")}\n</section>`,
    );
  }
  return `<!DOCTYPE html>
<html lang="${escape(document.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.title)}</title>
<style>
${css}
</style>
</head>
<body>
<main>
${body.join("\n")}
</main>
</body>
</html>
`;
}

function stylesheet(size: string, title: string, page: string, of: string): string {
  return `@page {
  size: ${size};
  margin: 22mm 20mm 20mm 20mm;
  @top-center { content: ${cssString(title)}; font: 8.5pt Georgia, "Times New Roman", serif; color: #444; }
  @bottom-center { content: ${cssString(page)} " " counter(page) " ${cssText(of)} " counter(pages); font: 8.5pt Georgia, "Times New Roman", serif; color: #444; }
}
:root { --gutter: 35pt; --label: 28pt; color: #111; background: #fff; }
body { margin: 0; font: 11pt/1.45 Georgia, "Times New Roman", serif; }
main { max-width: 44em; margin: 0 auto; padding: 2.5em 1.5em; }
h1 { font-size: 17pt; text-align: center; text-transform: uppercase; letter-spacing: 0.04em; margin: 0 0 1.6em; }
h2 { font-size: 11.5pt; text-transform: uppercase; letter-spacing: 0.03em; margin: 1.8em 0 0.6em; break-after: avoid; page-break-after: avoid; }
h2 .number { display: inline-block; min-width: var(--gutter); }
p { margin: 0 0 0.6em; text-align: justify; hyphens: auto; }
.clause > p, .clause > table, .clause > .items { margin-left: var(--gutter); }
.subclause { display: grid; grid-template-columns: var(--gutter) 1fr; margin: 0 0 0.7em; }
.subclause > .number { grid-column: 1; }
.subclause > .body { grid-column: 2; min-width: 0; }
.subclause .title { font-weight: bold; }
.items { list-style: none; margin: 0 0 0.6em; padding: 0; }
.items > li { display: grid; grid-template-columns: var(--label) 1fr; margin: 0 0 0.4em; }
.items > li > .label { grid-column: 1; }
.items > li > .text { grid-column: 2; }
.items > li > .items { grid-column: 2; }
dfn { font-style: normal; font-weight: bold; }
a.ref { color: inherit; text-decoration: none; }
table.terms { border-collapse: collapse; margin: 0.4em 0 0.9em; font-size: 10pt; break-inside: avoid; page-break-inside: avoid; }
table.terms th, table.terms td { border: 0.6pt solid #777; padding: 0.25em 0.6em; vertical-align: top; text-align: left; }
table.terms th { background: #eee; }
table.terms .right { text-align: right; }
.signatures { break-before: page; page-break-before: always; }
.signatory { margin: 2.2em 0 0; break-inside: avoid; page-break-inside: avoid; }
.signatory .party { font-weight: bold; }
table.signature { border-collapse: collapse; }
table.signature th { text-align: left; font-weight: normal; padding: 0.9em 1em 0 0; width: 6em; }
table.signature td { border-bottom: 0.6pt solid #111; width: 18em; }
@media print {
  main { max-width: none; padding: 0; }
  a.ref { color: inherit; }
}`;
}

function renderClause(document: Document, clause: Clause): string {
  const parts = [
    `<section class="clause" id="${anchor(clause.id)}">`,
    `<h2><span class="number">${clause.number}.</span> ${escape(clause.title ?? "")}</h2>`,
  ];
  for (const block of clause.blocks) parts.push(renderBlock(document, block));
  for (const sub of clause.clauses) parts.push(renderSubClause(document, sub));
  parts.push("</section>");
  return parts.join("\n");
}

function renderSubClause(document: Document, clause: Clause): string {
  const title = clause.title ? `<span class="title">${escape(clause.title)}.</span> ` : "";
  const [first, ...rest] = clause.blocks;
  const blocks: string[] = [];
  if (first?.kind === "paragraph") blocks.push(`<p>${title}${inlines(document, first.runs)}</p>`);
  else {
    if (title) blocks.push(`<p>${title.trimEnd()}</p>`);
    if (first) blocks.push(renderBlock(document, first));
  }
  for (const block of rest) blocks.push(renderBlock(document, block));
  return `<div class="subclause" id="${anchor(clause.id)}"><span class="number">${clause.number}</span><div class="body">\n${blocks.join("\n")}\n</div></div>`;
}

function renderBlock(document: Document, block: Block, className?: string): string {
  switch (block.kind) {
    case "paragraph":
      return `<p${className ? ` class="${className}"` : ""}>${inlines(document, block.runs)}</p>`;
    case "list":
      return renderItems(document, block.items);
    case "table":
      return renderTable(document, block);
  }
}

function renderItems(document: Document, items: readonly ListItem[]): string {
  const lis = items.map(
    (item) =>
      `<li><span class="label">${escape(item.label)}</span><span class="text">${inlines(document, item.runs)}</span>${item.items.length > 0 ? renderItems(document, item.items) : ""}</li>`,
  );
  return `<ol class="items">\n${lis.join("\n")}\n</ol>`;
}

function renderTable(document: Document, table: Table): string {
  const cls = (align: "left" | "right"): string => (align === "right" ? ` class="right"` : "");
  const head = `<tr>${table.columns.map((c) => `<th${cls(c.align)}>${escape(c.title)}</th>`).join("")}</tr>`;
  const rows = table.rows.map(
    (row) => `<tr>${row.map((cell, i) => `<td${cls(table.columns[i]?.align ?? "left")}>${inlines(document, cell)}</td>`).join("")}</tr>`,
  );
  return `<table class="terms">\n<thead>${head}</thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
}

function inlines(document: Document, runs: readonly Inline[]): string {
  const [open, close] = document.quotes;
  return runs
    .map((run) => {
      switch (run.kind) {
        case "text":
          return escape(run.text);
        case "term":
          return escape(run.text);
        case "definition":
          return `<dfn>${escape(open + run.term + close)}</dfn>`;
        case "ref":
          return `<a class="ref" href="#${anchor(run.target)}">${run.number}</a>`;
      }
    })
    .join("");
}

/** An id attribute for a clause id: `pricing.airbag_price` → `clause-pricing-airbag_price`. */
function anchor(id: string): string {
  return `clause-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** A CSS string literal. */
function cssString(text: string): string {
  return `"${cssText(text)}"`;
}

/** Text inside a CSS string: one inert line, quotes and backslashes escaped, `<` written so it cannot end the style element. */
function cssText(text: string): string {
  return inertLine(text)
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/</g, "\\3c ");
}
