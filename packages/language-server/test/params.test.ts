import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorCodes, ResponseError } from "vscode-languageserver";
import { codeActions } from "../src/features/code-actions.js";
import { completion } from "../src/features/completion.js";
import { definition } from "../src/features/definition.js";
import { highlight } from "../src/features/highlight.js";
import { hover } from "../src/features/hover.js";
import { inlayHints } from "../src/features/inlay-hints.js";
import { references } from "../src/features/references.js";
import { prepareRename } from "../src/features/rename.js";
import { selectionRanges } from "../src/features/selection.js";
import { semanticTokensRange } from "../src/features/semantic-tokens.js";
import { checkParams, type RequestMethod } from "../src/params.js";
import { exampleProject, uriOf } from "./support.js";

/** Values a client might send where a number is expected: integers of every size, and what is not one. */
const numberish = fc.oneof(
  fc.integer({ min: 0, max: 200 }),
  fc.integer({ min: -5, max: 2 ** 31 + 5 }),
  fc.constantFrom(2 ** 31 - 1, 2 ** 31, 1.5, -0.5, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(null, "3", true, [], {}),
);
const position = fc.oneof(fc.record({ line: numberish, character: numberish }), fc.constantFrom(null, undefined, 7, "top", {}));
const range = fc.oneof(fc.record({ start: position, end: position }), fc.constantFrom(null, {}));

/** The edge check, then the feature: InvalidParams from the check, or an answer; never another exception. */
function served(method: RequestMethod, params: Record<string, unknown>, run: () => unknown): "answered" | "invalid" {
  try {
    checkParams(method, params);
  } catch (error) {
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError<void>).code).toBe(ErrorCodes.InvalidParams);
    expect((error as ResponseError<void>).message).toMatch(new RegExp(`^Covenant: ${method}: params\\.`));
    return "invalid";
  }
  run();
  return "answered";
}

describe("params checked at the edge", () => {
  const project = exampleProject();
  const uri = project.open("supply-agreement.contract");
  const view = project.checked("supply-agreement.contract");
  const textDocument = { uri };

  it("whatever a position or range holds, a feature behind the check never throws (property)", () => {
    let answered = 0;
    fc.assert(
      fc.property(position, range, (at, span) => {
        const p = { textDocument, position: at } as never;
        const r = { textDocument, range: span } as never;
        const outcomes = [
          served("textDocument/hover", p, () => hover(view, p)),
          served("textDocument/completion", p, () => completion(view, p, { snippets: true })),
          served("textDocument/definition", p, () => definition(view, project.store, p)),
          served("textDocument/documentHighlight", p, () => highlight(view, p)),
          served("textDocument/prepareRename", p, () => prepareRename(view, p)),
          served("textDocument/references", { textDocument, position: at, context: { includeDeclaration: true } }, () =>
            references(view, project.store, { textDocument, position: at, context: { includeDeclaration: true } } as never),
          ),
          served("textDocument/selectionRange", { textDocument, positions: [at] }, () =>
            selectionRanges(view, { textDocument, positions: [at] } as never),
          ),
          served("textDocument/inlayHint", r, () => inlayHints(view, r)),
          served("textDocument/semanticTokens/range", r, () => semanticTokensRange(view, r)),
          served("textDocument/codeAction", { textDocument, range: span, context: { diagnostics: [] } }, () =>
            codeActions(view, project.store, { textDocument, range: span, context: { diagnostics: [] } } as never),
          ),
        ];
        answered += outcomes.filter((o) => o === "answered").length;
      }),
      { seed: 1016, numRuns: 300 },
    );
    // The generators reach both sides of the check.
    expect(answered).toBeGreaterThan(100);
  });

  it("names the field that does not fit", () => {
    const message = (method: RequestMethod, params: unknown): string => {
      try {
        checkParams(method, params);
        return "fits";
      } catch (error) {
        return (error as ResponseError<void>).message;
      }
    };
    expect(message("textDocument/hover", { textDocument, position: null })).toBe(
      "Covenant: textDocument/hover: params.position must be an object (got null)",
    );
    expect(message("textDocument/hover", { textDocument, position: { line: -1, character: 0 } })).toBe(
      "Covenant: textDocument/hover: params.position.line must be an integer from 0 to 2147483647 (got -1)",
    );
    expect(
      message("textDocument/inlayHint", { textDocument, range: { start: { line: 4, character: 0 }, end: { line: 2, character: 0 } } }),
    ).toBe("Covenant: textDocument/inlayHint: params.range.end must not come before params.range.start");
    expect(message("textDocument/rename", { textDocument: { uri: uriOf("x.contract") }, position: { line: 0, character: 0 } })).toBe(
      "Covenant: textDocument/rename: params.newName must be a string (got nothing)",
    );
    expect(message("textDocument/hover", { textDocument: { uri: "::not a uri" }, position: { line: 0, character: 0 } })).toMatch(
      /^Covenant: textDocument\/hover: params.textDocument.uri is not a URI/,
    );
    expect(message("workspace/symbol", { query: "" })).toBe("fits");
  });
});
