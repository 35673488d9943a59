import type { CheckedDocument, Workspace } from "@covenant/core";
import type { Io } from "../io.js";
import { formatCodeFrames, summaryLine } from "./code-frame.js";

/** True when the document has syntax errors (CV1xx): its text does not parse as Covenant. */
export function hasSyntaxErrors(document: CheckedDocument): boolean {
  return document.diagnostics.some((d) => d.severity === "error" && /^CV1\d\d$/.test(d.code));
}

/** Prints a document's error diagnostics as code frames on stderr, with a summary naming it. */
export function reportDocumentErrors(document: CheckedDocument, workspace: Workspace, io: Io, shown: string): void {
  const errors = document.diagnostics.filter((d) => d.severity === "error");
  const texts = new Map<string, string>();
  for (const uri of new Set([document.rootUri, ...errors.map((d) => d.uri)])) {
    const parsed = workspace.getParsed(uri);
    if ("text" in parsed) texts.set(uri, parsed.text);
  }
  io.stderr(formatCodeFrames(errors, texts, { cwd: io.cwd, color: io.color }));
  io.stderr(`${summaryLine(errors, 1, io.color)} (${shown})\n`);
}
