import type { CheckedDocument, Diagnostic as CoreDiagnostic } from "@covenant/core";
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type PublishDiagnosticsParams } from "vscode-languageserver";
import type { DocumentStore } from "../documents.js";
import { toLspRange } from "../positions.js";

/**
 * Diagnostics with their codes, related locations and tags (an unused declaration is faded).
 * A document's check also reports on the files it imports; what one file shows is the union of
 * what every open document that includes it found there, so a clause library shows the duplicate
 * names its importers run into.
 */

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(diagnostic: CoreDiagnostic, uriOf: (path: string) => string): Diagnostic {
  return {
    range: toLspRange(diagnostic.range),
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    source: "covenant",
    message: diagnostic.message,
    ...(diagnostic.related?.length
      ? {
          relatedInformation: diagnostic.related.map((r) => ({
            location: { uri: uriOf(r.uri), range: toLspRange(r.range) },
            message: r.message,
          })),
        }
      : {}),
    ...(diagnostic.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
  };
}

/** Keeps what each open document found in each file, and publishes the union per file. */
export class DiagnosticsPublisher {
  /** root uri → file uri → diagnostics found there by the root's check. */
  private readonly found = new Map<string, Map<string, Diagnostic[]>>();

  constructor(
    private readonly store: DocumentStore,
    private readonly send: (params: PublishDiagnosticsParams) => void,
  ) {}

  /** Records a root document's check and re-publishes every file whose diagnostics it changes. */
  publish(rootUri: string, checked: CheckedDocument): void {
    const byFile = new Map<string, Diagnostic[]>();
    // Every file of the document gets an entry, so that a fixed file is cleared.
    for (const file of checked.files) byFile.set(this.store.uriOf(file.uri), []);
    byFile.set(rootUri, []);
    for (const d of checked.diagnostics) {
      const uri = this.store.uriOf(d.uri);
      let list = byFile.get(uri);
      if (!list) byFile.set(uri, (list = []));
      list.push(toLspDiagnostic(d, (path) => this.store.uriOf(path)));
    }
    const before = this.found.get(rootUri);
    this.found.set(rootUri, byFile);
    // The root is always published (the client waits for it after an edit); other files only when what this root found there changed.
    this.sendUnion(rootUri);
    for (const uri of new Set([...byFile.keys(), ...(before?.keys() ?? [])])) {
      if (uri !== rootUri && !sameDiagnostics(before?.get(uri), byFile.get(uri))) this.sendUnion(uri);
    }
  }

  /** A document was closed: drop what its check found and re-publish the files it covered. */
  forget(rootUri: string): void {
    const before = this.found.get(rootUri);
    this.found.delete(rootUri);
    const touched = new Set([rootUri, ...(before?.keys() ?? [])]);
    for (const uri of touched) this.sendUnion(uri);
  }

  /** What is currently shown for a file; for tests. */
  shown(uri: string): Diagnostic[] {
    return this.union(uri);
  }

  private union(uri: string): Diagnostic[] {
    const lists: Diagnostic[][] = [];
    for (const byFile of this.found.values()) {
      const list = byFile.get(uri);
      if (list) lists.push(list);
    }
    if (lists.length <= 1) return lists[0] ?? [];
    const seen = new Set<string>();
    const result: Diagnostic[] = [];
    for (const list of lists) {
      for (const d of list) {
        const key = `${d.code}|${d.range.start.line}:${d.range.start.character}|${d.range.end.line}:${d.range.end.character}|${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        result.push(d);
      }
    }
    return result;
  }

  private sendUnion(uri: string): void {
    const document = this.store.get(uri);
    this.send({ uri, ...(document ? { version: document.version } : {}), diagnostics: this.union(uri) });
  }
}

function sameDiagnostics(a: readonly Diagnostic[] | undefined, b: readonly Diagnostic[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}
