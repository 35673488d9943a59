import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Workspace, memoryHost, type CheckedDocument, type FileHost } from "@covenant/core";
import { formatExtensions, type Format } from "../src/index.js";

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
