import type { Declaration, ParsedFile } from "@covenant/core";
import {
  SymbolKind,
  type CancellationToken,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
  type WorkspaceSymbol,
  type WorkspaceSymbolParams,
} from "vscode-languageserver";
import type { DocumentStore, ParsedView } from "../documents.js";
import { toLspRange } from "../positions.js";

/**
 * The outline of a document (from the parse alone: it answers before checking): imports,
 * declarations and their nested blocks; fields and rows are left to folding, which keeps the
 * outline of a 10,000-line contract small. And the symbols of the workspace: every named
 * declaration of every .contract file the server can see.
 */

const kinds: Readonly<Record<string, SymbolKind>> = {
  contract: SymbolKind.File,
  party: SymbolKind.Class,
  define: SymbolKind.String,
  product: SymbolKind.Struct,
  pricing: SymbolKind.Object,
  kpi: SymbolKind.Interface,
  license: SymbolKind.Package,
  event: SymbolKind.Event,
  force_majeure: SymbolKind.Object,
  escalation: SymbolKind.Function,
  milestone: SymbolKind.Constant,
  obligation: SymbolKind.Method,
  governance: SymbolKind.Namespace,
  commitment: SymbolKind.Object,
  warranty: SymbolKind.Object,
  termination: SymbolKind.Object,
  committee: SymbolKind.Module,
  index: SymbolKind.Variable,
};

const label = (d: Declaration): string => d.name?.text ?? d.title?.value ?? d.keyword.text;

export function documentSymbols(
  view: ParsedView,
  _params: DocumentSymbolParams,
  hierarchical: boolean,
): DocumentSymbol[] | SymbolInformation[] {
  const file = view.parsed.file;
  if (!hierarchical) {
    const flat: SymbolInformation[] = [];
    const visit = (d: Declaration, container?: string): void => {
      flat.push({
        name: label(d),
        kind: kinds[d.keyword.text] ?? SymbolKind.Object,
        location: { uri: view.uri, range: toLspRange(d.range) },
        ...(container ? { containerName: container } : {}),
      });
      for (const m of d.members) if (m.type === "Declaration") visit(m, label(d));
    };
    for (const d of file.declarations) visit(d);
    return flat;
  }
  const symbols: DocumentSymbol[] = file.imports.flatMap((i) =>
    i.path
      ? [
          {
            name: i.path.value,
            detail: "import",
            kind: SymbolKind.Module,
            range: toLspRange(i.range),
            selectionRange: toLspRange(i.path.range),
          },
        ]
      : [],
  );
  for (const d of file.declarations) symbols.push(declarationSymbol(d));
  return symbols;
}

function declarationSymbol(d: Declaration): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  for (const member of d.members) if (member.type === "Declaration") children.push(declarationSymbol(member));
  const detail = [d.name ? d.keyword.text : undefined, d.title ? `"${d.title.value}"` : undefined].filter(Boolean).join(" ");
  return {
    name: label(d),
    ...(detail ? { detail } : {}),
    kind: kinds[d.keyword.text] ?? SymbolKind.Object,
    range: toLspRange(d.range),
    selectionRange: toLspRange((d.name ?? d.keyword).range),
    ...(children.length ? { children } : {}),
  };
}

/**
 * Workspace symbols matching a query (the query's letters in order, ignoring case): the named
 * top-level declarations and committees of every file the server can see.
 */
export function workspaceSymbols(
  store: DocumentStore,
  files: readonly string[],
  params: WorkspaceSymbolParams,
  token?: CancellationToken,
): WorkspaceSymbol[] {
  const query = params.query.toLowerCase();
  const matches = (name: string): boolean => {
    let at = 0;
    const lower = name.toLowerCase();
    for (const ch of query) {
      at = lower.indexOf(ch, at) + 1;
      if (at === 0) return false;
    }
    return true;
  };
  const paths = new Set<string>(files);
  for (const uri of store.openUris()) paths.add(store.pathOf(uri));
  const symbols: WorkspaceSymbol[] = [];
  for (const path of paths) {
    if (token?.isCancellationRequested) break;
    const parsed: ParsedFile | undefined = store.parsedPath(path);
    if (!parsed) continue;
    const uri = store.uriOf(path);
    const visit = (d: Declaration, container: string | undefined, top: boolean): void => {
      if (d.name && (top || d.keyword.text === "committee") && matches(d.name.text))
        symbols.push({
          name: d.name.text,
          kind: kinds[d.keyword.text] ?? SymbolKind.Object,
          location: { uri, range: toLspRange(d.name.range) },
          ...(container ? { containerName: container } : {}),
        });
      for (const m of d.members) if (m.type === "Declaration") visit(m, d.name?.text ?? d.keyword.text, false);
    };
    for (const d of parsed.file.declarations) visit(d, undefined, true);
  }
  return symbols;
}
