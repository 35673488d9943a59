import type { Block, Clause, Document, Inline, ListItem } from "../document/model.js";
import { drawTable } from "./text-table.js";
import { displayWidth } from "./inert.js";
import { noBreak, pad, wrap } from "./wrap.js";

/** Columns a sub-clause's text is indented by: room for "10.10" and a gap. */
const numberColumn = 6;
/** Columns a list item's text is indented by within its parent: room for "(iii)" and a gap. */
const labelColumn = 6;

export interface TextOptions {
  /** Line width (default 80); at least 40 so the numbering columns leave room for text. */
  readonly width?: number;
}

/**
 * Plain text for print pipelines: wrapped at a fixed width, clause numbers in a hanging column,
 * headings in capitals, tables drawn in ASCII. Only ASCII punctuation of its own; the contract's
 * names print as written, each on one line (every text goes through `wrap` or `drawTable`, which
 * make author text inert), and widths are display columns.
 */
export function renderText(document: Document, options: TextOptions = {}): string {
  const width = Math.max(40, options.width ?? 80);
  const out: string[][] = [];
  const title = document.title.toUpperCase();
  out.push(wrap(title, width).map((line) => " ".repeat(Math.max(0, Math.floor((width - displayWidth(line)) / 2))) + line));
  for (const block of document.preamble) out.push(renderBlock(document, block, 0, width));
  for (const clause of document.clauses) for (const item of renderClause(document, clause, width)) out.push(item);
  if (document.signatures) {
    const s = document.signatures;
    out.push([s.heading.toUpperCase()], paragraph(document, s.intro, 0, width));
    let labelWidth = displayWidth(s.signatureLabel) + 1;
    for (const signatory of s.signatories) for (const label of signatory.lines) labelWidth = Math.max(labelWidth, displayWidth(label));
    for (const signatory of s.signatories) {
      const line = "_".repeat(Math.min(30, width - labelWidth - 1));
      out.push(
        wrap(signatory.name, width),
        [`${s.signatureLabel}:`, ...signatory.lines].map((label) => `${pad(label, labelWidth, "left")} ${line}`),
      );
    }
  }
  return (
    out
      .map((lines) => lines.join("\n"))
      .join("\n\n")
      .replace(/ +$/gm, "") + "\n"
  );
}

function renderClause(document: Document, clause: Clause, width: number): string[][] {
  const out: string[][] = [hanging(`${clause.number}.`.padEnd(numberColumn), (clause.title ?? "").toUpperCase(), width)];
  for (const block of clause.blocks) out.push(renderBlock(document, block, numberColumn, width));
  for (const sub of clause.clauses) for (const item of renderSubClause(document, sub, width)) out.push(item);
  return out;
}

function renderSubClause(document: Document, clause: Clause, width: number): string[][] {
  const number = clause.number.padEnd(numberColumn - 1) + " ";
  const title = clause.title ? `${clause.title}.` : "";
  const [first, ...rest] = clause.blocks;
  const out: string[][] = [];
  if (first?.kind === "paragraph") {
    out.push(hanging(number, [title, inlines(document, first.runs)].filter(Boolean).join(" "), width));
  } else {
    out.push(hanging(number, title, width));
    if (first) out.push(renderBlock(document, first, numberColumn, width));
  }
  for (const block of rest) out.push(renderBlock(document, block, numberColumn, width));
  return out;
}

function renderBlock(document: Document, block: Block, indent: number, width: number): string[] {
  switch (block.kind) {
    case "paragraph":
      return paragraph(document, block.runs, indent, width);
    case "list":
      return renderItems(document, block.items, indent, width).flatMap((lines, i) => (i === 0 ? lines : ["", ...lines]));
    case "table": {
      const rows = block.rows.map((row) => row.map((cell) => inlines(document, cell)));
      return drawTable(block.columns, rows, width - indent).map((line) => " ".repeat(indent) + line);
    }
  }
}

function renderItems(document: Document, items: readonly ListItem[], indent: number, width: number): string[][] {
  return items.flatMap((item) => [
    hanging(" ".repeat(indent) + item.label.padEnd(labelColumn - 1) + " ", inlines(document, item.runs), width),
    ...renderItems(document, item.items, indent + labelColumn, width),
  ]);
}

function paragraph(document: Document, runs: readonly Inline[], indent: number, width: number): string[] {
  return wrap(inlines(document, runs), width - indent).map((line) => " ".repeat(indent) + line);
}

/** `prefix` on the first line, the following lines indented to line up under the text after it. */
function hanging(prefix: string, text: string, width: number): string[] {
  return wrap(text, width - prefix.length).map((line, i) => (i === 0 ? prefix : " ".repeat(prefix.length)) + line);
}

/**
 * Inline runs as text. A reference stays on the line of the word before it ("Clause 5.2"), and a
 * currency code on the line of its amount ("USD 1,200.00"): those spaces become no-break spaces.
 */
function inlines(document: Document, runs: readonly Inline[]): string {
  const [open, close] = document.quotes;
  let text = "";
  for (const run of runs) {
    switch (run.kind) {
      case "text":
      case "term":
        text += run.text;
        break;
      case "definition":
        text += open + run.term + close;
        break;
      case "ref":
        text = text.replace(/ $/, noBreak) + run.number;
        break;
    }
  }
  return text.replace(/\b([A-Z]{3}) (?=\d)/g, `$1${noBreak}`);
}
