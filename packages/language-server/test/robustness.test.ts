import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { LineMap } from "@covenant/core";
import { describe, expect, it } from "vitest";
import { codeActions } from "../src/features/code-actions.js";
import { completion } from "../src/features/completion.js";
import { definition } from "../src/features/definition.js";
import { foldingRanges } from "../src/features/folding.js";
import { highlight } from "../src/features/highlight.js";
import { hover } from "../src/features/hover.js";
import { inlayHints } from "../src/features/inlay-hints.js";
import { documentLinks } from "../src/features/links.js";
import { references } from "../src/features/references.js";
import { prepareRename } from "../src/features/rename.js";
import { selectionRanges } from "../src/features/selection.js";
import { semanticTokens } from "../src/features/semantic-tokens.js";
import { documentSymbols } from "../src/features/symbols.js";
import { TestProject, uriOf } from "./support.js";

const examples = join(__dirname, "../../../examples");
const sources = readdirSync(examples)
  .filter((f) => f.endsWith(".contract"))
  .map((f) => [f, readFileSync(join(examples, f), "utf8")] as const);
const library = readFileSync(join(examples, "library/standard-terms.contract"), "utf8");

/** Every feature at many positions of a text: none may throw, whatever the text. */
function exercise(text: string): void {
  const project = new TestProject({ "main.contract": text, "library/standard-terms.contract": library });
  project.open("main.contract");
  const view = project.checked("main.contract");
  const lines = new LineMap(text);
  const doc = { textDocument: { uri: uriOf("main.contract") } };
  const whole = { start: { line: 0, character: 0 }, end: { line: lines.lineCount, character: 0 } };
  documentSymbols(view, doc, true);
  foldingRanges(view, doc);
  semanticTokens(view, doc);
  documentLinks(view, project.store, doc);
  inlayHints(view, { ...doc, range: whole });
  codeActions(view, project.store, { ...doc, range: whole, context: { diagnostics: [] } });
  for (let offset = 0; offset <= text.length; offset += 5) {
    const p = lines.positionAt(offset);
    const position = { line: p.line - 1, character: p.column - 1 };
    const params = { ...doc, position };
    hover(view, params);
    completion(view, params, { snippets: true });
    definition(view, project.store, params);
    references(view, project.store, { ...params, context: { includeDeclaration: true } });
    prepareRename(view, params);
    highlight(view, params);
    selectionRanges(view, { ...doc, positions: [position] });
  }
}

describe("every feature at every place", () => {
  it.each(sources)("answers on %s without throwing", (_name, text) => {
    expect(() => exercise(text)).not.toThrow();
  });

  it.each(sources)("answers on broken versions of %s without throwing", (_name, text) => {
    // Cut the text at a few places and splice in stray characters: recovery paths everywhere.
    for (const cut of [0.13, 0.37, 0.61, 0.89]) {
      const at = Math.floor(text.length * cut);
      expect(() => exercise(text.slice(0, at))).not.toThrow();
      expect(() => exercise(`${text.slice(0, at)} } { : [ "${text.slice(at)}`)).not.toThrow();
    }
  });
});
