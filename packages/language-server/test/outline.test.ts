import { describe, expect, it } from "vitest";
import { FoldingRangeKind, SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import { foldingRanges } from "../src/features/folding.js";
import { documentLinks } from "../src/features/links.js";
import { selectionRanges } from "../src/features/selection.js";
import { legend, semanticTokens, semanticTokensRange } from "../src/features/semantic-tokens.js";
import { documentSymbols, workspaceSymbols } from "../src/features/symbols.js";
import { contract, exampleProject, TestProject, uriOf } from "./support.js";

describe("document symbols (outline)", () => {
  it("lists imports, declarations with their titles and nested blocks", () => {
    const project = exampleProject();
    project.open("supply-agreement.contract");
    const symbols = documentSymbols(
      project.parsed("supply-agreement.contract"),
      { textDocument: { uri: uriOf("supply-agreement.contract") } },
      true,
    ) as DocumentSymbol[];
    expect(symbols[0]).toMatchObject({ name: "library/standard-terms.contract", kind: SymbolKind.Module });
    const pricing = symbols.find((s) => s.name === "airbag_price")!;
    expect(pricing.kind).toBe(SymbolKind.Object);
    expect(pricing.children!.map((c) => c.name)).toEqual(["aluminium"]);
    const party = symbols.find((s) => s.name === "supplier")!;
    expect(party.detail).toBe('party "Toyoda Gosei Co., Ltd."');
    expect(symbols.find((s) => s.name === "governance")!.children![0]!.name).toBe("steering_committee");
  });

  it("answers from the parse alone, and flat when the client wants it flat", () => {
    const project = new TestProject({ "main.contract": `${contract}\nparty broken "B" {\n  role: \n}\n` });
    project.open("main.contract");
    const flat = documentSymbols(project.parsed("main.contract"), { textDocument: { uri: uriOf("main.contract") } }, false);
    expect(flat.map((s) => s.name)).toEqual(["Test Supply Agreement", "supplier", "buyer", "broken"]);
  });
});

describe("workspace symbols", () => {
  it("finds named declarations of every file by a fuzzy query", () => {
    const project = exampleProject();
    project.open("supply-agreement.contract");
    const found = workspaceSymbols(project.store, ["/p/library/standard-terms.contract"], { query: "prtclsr" });
    expect(found.map((s) => s.name).sort()).toEqual(["port_authority_closure", "port_closure"]);
    expect(workspaceSymbols(project.store, [], { query: "steer" }).map((s) => [s.name, s.containerName])).toEqual([
      ["steering_committee", "governance"],
    ]);
  });
});

/** Decodes the relative encoding into [line, character, length, type] tuples. */
function decode(data: readonly number[]): [number, number, number, string][] {
  const out: [number, number, number, string][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    out.push([line, character, data[i + 2]!, legend.tokenTypes[data[i + 3]!]!]);
  }
  return out;
}

describe("semantic tokens", () => {
  const source = `import "lib.contract"
pricing p for airbag {
  basis: annual_volume
  tier 1 .. 9_999: USD 182.00
  rounding: half_up to 2 decimals
}
`;
  it("classifies keywords, names, fields, enum values, codes, units and literals in order", () => {
    const project = new TestProject({ "main.contract": source });
    project.open("main.contract");
    const tokens = decode(semanticTokens(project.parsed("main.contract"), { textDocument: { uri: uriOf("main.contract") } }).data);
    expect(tokens).toEqual([
      [0, 0, 6, "keyword"],
      [0, 7, 14, "string"],
      [1, 0, 7, "keyword"],
      [1, 8, 1, "class"],
      [1, 10, 3, "keyword"],
      [1, 14, 6, "class"],
      [2, 2, 5, "property"],
      [2, 9, 13, "enumMember"],
      [3, 2, 4, "keyword"],
      [3, 7, 1, "number"],
      [3, 12, 5, "number"],
      [3, 19, 3, "enumMember"],
      [3, 23, 6, "number"],
      [4, 2, 8, "property"],
      [4, 12, 7, "enumMember"],
      [4, 20, 2, "keyword"],
      [4, 23, 1, "number"],
      [4, 25, 8, "keyword"],
    ]);
  });

  it("answers a range with the tokens inside it", () => {
    const project = new TestProject({ "main.contract": source });
    project.open("main.contract");
    const tokens = decode(
      semanticTokensRange(project.parsed("main.contract"), {
        textDocument: { uri: uriOf("main.contract") },
        range: { start: { line: 3, character: 0 }, end: { line: 3, character: 40 } },
      }).data,
    );
    expect(tokens.map((t) => t[0])).toEqual([3, 3, 3, 3, 3]);
  });
});

describe("folding ranges", () => {
  it("folds declarations, nested blocks, lists, comment runs and imports", () => {
    const project = new TestProject({
      "main.contract": `import "a.contract"
import "b.contract"
// one
// two
governance {
  committee c "C" {
    members: [
      supplier,
      buyer
    ]
    meets: quarterly
  }
}
/* a
   block */
`,
    });
    project.open("main.contract");
    const ranges = foldingRanges(project.parsed("main.contract"), { textDocument: { uri: uriOf("main.contract") } });
    expect(ranges.sort((a, b) => a.startLine - b.startLine)).toEqual([
      { startLine: 0, endLine: 1, kind: FoldingRangeKind.Imports },
      { startLine: 2, endLine: 3, kind: FoldingRangeKind.Comment },
      { startLine: 4, endLine: 11 },
      { startLine: 5, endLine: 10 },
      { startLine: 6, endLine: 8 },
      { startLine: 13, endLine: 14, kind: FoldingRangeKind.Comment },
    ]);
  });
});

describe("selection ranges", () => {
  it("grows from the word to the phrase, the field, the declaration and the file", () => {
    const project = new TestProject({ "main.contract": `${contract}\nkpi k "K" {\n  target: >= 9<|>8%\n}\n` });
    project.open("main.contract");
    let range = selectionRanges(project.parsed("main.contract"), {
      textDocument: { uri: uriOf("main.contract") },
      positions: [project.at("main.contract")],
    })[0];
    const chain: string[] = [];
    while (range) {
      chain.push(`${range.range.start.line}:${range.range.start.character}-${range.range.end.line}:${range.range.end.character}`);
      range = range.parent;
    }
    expect(chain).toEqual(["19:13-19:16", "19:10-19:16", "19:2-19:16", "18:0-20:1", "0:0-21:0"]);
  });
});

describe("document links", () => {
  it("links each import path (inside the quotes) to its file", () => {
    const project = new TestProject({ "main.contract": `import "lib/terms.contract"\n` });
    project.open("main.contract");
    expect(documentLinks(project.parsed("main.contract"), project.store, { textDocument: { uri: uriOf("main.contract") } })).toEqual([
      {
        range: { start: { line: 0, character: 8 }, end: { line: 0, character: 26 } },
        target: uriOf("lib/terms.contract"),
        tooltip: "Open lib/terms.contract",
      },
    ]);
  });
});
