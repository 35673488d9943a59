import type { Block, Clause, Inline, List, ListItem, Paragraph, Table, TableColumn } from "./model.js";

/** Constructors for the document model's blocks and clauses; numbers and labels are filled in by `numberDocument`. */

export function clause(id: string, title: string | undefined, blocks: readonly Block[], clauses: readonly Clause[] = []): Clause {
  return { id, number: "", title, blocks, clauses };
}

export function paragraph(runs: readonly Inline[]): Paragraph {
  return { kind: "paragraph", runs };
}

export function item(runs: readonly Inline[], items: readonly ListItem[] = []): ListItem {
  return { label: "", runs, items };
}

export function list(items: readonly (ListItem | readonly Inline[])[]): List {
  return { kind: "list", items: items.map((entry) => ("runs" in entry ? entry : item(entry as readonly Inline[]))) };
}

export function table(columns: readonly TableColumn[], rows: readonly (readonly (readonly Inline[])[])[]): Table {
  return { kind: "table", columns, rows };
}
