import { isTopLevelKind, partyRoles, relativePath, type CheckedDocument, type SymbolInfo } from "@covenant/core";
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver";
import type { CheckedView, DocumentStore } from "../documents.js";
import { offsetAt, toLspRange } from "../positions.js";
import { semanticIndex } from "../semantic-index.js";
import { usesEverywhere } from "./references.js";
import { isRoleWordUse, targetAt } from "./targets.js";

/**
 * Rename a declaration and every use of it by its name, across the files of the document and every
 * document that imports them: the open ones and the workspace's other .contract files
 * (`projectFiles`, open or not), so a contract importing a shared library still checks after a
 * declaration of the library is renamed. A role word naming the party from another file (a clause
 * library's `notify supplier`) is left as it is: it still means the party whose role that is, in
 * this document and in every other that imports the library. Refuses what is not a name, words the
 * language reserves, names another declaration of an affected document already has, and a rename
 * after which such a role word would stop meaning this party.
 */

/** Words that cannot name a declaration: the hard keywords, declaration kinds and the value words that mean something alone. */
const reserved = new Set([
  "import",
  "and",
  "or",
  "not",
  "tier",
  "royalty",
  "trigger",
  "step",
  "for",
  "true",
  "false",
  "worldwide",
  "perpetual",
  "any",
]);

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function prepareRename(view: CheckedView, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const target = targetAt(view, offsetAt(view.parsed.lines, params.position));
  if (target?.kind !== "symbol") return null;
  return { range: toLspRange(target.range), placeholder: target.symbol.name };
}

export function rename(
  view: CheckedView,
  store: DocumentStore,
  params: RenameParams,
  token?: CancellationToken,
  projectFiles: readonly string[] = [],
): WorkspaceEdit | null {
  const target = targetAt(view, offsetAt(view.parsed.lines, params.position));
  if (target?.kind !== "symbol") {
    const what =
      target?.kind === "role"
        ? `'${target.role}' names a party by its role; rename the role in the party's 'role' field instead`
        : "Only declared names can be renamed";
    // The params fit; the request cannot be carried out here: RequestFailed, not InvalidRequest (a malformed JSON-RPC request).
    throw new ResponseError(LSPErrorCodes.RequestFailed, what);
  }
  const symbol = target.symbol;
  const newName = params.newName;
  if (newName === symbol.name) return { changes: {} };
  refuseInvalid(newName, symbol, view);
  const affected = [view.checked, ...store.documentsIncluding(symbol.uri, projectFiles, symbol.name).map((v) => v.checked)];
  refuseCollision(newName, view, affected);
  refuseRoleShift(symbol, view, affected);

  const changes: Record<string, TextEdit[]> = {};
  const edit = (path: string, range: Range): void => {
    (changes[store.uriOf(path)] ??= []).push({ range, newText: newName });
  };
  edit(symbol.uri, toLspRange(symbol.nameRange));
  for (const site of usesEverywhere(view, store, symbol, token, projectFiles)) edit(site.uri, toLspRange(site.range));
  return { changes };
}

function refuseInvalid(newName: string, symbol: SymbolInfo, view: CheckedView): void {
  if (!identifier.test(newName))
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `'${newName}' is not a valid name: use letters, digits and '_', starting with a letter or '_'`,
    );
  if (reserved.has(newName) || isTopLevelKind(newName))
    throw new ResponseError(ErrorCodes.InvalidParams, `'${newName}' is a reserved word of Covenant; choose another name`);
  // A role word names "the party with that role": only a party that has that role may take it as its name.
  if ((partyRoles as readonly string[]).includes(newName)) {
    const model = semanticIndex(view.checked).modelOf(symbol.declaration);
    const role = model?.fields.get("role");
    if (!(symbol.kind === "party" && role?.kind === "enum" && role.value === newName))
      throw new ResponseError(
        ErrorCodes.InvalidParams,
        `'${newName}' is a party role; only a party whose role is ${newName} may be called that`,
      );
  }
}

/** Refuses a name another declaration of an affected document (`documents`) already has. */
function refuseCollision(newName: string, view: CheckedView, documents: readonly CheckedDocument[]): void {
  for (const checked of documents) {
    const existing = checked.symbols.get(newName);
    if (existing)
      throw new ResponseError(
        ErrorCodes.InvalidParams,
        `'${newName}' is already declared (a ${existing.kind.replace("_", " ")} in ${relativePath(view.workspace.root, existing.uri)}, line ${existing.nameRange.start.line}); choose another name`,
      );
  }
}

/**
 * A role word left in place keeps meaning this party only if this party has that role. A party
 * called `supplier` whose role is buyer is named by the library's `supplier` only through its
 * name; renaming it would silently hand the library's clause to another party (or to none).
 */
function refuseRoleShift(symbol: SymbolInfo, view: CheckedView, documents: readonly CheckedDocument[]): void {
  if (symbol.kind !== "party") return;
  const role = semanticIndex(view.checked).modelOf(symbol.declaration)?.fields.get("role");
  const roleWord = role?.kind === "enum" ? role.value : undefined;
  for (const checked of documents) {
    const same = checked.symbols.get(symbol.name);
    if (!same || same.uri !== symbol.uri || same.nameRange.start.offset !== symbol.nameRange.start.offset) continue;
    for (const site of semanticIndex(checked).usesOf(same)) {
      if (!isRoleWordUse(site, same) || site.name === roleWord) continue;
      throw new ResponseError(
        LSPErrorCodes.RequestFailed,
        `'${site.name}' in ${relativePath(view.workspace.root, site.uri)}, line ${site.range.start.line}, names the party with the role ${site.name}; ` +
          `this party's role is ${roleWord ?? "not set"}, so after the rename it would no longer mean this party. Give the party the role ${site.name}, or choose which party that clause means first`,
      );
    }
  }
}
