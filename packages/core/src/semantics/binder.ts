import type * as A from "../syntax/ast.js";
import { Codes } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { isTopLevelKind } from "../syntax/keywords.js";
import type { SymbolInfo } from "./model.js";
import type { ReferenceKind } from "./schema.js";

/**
 * Nested block kinds whose names are visible document-wide. Index names are not: nothing refers
 * to an index, and two prices indexed to the same metal naturally reuse its name.
 */
const namedBlockKinds: ReadonlySet<string> = new Set(["committee"]);

const withArticle = (kind: string): string => `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind.replace("_", " ")}`;

/**
 * Collects the named declarations of every file of a document into one scope. Names are global to
 * the document (a clause library's events are referred to from the root file), so a name declared
 * twice anywhere in the document is CV202. A declaration the parser skipped (CV104) binds its name too.
 */
export function bindDocument(files: readonly A.SourceFile[]): { symbols: Map<string, SymbolInfo>; diagnostics: Diagnostic[] } {
  const symbols = new Map<string, SymbolInfo>();
  const diagnostics: Diagnostic[] = [];
  const declare = (
    declaration: A.Declaration,
    kind: ReferenceKind,
    uri: string,
    skipped?: { readonly mentions: ReadonlySet<string> },
  ): void => {
    const name = declaration.name;
    if (!name) return;
    const existing = symbols.get(name.text);
    if (existing) {
      diagnostics.push({
        code: Codes.DuplicateName,
        severity: "error",
        message: `'${name.text}' is already declared (as ${withArticle(existing.kind)}); give this ${kind.replace("_", " ")} another name`,
        uri,
        range: name.range,
        related: [{ uri: existing.uri, range: existing.nameRange, message: `'${name.text}' is first declared here` }],
      });
      return;
    }
    symbols.set(name.text, { name: name.text, kind, uri, nameRange: name.range, declaration, ...(skipped ? { skipped } : {}) });
  };
  const visitNested = (declaration: A.Declaration, uri: string): void => {
    for (const member of declaration.members) {
      if (member.type !== "Declaration") continue;
      if (namedBlockKinds.has(member.keyword.text)) declare(member, member.keyword.text as ReferenceKind, uri);
      visitNested(member, uri);
    }
  };
  for (const file of files) {
    for (const declaration of file.declarations) {
      const kind = declaration.keyword.text;
      if (isTopLevelKind(kind)) declare(declaration, kind, file.uri);
      visitNested(declaration, file.uri);
    }
    // A declaration skipped for its nesting still declares its name: references to it are not also unknown.
    for (const item of file.skipped) {
      if (!isTopLevelKind(item.keyword.text)) continue;
      const header: A.Declaration = {
        type: "Declaration",
        keyword: item.keyword,
        name: item.name,
        title: undefined,
        subject: undefined,
        members: [],
        doc: undefined,
        range: item.range,
        closed: false,
      };
      declare(header, item.keyword.text, file.uri, { mentions: item.mentions });
    }
  }
  return { symbols, diagnostics };
}
