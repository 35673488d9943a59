import { readFileSync } from "node:fs";
import { join } from "node:path";
import { memoryHost, Workspace, type CheckedDocument } from "@covenant/core";

export const repo = join(import.meta.dirname, "../../..");
const library = readFileSync(join(repo, "examples/library/standard-terms.contract"), "utf8");

/** An example contract's text. */
export function example(name: string): string {
  return readFileSync(join(repo, "examples", `${name}.contract`), "utf8");
}

export const exampleNames = ["supply-agreement", "preferred-supplier", "licence-tech-transfer", "joint-development"] as const;

/** Checks a contract text in memory, next to the examples' clause library. */
export function checkText(text: string): CheckedDocument {
  const host = memoryHost({ "/p/contract.contract": text, "/p/library/standard-terms.contract": library });
  return new Workspace(host, { root: "/p" }).check("/p/contract.contract");
}
