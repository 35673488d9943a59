import { inertLine } from "@covenant/compiler";
import type { CheckedDocument } from "@covenant/core";
import { declarationLabel } from "./labels.js";
import { flattenDocument } from "./terms.js";

/**
 * The canonical terms listing of a document: one line per term, `pricing airbag_price  tier
 * 10,000–49,999 modules: USD 171.50`. Layout and comments leave it unchanged, so git's `textconv`
 * turns a line diff of two listings into a term diff. Only the file's own declarations are listed
 * (git hands textconv a temporary copy, whose imports may not resolve).
 */
export function renderTermsListing(document: CheckedDocument): string {
  const lines: string[] = [];
  for (const d of flattenDocument(document).filter((d) => d.model.uri === document.rootUri)) {
    const head = declarationLabel(d);
    // One line per term, whatever the author wrote: a line break in a text would forge a term in git's diff.
    for (const term of d.terms) lines.push(inertLine(`${head}  ${term.label}: ${term.text}`));
  }
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}
