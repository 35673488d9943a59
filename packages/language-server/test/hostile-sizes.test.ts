import { describe, expect, it } from "vitest";
import { codeActions } from "../src/features/code-actions.js";
import { definition } from "../src/features/definition.js";
import { foldingRanges } from "../src/features/folding.js";
import { formatting } from "../src/features/formatting.js";
import { highlight } from "../src/features/highlight.js";
import { inlayHints } from "../src/features/inlay-hints.js";
import { previewProse } from "../src/features/preview.js";
import { references } from "../src/features/references.js";
import { selectionRanges } from "../src/features/selection.js";
import { semanticTokens } from "../src/features/semantic-tokens.js";
import { documentSymbols } from "../src/features/symbols.js";
import { contract, TestProject, uriOf } from "./support.js";

/**
 * Every language-server feature on a flat condition of 70,000 terms answers without a stack
 * overflow: the tree's consumers are iterative or bounded, not only the parser. Nothing is timed.
 */
describe("language-server features on a cause of 70,000 terms", () => {
  const cause = Array.from({ length: 70_000 }, (_, i) => (i % 2 ? "insolvency of buyer" : "insolvency of supplier")).join(" and ");
  const project = new TestProject({ "main.contract": `${contract}\ntermination {\n  cause: insolvency of sup<|>plier and ${cause}\n}\n` });
  project.open("main.contract");
  const textDocument = { uri: uriOf("main.contract") };
  const all = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };

  it("answers every request", { timeout: 120_000 }, async () => {
    const parsed = project.parsed("main.contract");
    const checked = project.checked("main.contract");
    const params = project.params("main.contract");
    expect(foldingRanges(parsed, { textDocument }).length).toBeGreaterThan(0);
    expect(semanticTokens(parsed, { textDocument }).data.length).toBeGreaterThan(70_000);
    expect(selectionRanges(parsed, { textDocument, positions: [params.position] })).toHaveLength(1);
    expect(documentSymbols(parsed, { textDocument }).length).toBeGreaterThan(0);
    expect(inlayHints(checked, { textDocument, range: all })).toBeDefined();
    expect(highlight(checked, params)?.length).toBeGreaterThan(35_000);
    expect(definition(checked, project.store, params)).toHaveLength(1);
    expect(references(checked, project.store, { ...params, context: { includeDeclaration: true } })?.length).toBeGreaterThan(35_000);
    expect(codeActions(checked, project.store, { textDocument, range: all, context: { diagnostics: [] } })).toBeDefined();
    expect(previewProse(checked, "markdown").ok).toBe(true);
    expect((await formatting(parsed, { textDocument, options: { tabSize: 2, insertSpaces: true } })).length).toBe(1);
  });
});
