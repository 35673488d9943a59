import { Codes, type CheckedDocument, type Diagnostic, type Workspace } from "@covenant/core";
import type { Io } from "../io.js";
import { formatCodeFrames, summaryLine } from "./code-frame.js";

/** True when part of the document was not read as terms (see `isUnreadable`): its text does not parse as Covenant. */
export function hasSyntaxErrors(document: CheckedDocument): boolean {
  return document.diagnostics.some((d) => d.severity === "error" && isUnreadable(d));
}

/**
 * An error after which part of the file was not read as terms at all: a syntax error (CV1xx), or a
 * line that is no declaration (CV209, such as prose pasted into the file). A listing of such a file
 * would silently leave that text out.
 */
export function isUnreadable(diagnostic: Diagnostic): boolean {
  return /^CV1\d\d$/.test(diagnostic.code) || diagnostic.code === Codes.UnknownKind;
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
