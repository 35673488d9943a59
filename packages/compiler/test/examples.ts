import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Workspace, memoryHost, type CheckedDocument, type FileHost } from "@covenant/core";
import { formatExtensions, type Block, type Clause, type Document, type Format, type Inline, type ListItem } from "../src/index.js";

/** Test helpers: the repository's examples, and checking contracts from disk or from text. */

export const repo = join(import.meta.dirname, "../../..");
export const examplesDir = join(repo, "examples");

const diskHost: FileHost = {
  read(path) {
    try {
      if (statSync(path).isDirectory()) return { kind: "directory" };
      return { kind: "file", text: readFileSync(path, "utf8") };
    } catch {
      return { kind: "missing" };
    }
  },
};

/** The root contracts of examples/ (clause libraries live in subfolders). */
export function exampleContracts(): string[] {
  return readdirSync(examplesDir)
    .filter((name) => name.endsWith(".contract"))
    .sort()
    .map((name) => join(examplesDir, name));
}

/** Where the golden output of an example in a format lives: beside it, `NAME.md`, `.txt`, `.html`, `.json`. */
export function goldenPath(example: string, format: Format): string {
  return example.replace(/\.contract$/, formatExtensions[format]);
}

/** Checks a contract on disk; fails the test if it has errors. */
export function checkFile(path: string): CheckedDocument {
  const checked = new Workspace(diskHost, { root: repo }).check(path);
  if (!checked.ok) throw new Error(`${path} has errors:\n${checked.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n")}`);
  return checked;
}

/** Checks contract text (plus optional other files) held in memory under /mem. */
export function checkText(text: string, others: Record<string, string> = {}): CheckedDocument {
  const files = { "/mem/main.contract": text, ...Object.fromEntries(Object.entries(others).map(([k, v]) => [`/mem/${k}`, v])) };
  return new Workspace(memoryHost(files), { root: "/mem" }).check("/mem/main.contract");
}

/** The example's document with `text` in every place author text goes: titles, names, the start and end of every run of text, every cell. */
export function withAuthorText(document: Document, text: string): Document {
  const runs = (list: readonly Inline[]): Inline[] => [
    { kind: "text", text },
    ...list.map((run) =>
      run.kind === "text" ? { ...run, text: `${run.text}${text}` } : run.kind === "term" ? { ...run, text: `${run.text}${text}` } : run,
    ),
  ];
  const items = (list: readonly ListItem[]): ListItem[] =>
    list.map((item) => ({ ...item, runs: runs(item.runs), items: items(item.items) }));
  const block = (b: Block): Block =>
    b.kind === "paragraph"
      ? { ...b, runs: runs(b.runs) }
      : b.kind === "list"
        ? { ...b, items: items(b.items) }
        : { ...b, columns: b.columns.map((c) => ({ ...c, title: `${c.title}${text}` })), rows: b.rows.map((row) => row.map(runs)) };
  const clause = (c: Clause): Clause => ({
    ...c,
    title: c.title === undefined ? undefined : `${text}${c.title}${text}`,
    blocks: c.blocks.map(block),
    clauses: c.clauses.map(clause),
  });
  return {
    ...document,
    title: `${text}${document.title}${text}`,
    preamble: document.preamble.map(block),
    clauses: document.clauses.map(clause),
    signatures: document.signatures && {
      ...document.signatures,
      intro: runs(document.signatures.intro),
      signatories: document.signatures.signatories.map((s) => ({ ...s, name: `${text}${s.name}${text}` })),
    },
  };
}

/** A contract header, two parties and an event: the frame the action tests write one action into. */
export const actionHeader = `contract "Supply Agreement" {
  kind: supply
  effective: 2026-01-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}
party supplier "Toyoda Gosei Co., Ltd." {
  role: supplier
  jurisdiction: JP
}
party buyer "IM Motors Technology Co., Ltd." {
  role: buyer
  jurisdiction: CN
}
event port_closure "Port Closure" {
  unit: hours
  evidence: "a notice of the port authority"
}
`;
