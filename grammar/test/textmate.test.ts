import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as oniguruma from "vscode-oniguruma";
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from "vscode-textmate";
// @ts-expect-error: a plain ES module without types
import { renderTextMateGrammar } from "../scripts/generate-textmate.mjs";

/**
 * The TextMate grammar, tokenised as VS Code tokenises it (vscode-textmate over the Oniguruma
 * WebAssembly build): every example file, and the scopes of keywords, declaration names, strings,
 * numbers, money, percentages, dates, comments and references.
 */

const require = createRequire(import.meta.url);
const here = import.meta.dirname;
const grammarPath = join(here, "../covenant.tmLanguage.json");
const examples = join(here, "../../examples");
const exampleFiles = [
  ...readdirSync(examples)
    .filter((f) => f.endsWith(".contract"))
    .map((f) => join(examples, f)),
  ...readdirSync(join(examples, "library"))
    .filter((f) => f.endsWith(".contract"))
    .map((f) => join(examples, "library", f)),
];

interface Token {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === "source.covenant" ? parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath) : null,
  });
  const loaded = await registry.loadGrammar("source.covenant");
  if (!loaded) throw new Error("the grammar did not load");
  grammar = loaded;
});

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let state: StateStack = INITIAL;
  text.split(/\r?\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens)
      tokens.push({ line: index, text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    state = result.ruleStack;
  });
  return tokens;
}

/** The scopes of the first token whose text is `text` (on the first line containing `context`, if given). */
function scopesOf(tokens: readonly Token[], source: string, text: string, context?: string): readonly string[] {
  const line = context === undefined ? undefined : source.split(/\r?\n/).findIndex((l) => l.includes(context));
  const token = tokens.find((t) => t.text === text && (line === undefined || t.line === line));
  if (!token) throw new Error(`no token '${text}'${context ? ` on the line with '${context}'` : ""}`);
  return token.scopes;
}

describe("the TextMate grammar", () => {
  it("is what the generator makes of the core's schemas", () => {
    expect(readFileSync(grammarPath, "utf8")).toBe(renderTextMateGrammar());
  });

  it.each(exampleFiles.map((f) => [f.slice(examples.length + 1), f]))("gives every character of %s a scope", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const unscoped = tokenize(source).filter((t) => t.text.trim() !== "" && t.scopes.length === 1);
    expect(unscoped.map((t) => `${t.line + 1}: ${t.text}`)).toEqual([]);
  });

  describe("on the supply agreement", () => {
    const source = readFileSync(join(examples, "supply-agreement.contract"), "utf8");
    let tokens: Token[];
    beforeAll(() => {
      tokens = tokenize(source);
    });
    const expectScope = (text: string, scope: string, context?: string): void => {
      expect(scopesOf(tokens, source, text, context)).toContain(scope);
    };

    it("scopes keywords", () => {
      expectScope("import", "keyword.control.import.covenant");
      for (const kind of [
        "contract",
        "party",
        "product",
        "pricing",
        "kpi",
        "license",
        "event",
        "force_majeure",
        "governance",
        "escalation",
        "milestone",
        "termination",
      ])
        expectScope(kind, "keyword.other.declaration.covenant");
      expectScope("index", "keyword.other.block.covenant");
      expectScope("penalty", "keyword.other.block.covenant");
      expectScope("committee", "keyword.other.block.covenant");
      expectScope("tier", "keyword.other.row.covenant");
      expectScope("trigger", "keyword.other.row.covenant");
      expectScope("step", "keyword.other.row.covenant");
      expectScope("for", "keyword.other.covenant", "pricing airbag_price");
      expectScope("of", "keyword.other.covenant", "rate: 0.5% of invoice");
    });

    it("scopes declaration names and field names", () => {
      expectScope("supplier", "entity.name.type.covenant", "party supplier");
      expectScope("airbag_price", "entity.name.type.covenant");
      expectScope("aluminium", "entity.name.type.covenant");
      expectScope("steering_committee", "entity.name.type.covenant");
      expectScope("governing_law", "variable.other.property.covenant");
      expectScope("supplied_by", "variable.other.property.covenant");
    });

    it("scopes references, and a role as a value in `role:`", () => {
      expectScope("supplier", "variable.other.reference.covenant", "supplied_by: supplier");
      expectScope("airbag", "variable.other.reference.covenant", "pricing airbag_price for airbag");
      expectScope("port_closure", "variable.other.reference.covenant", "trigger port_closure");
      expectScope("ladder", "variable.other.reference.covenant", "on_miss: ladder");
      expectScope("defects", "variable.other.reference.covenant", "breach of defects");
      expectScope("supplier", "constant.language.enum.covenant", "role: supplier");
    });

    it("scopes strings, numbers, money, percentages, dates and codes", () => {
      expectScope('"', "string.quoted.double.covenant", "governing_law");
      expect(scopesOf(tokens, source, "Toyoda Gosei Co., Ltd.")).toContain("string.quoted.double.covenant");
      expectScope("9_999", "constant.numeric.covenant", "tier 1 .. 9_999");
      expectScope("USD", "support.constant.currency.covenant", "tier 1 .. 9_999");
      expectScope("182.00", "constant.numeric.money.covenant");
      expectScope("1_200_000", "constant.numeric.money.covenant");
      expectScope("35%", "constant.numeric.percentage.covenant");
      expectScope("-5%", "constant.numeric.percentage.covenant");
      expectScope(">=", "keyword.operator.comparison.covenant", "target: >= 98%");
      expectScope("98%", "constant.numeric.percentage.covenant");
      expectScope("2026-04-01", "constant.numeric.date.covenant");
      expectScope("72", "constant.numeric.covenant");
      expectScope("hours", "support.type.unit.covenant", "port_closure >= 72 hours");
      expectScope("CN", "constant.other.code.covenant", "territory");
      expectScope("annual_volume", "constant.language.enum.covenant");
      expectScope("false", "constant.language.boolean.covenant");
    });

    it("scopes comments: line, doc and block", () => {
      expect(scopesOf(tokens, source, "// A strategic supply deal between a Tier-1 supplier and an EV maker.")).toContain(
        "comment.line.double-slash.covenant",
      );
      const doc = tokens.find((t) => t.text.startsWith("///"))!;
      expect(doc.scopes).toContain("comment.line.documentation.covenant");
      const library = tokenize(readFileSync(join(examples, "library/standard-terms.contract"), "utf8"));
      expect(library.find((t) => t.text.includes("Force-majeure events"))!.scopes).toContain("comment.block.covenant");
    });
  });

  it("keeps a block comment open across lines and closes an unterminated string at the line end", () => {
    const tokens = tokenize('/* one\nparty x "X" {\n*/\ngoverning_law: "open\nparty y "Y" {');
    expect(tokens.filter((t) => t.line === 1).every((t) => t.scopes.includes("comment.block.covenant"))).toBe(true);
    expect(tokens.find((t) => t.line === 4 && t.text === "party")!.scopes).toContain("keyword.other.declaration.covenant");
  });
});
