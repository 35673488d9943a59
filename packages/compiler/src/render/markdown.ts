import type { Block, Clause, Document, Inline, ListItem, Table } from "../document/model.js";
import { markdownInline as escape, markdownParagraph } from "./inert.js";

/**
 * Markdown (CommonMark with GFM tables): one line per paragraph, so a change to a sentence is a
 * one-line diff. Clause headings are `##` headings; sub-clauses start with their bold number and
 * run-in title; defined terms are bold and quoted where they are defined. Author text is escaped
 * by `markdownInline` (one line, no syntax), so a name can add no heading, paragraph or table row.
 */
export function renderMarkdown(document: Document): string {
  const out: string[] = [`# ${escape(document.title)}`];
  for (const block of document.preamble) for (const item of renderBlock(document, block)) out.push(item);
  for (const clause of document.clauses) for (const item of renderClause(document, clause)) out.push(item);
  if (document.signatures) {
    const s = document.signatures;
    out.push(`## ${escape(s.heading)}`, markdownParagraph(inlines(document, s.intro)));
    for (const signatory of s.signatories) {
      out.push(
        `**${escape(signatory.name)}**`,
        [
          `${escape(s.signatureLabel)}: ______________________________`,
          ...signatory.lines.map((line) => `${escape(line)} ______________________________`),
        ].join("\\\n"),
      );
    }
  }
  return out.join("\n\n") + "\n";
}

function renderClause(document: Document, clause: Clause): string[] {
  const out = [`## ${clause.number}. ${escape(clause.title ?? "")}`.trimEnd()];
  for (const block of clause.blocks) for (const item of renderBlock(document, block)) out.push(item);
  for (const sub of clause.clauses) for (const item of renderSubClause(document, sub)) out.push(item);
  return out;
}

function renderSubClause(document: Document, clause: Clause): string[] {
  const heading = clause.title ? `**${clause.number} ${escape(clause.title)}.**` : `**${clause.number}**`;
  const [first, ...rest] = clause.blocks;
  const out: string[] = [];
  if (first?.kind === "paragraph") out.push(`${heading} ${inlines(document, first.runs)}`);
  else {
    out.push(heading);
    if (first) for (const item of renderBlock(document, first)) out.push(item);
  }
  for (const block of rest) for (const item of renderBlock(document, block)) out.push(item);
  return out;
}

function renderBlock(document: Document, block: Block): string[] {
  switch (block.kind) {
    case "paragraph":
      return [markdownParagraph(inlines(document, block.runs))];
    case "list":
      return renderItems(document, block.items);
    case "table":
      return [renderTable(document, block)];
  }
}

function renderItems(document: Document, items: readonly ListItem[]): string[] {
  return items.flatMap((item) => [`${item.label} ${inlines(document, item.runs)}`, ...renderItems(document, item.items)]);
}

function renderTable(document: Document, table: Table): string {
  const cell = (runs: readonly Inline[]): string => inlines(document, runs);
  const header = `| ${table.columns.map((c) => escape(c.title)).join(" | ")} |`;
  const rule = `| ${table.columns.map((c) => (c.align === "right" ? "---:" : ":---")).join(" | ")} |`;
  const rows = table.rows.map((row) => `| ${row.map(cell).join(" | ")} |`);
  return [header, rule, ...rows].join("\n");
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
          return `**${escape(open + run.term + close)}**`;
        case "ref":
          return run.number;
      }
    })
    .join("");
}
