import type { DefinitionParams, Location } from "vscode-languageserver";
import type { CheckedView, DocumentStore } from "../documents.js";
import { offsetAt, toLspRange } from "../positions.js";
import { semanticIndex } from "../semantic-index.js";
import { targetAt } from "./targets.js";

/**
 * Go to definition: a reference goes to its declaration (in this file or an imported one), a party
 * role to the parties that have it, an import path to the imported file.
 */
export function definition(view: CheckedView, store: DocumentStore, params: DefinitionParams): Location[] | null {
  const target = targetAt(view, offsetAt(view.parsed.lines, params.position));
  if (!target) return null;
  switch (target.kind) {
    case "symbol":
      return [{ uri: store.uriOf(target.symbol.uri), range: toLspRange(target.symbol.nameRange) }];
    case "role":
      return semanticIndex(view.checked)
        .partiesWithRole(target.role)
        .flatMap((party) => (party.node.name ? [{ uri: store.uriOf(party.uri), range: toLspRange(party.node.name.range) }] : []));
    case "import":
      return [{ uri: store.uriOf(target.path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  }
}
