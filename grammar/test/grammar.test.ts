import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  Codes,
  CovenantGrammar,
  getGrammar,
  LineMap,
  parse,
  type Declaration,
  type Expression,
  type Member,
  type SourceFile,
  type Term,
} from "../../packages/core/src/index.js";
import { allTokens } from "../../packages/core/src/syntax/tokens.js";
import { lex } from "../../packages/core/src/syntax/lexer.js";
import { maxNestingDepth } from "../../packages/core/src/syntax/keywords.js";
import { renderRailroad, railroadFile } from "../scripts/generate-railroad.mjs";
import { readEbnf, shapeOf, shapeOfGast, type SerializedGast } from "./ebnf.js";

const grammarDir = new URL("../", import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, grammarDir), "utf8");

// ---------------------------------------------------------------------------------------------
// Helpers: parse and print trees compactly, so expectations read like the source they test.
// ---------------------------------------------------------------------------------------------

/** Parses `text` and fails the test on any diagnostic. */
function parseClean(text: string): SourceFile {
  const { file, diagnostics } = parse(text, "test.contract");
  expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return file;
}

function codesOf(text: string): string[] {
  return parse(text, "test.contract").diagnostics.map((d) => d.code);
}

function showTerm(term: Term): string {
  switch (term.type) {
    case "Range":
      return `${term.low.text}..${term.high?.text ?? ""}`;
    case "List":
      return `[${term.items.map(show).join(", ")}]`;
    case "Group":
      return `(${term.expression ? show(term.expression) : ""})`;
    case "Text":
      return term.raw;
    default:
      return term.text;
  }
}

/** An expression as text: `{...}` around a logical expression, `<...>` around a comparison. */
function show(expression: Expression | undefined): string {
  if (!expression) return "∅";
  switch (expression.type) {
    case "Phrase":
      return expression.terms.map(showTerm).join(" ");
    case "Logical":
      return `{${expression.operands.map(show).join(` ${expression.operator} `)}}`;
    case "Not":
      return `not ${show(expression.operand)}`;
    case "Comparison":
      return `<${expression.left ? `${show(expression.left)} ` : ""}${expression.operator} ${show(expression.right)}>`;
  }
}

/** One line per declaration and member, indented by nesting. */
function outline(members: readonly Member[], indent = ""): string[] {
  return members.flatMap((member) => {
    switch (member.type) {
      case "Field":
        return [`${indent}${member.name.text}: ${show(member.value)}`];
      case "Row":
        return [`${indent}${member.keyword.text} ${show(member.head)}${member.value ? `: ${show(member.value)}` : ""}`];
      case "Declaration": {
        const header = [member.keyword.text, member.name?.text, member.title?.raw, member.subject && `for ${member.subject.text}`];
        return [`${indent}${header.filter(Boolean).join(" ")} {}`, ...outline(member.members, `${indent}  `)];
      }
    }
  });
}

/** The outline of a whole file. */
function outlineOf(text: string): string[] {
  return outline(parseClean(text).declarations);
}

/** The value of `v` in `x { v: VALUE }`. */
function fieldValue(value: string): Expression | undefined {
  const field = parseClean(`x { v: ${value} }`).declarations[0]!.members[0]!;
  expect(field.type).toBe("Field");
  return field.type === "Field" ? field.value : undefined;
}

/** The value of `v` in `x { v: VALUE }`, shown as text. */
function valueOf(value: string): string {
  return show(fieldValue(value));
}

/** The terms of `v` in `x { v: VALUE }`, which must be a single phrase. */
function termsOf(value: string): readonly Term[] {
  const expression = fieldValue(value);
  expect(expression?.type).toBe("Phrase");
  return expression?.type === "Phrase" ? expression.terms : [];
}

// ---------------------------------------------------------------------------------------------

describe("the grammar definition", () => {
  it("passes chevrotain's validations: no ambiguity, no left recursion", () => {
    let grammar: CovenantGrammar | undefined;
    expect(() => (grammar = new CovenantGrammar({ skipValidations: false }))).not.toThrow();
    // chevrotain fills `definitionErrors` during self-analysis but leaves it out of its typings.
    expect((grammar as unknown as { definitionErrors: unknown[] }).definitionErrors).toEqual([]);
  });
});

describe("the reference and the parser agree", () => {
  const productions = getGrammar().getSerializedGastProductions() as unknown as SerializedGast[];
  const ruleNames = productions.map((rule) => rule.name!);
  const ebnf = readEbnf(read("covenant.ebnf"));
  const syntax = ebnf.get("Syntax") ?? [];
  const tokens = ebnf.get("Tokens") ?? [];
  const characters = ebnf.get("Characters") ?? [];
  const tokenNames = allTokens.map((token) => token.name);

  it("railroad.html embeds the parser's productions (run `pnpm grammar` to refresh it)", () => {
    const page = readFileSync(railroadFile, "utf8");
    const embedded = /window\.serializedGrammar = ([\s\S]*?);\n<\/script>/.exec(page)?.[1];
    expect(embedded, "railroad.html has no serialized grammar").toBeDefined();
    expect(JSON.parse(embedded!)).toEqual(productions);
    expect(page).toBe(renderRailroad(productions));
  });

  it("covenant.ebnf has the Syntax, Tokens and Characters sections", () => {
    expect([...ebnf.keys()]).toEqual(["Syntax", "Tokens", "Characters"]);
  });

  it("the EBNF syntax has exactly the parser's rules, in the same order", () => {
    expect(syntax.map((production) => production.name)).toEqual(ruleNames);
  });

  it("each EBNF rule has the shape of the parser's rule", () => {
    const rules = new Set(ruleNames);
    const tokenOfLiteral = new Map(tokens.filter((t) => t.literal !== undefined).map((t) => [t.literal!, t.name]));
    const fromEbnf = Object.fromEntries(syntax.map((production) => [production.name, shapeOf(production, rules, tokenOfLiteral)]));
    const fromParser = Object.fromEntries(productions.map((rule) => [rule.name!, shapeOfGast(rule)]));
    expect(fromEbnf).toEqual(fromParser);
  });

  it("the EBNF tokens are the lexer's tokens, in the lexer's order", () => {
    expect(tokens.map((production) => production.name)).toEqual(tokenNames);
  });

  it("the EBNF categories have the members the lexer gives them", () => {
    const membersOf = (category: (typeof allTokens)[number]): string[] =>
      allTokens.filter((token) => token.CATEGORIES?.includes(category)).map((token) => token.name);
    const tokenSet = new Set(tokenNames);
    for (const token of allTokens) {
      const production = tokens.find((p) => p.name === token.name);
      const writtenAsCategory =
        production !== undefined && production.references.length > 0 && production.references.every((name) => tokenSet.has(name));
      expect(writtenAsCategory ? [...production.references].sort() : [], token.name).toEqual(membersOf(token).sort());
    }
  });

  it("the lexer reads each EBNF literal as its token", () => {
    const literals = tokens.filter((production) => production.literal !== undefined);
    expect(literals.length).toBeGreaterThan(20);
    for (const production of literals) {
      const text = production.literal!;
      const lexed = lex(text, "test.contract", new LineMap(text));
      expect(
        lexed.tokens.map((token) => token.tokenType.name),
        text,
      ).toEqual([production.name]);
    }
  });

  it("every name the EBNF uses is defined", () => {
    const rules = new Set(ruleNames);
    const tokenSet = new Set(tokenNames);
    const characterSet = new Set(characters.map((production) => production.name));
    for (const name of characterSet)
      expect(tokenSet.has(name) || rules.has(name), `${name} is a character class, not a token or rule`).toBe(false);
    for (const production of syntax) {
      for (const name of production.references) expect(rules.has(name) || tokenSet.has(name), `${production.name} uses ${name}`).toBe(true);
    }
    for (const production of [...tokens, ...characters]) {
      for (const name of production.references)
        expect(tokenSet.has(name) || characterSet.has(name), `${production.name} uses ${name}`).toBe(true);
    }
  });

  it("the EBNF in README.md is copied from covenant.ebnf", () => {
    const file = read("covenant.ebnf");
    const blocks = [...read("README.md").matchAll(/```ebnf\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(blocks.length).toBe(3);
    for (const block of blocks) expect(file.includes(block), block.slice(0, 60)).toBe(true);
  });

  it("the reference example in README.md parses without diagnostics", () => {
    const example = /## 6\. The reference example[\s\S]*?```contract\n([\s\S]*?)```/.exec(read("README.md"))?.[1];
    expect(example).toBeDefined();
    const file = parseClean(example!);
    expect(file.imports.map((item) => item.path?.value)).toEqual(["../library/standard-terms.contract"]);
    expect(file.declarations.map((d) => d.keyword.text)).toEqual([
      "contract",
      "party",
      "party",
      "product",
      "pricing",
      "kpi",
      "kpi",
      "license",
      "event",
      "event",
      "force_majeure",
      "governance",
      "escalation",
      "milestone",
      "termination",
    ]);
    const pricing = outline(file.declarations.filter((d) => d.keyword.text === "pricing"));
    expect(pricing).toEqual([
      "pricing airbag_price for airbag {}",
      "  basis: annual_volume",
      "  tier 1..9_999: USD 182.00",
      "  tier 10_000..49_999: USD 171.50",
      "  tier 50_000..: USD 165.00",
      '  index aluminium "LME Aluminium Cash Settlement" {}',
      "    weight: 35%",
      "    floor: -5%",
      "    ceiling: 8%",
      "    review: quarterly",
      "  rounding: half_up to 2 decimals",
      "  renegotiation: every 12 months",
    ]);
  });
});

describe("lexical structure", () => {
  it("keeps line, block and doc comments in file.comments", () => {
    const file = parseClean("// line\n/* block\n   over lines */\n/// doc\nparty a { /* inside */ }\n");
    expect(file.comments.map((c) => [c.style, c.text, c.range.start.line, c.range.start.column])).toEqual([
      ["line", "// line", 1, 1],
      ["block", "/* block\n   over lines */", 2, 1],
      ["doc", "/// doc", 4, 1],
      ["block", "/* inside */", 5, 11],
    ]);
  });

  it("attaches doc comments to the next declaration, nested ones included", () => {
    const file = parseClean(
      "/// Line one.\n///   Line two.\n// an ordinary comment\nparty a {\n  /// The index.\n  index b { }\n}\nparty c { }\n/// Attached to nothing.\n",
    );
    const [a, c] = file.declarations;
    expect(a!.doc).toBe("Line one.\n  Line two.");
    expect((a!.members[0] as Declaration).doc).toBe("The index.");
    expect(c!.doc).toBeUndefined();
  });

  it("does not attach a doc comment above a field", () => {
    const file = parseClean("party a {\n  /// Not a declaration.\n  role: supplier\n}\n");
    expect(file.declarations[0]!.doc).toBeUndefined();
  });

  it("does not nest block comments", () => {
    const { file, diagnostics } = parse("/* a /* b */ */ party a { }", "test.contract");
    expect(file.comments.map((c) => c.text)).toEqual(["/* a /* b */"]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([[Codes.UnknownCharacter, "Unexpected characters '*/'; remove them"]]);
  });

  it("resolves the escapes of text and keeps it as written", () => {
    expect(termsOf('"a \\"quoted\\" word and a \\\\n"')).toMatchObject([
      { type: "Text", value: 'a "quoted" word and a \\n', raw: '"a \\"quoted\\" word and a \\\\n"' },
    ]);
  });

  it("resolves \\n to a line break, which no text may hold (CV106)", () => {
    const parsed = parse('x { v: "a\\nline" }', "test.contract");
    expect(parsed.diagnostics.map((d) => d.code)).toEqual([Codes.LineBreakInText]);
    const member = parsed.file.declarations[0]!.members[0]!;
    const value = member.type === "Field" && member.value?.type === "Phrase" ? member.value.terms[0] : undefined;
    expect(value).toMatchObject({ type: "Text", value: "a\nline" });
  });

  it("reports an unknown escape (CV105)", () => {
    expect(codesOf('x { v: "tab\\there" }')).toEqual([Codes.InvalidEscape]);
  });

  it("reads numbers with grouping and exact decimals", () => {
    expect(termsOf("1_200_000 12.50 -3 0.000_001").map((t) => [t.type, "digits" in t ? t.digits : ""])).toEqual([
      ["Number", "1200000"],
      ["Number", "12.50"],
      ["Number", "-3"],
      ["Number", "0.000001"],
    ]);
  });

  it("reads percentages, negative ones included", () => {
    expect(termsOf("35% -5% 0.25%").map((t) => [t.type, "digits" in t ? t.digits : ""])).toEqual([
      ["Percent", "35"],
      ["Percent", "-5"],
      ["Percent", "0.25"],
    ]);
  });

  it("reads dates by their shape only", () => {
    expect(termsOf("2026-04-01")).toMatchObject([{ type: "Date", text: "2026-04-01" }]);
    expect(termsOf("2026-02-30").map((t) => t.type)).toEqual(["Date"]);
    expect(termsOf("2026-04").map((t) => ("text" in t ? t.text : t.type))).toEqual(["2026", "-04"]);
  });

  it("lets keywords give way to longer words", () => {
    expect(valueOf("tiers important format order android nothing step_in for_now")).toBe(
      "tiers important format order android nothing step_in for_now",
    );
  });

  it("keeps `for` an ordinary word outside a declaration header", () => {
    expect(valueOf("suspend delivery for 60 days")).toBe("suspend delivery for 60 days");
    expect(outlineOf("x { for: airbag }")).toEqual(["x {}", "  for: airbag"]);
    expect(codesOf("party for { }")).toEqual([Codes.UnexpectedToken]);
  });

  it("reserves the row words and the hard keywords", () => {
    for (const word of ["tier", "royalty", "trigger", "step"]) {
      expect(codesOf(`x { ${word}: 1 }`), word).toContain(Codes.UnexpectedToken);
      expect(codesOf(`party ${word} { }`), word).toContain(Codes.UnexpectedToken);
    }
    for (const word of ["import", "and", "or", "not"]) {
      expect(codesOf(`party ${word} { }`), word).toContain(Codes.UnexpectedToken);
    }
    expect(codesOf("x { v: a import }")).toContain(Codes.UnexpectedToken);
  });

  it("reads every comparison operator", () => {
    for (const operator of [">=", "<=", ">", "<", "="]) expect(valueOf(`a ${operator} 1`)).toBe(`<a ${operator} 1>`);
    expect(codesOf("x { v: a == 1 }")).toContain(Codes.UnexpectedToken);
  });

  it("reports an unknown character (CV103) and goes on", () => {
    const { file, diagnostics } = parse("party a { role: supplier § }\nparty b { }", "test.contract");
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([[Codes.UnknownCharacter, 1, 26]]);
    expect(file.declarations.map((d) => d.name?.text)).toEqual(["a", "b"]);
  });

  it("reports text left open at the end of the file (CV101)", () => {
    const { file, diagnostics } = parse('party a { title: "never closed', "test.contract");
    expect(diagnostics[0]).toMatchObject({ code: Codes.UnterminatedString, range: { start: { line: 1, column: 18 } } });
    expect(file.declarations[0]!.members[0]).toMatchObject({ type: "Field", value: { terms: [{ type: "Text", value: "never closed" }] } });
  });

  it("reports text left open at the end of a line, and reads on from the next line (CV101)", () => {
    const { file, diagnostics } = parse('party a {\n  title: "open\n  role: supplier\n}', "test.contract");
    expect(diagnostics.map((d) => d.code)).toEqual([Codes.UnterminatedString]);
    expect(outline(file.declarations)).toEqual(["party a {}", '  title: "open', "  role: supplier"]);
  });

  it("reports a block comment left open at the end of the file (CV102)", () => {
    const { file, diagnostics } = parse("party a { }\n/* never\nclosed", "test.contract");
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([[Codes.UnterminatedComment, 2, 1]]);
    expect(file.comments).toMatchObject([{ style: "block", text: "/* never\nclosed" }]);
    expect(file.declarations).toHaveLength(1);
  });
});

describe("positions", () => {
  const text = "party a {\n  role: supplier\n}\n";

  /** Where the field `role` starts and where its value ends, as [line, column] pairs. */
  function fieldPositions(source: string): number[][] {
    const field = parse(source, "test.contract").file.declarations[0]!.members[0]!;
    const value = field.type === "Field" ? field.value! : undefined;
    return [
      [field.range.start.line, field.range.start.column],
      [value!.range.end.line, value!.range.end.column],
    ];
  }

  it("counts CRLF and lone CR as one line break", () => {
    expect(fieldPositions(text.replace(/\n/g, "\r\n"))).toEqual([
      [2, 3],
      [2, 17],
    ]);
    expect(fieldPositions(text.replace(/\n/g, "\r"))).toEqual([
      [2, 3],
      [2, 17],
    ]);
    const file = parseClean("party a {\r\n}\r\nparty b {\r\n}\r\n");
    expect(file.declarations[1]!.range.start).toEqual({ offset: 14, line: 3, column: 1 });
  });

  it("does not count a byte-order mark as a column", () => {
    const file = parseClean(`\ufeff${text}`);
    expect(file.declarations[0]!.range.start).toEqual({ offset: 1, line: 1, column: 1 });
    expect(file.declarations[0]!.keyword.range.end).toEqual({ offset: 6, line: 1, column: 6 });
    expect(fieldPositions(`\ufeff${text}`)).toEqual([
      [2, 3],
      [2, 17],
    ]);
    const { diagnostics } = parse("\ufeff§ party a { }", "test.contract");
    expect(diagnostics[0]!.range.start).toEqual({ offset: 1, line: 1, column: 1 });
    // Also when a declaration nested too deep is blanked out before lexing.
    const deep = parse(`\ufeffx { v: ${"(".repeat(maxNestingDepth)}${")".repeat(maxNestingDepth)} } party b { }`, "test.contract");
    const after = 2 * maxNestingDepth + 11;
    expect(deep.file.declarations[0]!.range.start).toEqual({ offset: after, line: 1, column: after });
    const comment = parseClean("\ufeff// c\r\nparty a { }").comments[0]!;
    expect(comment.range).toEqual({ start: { offset: 1, line: 1, column: 1 }, end: { offset: 5, line: 1, column: 5 } });
  });

  it("counts a tab as one column", () => {
    expect(fieldPositions("party a {\n\t\trole:\tsupplier\n}")).toEqual([
      [2, 3],
      [2, 17],
    ]);
  });
});

describe("syntax", () => {
  it("reads imports", () => {
    const file = parseClean('import "../library/standard-terms.contract"\nimport "b.contract"\nparty a { }\nimport "c.contract"');
    expect(file.imports.map((item) => item.path?.value)).toEqual(["../library/standard-terms.contract", "b.contract", "c.contract"]);
    expect(codesOf("import party a { }")).toContain(Codes.UnexpectedToken);
  });

  it("reads every declaration header", () => {
    expect(
      outlineOf(
        'governance { }\ncontract "T" { }\nindex copper { }\nparty supplier "Supplier" { }\npricing p for airbag { }\npricing q "Price" for airbag { }\nx "T" for y { }',
      ),
    ).toEqual([
      "governance {}",
      'contract "T" {}',
      "index copper {}",
      'party supplier "Supplier" {}',
      "pricing p for airbag {}",
      'pricing q "Price" for airbag {}',
      'x "T" for y {}',
    ]);
  });

  it("reads fields and nested blocks, named and unnamed", () => {
    expect(
      outlineOf(
        'kpi k {\n  measure: ppm\n  penalty {\n    cap: USD 50_000\n  }\n  index steel "Steel" {\n    weight: 35%\n    sub { deep { a: b } }\n  }\n}',
      ),
    ).toEqual([
      "kpi k {}",
      "  measure: ppm",
      "  penalty {}",
      "    cap: USD 50_000",
      '  index steel "Steel" {}',
      "    weight: 35%",
      "    sub {}",
      "      deep {}",
      "        a: b",
    ]);
  });

  it("reads each row word, with and without a value", () => {
    expect(
      outlineOf(
        "x {\n  tier 1 .. 9_999: USD 182.00\n  royalty 10_000 ..: 3%\n  trigger port_closure >= 72 hours\n  step day 15: corrective_action by supplier\n}",
      ),
    ).toEqual([
      "x {}",
      "  tier 1..9_999: USD 182.00",
      "  royalty 10_000..: 3%",
      "  trigger <port_closure >= 72 hours>",
      "  step day 15: corrective_action by supplier",
    ]);
  });

  it("reads repeated fields such as cause: and convenience:", () => {
    expect(
      outlineOf(
        "termination {\n  cause: insolvency of any party\n  cause: fm lasting 180 days\n  convenience: buyer with notice 180 days\n}",
      ),
    ).toEqual([
      "termination {}",
      "  cause: insolvency of any party",
      "  cause: fm lasting 180 days",
      "  convenience: buyer with notice 180 days",
    ]);
  });

  it("binds not tighter than and, and and tighter than or", () => {
    expect(valueOf("a or b and c")).toBe("{a or {b and c}}");
    expect(valueOf("not a and b")).toBe("{not a and b}");
    expect(valueOf("not not a")).toBe("not not a");
    expect(valueOf("(a or b) and not c")).toBe("{({a or b}) and not c}");
    expect(valueOf("a or b or c")).toBe("{a or b or c}");
    expect(valueOf("breach of defects for 3 consecutive periods or insolvency of supplier")).toBe(
      "{breach of defects for 3 consecutive periods or insolvency of supplier}",
    );
  });

  it("reads comparisons with and without a left side", () => {
    expect(valueOf(">= 98%")).toBe("<>= 98%>");
    expect(valueOf("port_closure >= 72 hours")).toBe("<port_closure >= 72 hours>");
    expect(valueOf("a > 1 and not b <= 2")).toBe("{<a > 1> and not <b <= 2>}");
    expect(codesOf("x { v: 1 <= a <= 5 }")).toContain(Codes.UnexpectedToken);
  });

  it("reads closed and open ranges, with or without spaces", () => {
    expect(valueOf("1 .. 9_999")).toBe("1..9_999");
    expect(valueOf("1..9_999")).toBe("1..9_999");
    expect(valueOf("50_000 ..")).toBe("50_000..");
    expect(valueOf("-5 .. 5 units")).toBe("-5..5 units");
    expect(codesOf("x { v: 2026-01-01 .. 2026-12-31 }")).toContain(Codes.UnexpectedToken);
  });

  it("reads lists, empty, nested and with a trailing comma", () => {
    expect(valueOf("[CN, JP]")).toBe("[CN, JP]");
    expect(valueOf("[CN, JP,]")).toBe("[CN, JP]");
    expect(valueOf("[]")).toBe("[]");
    expect(valueOf("[[1, 2], (a or b), c and d]")).toBe("[[1, 2], ({a or b}), {c and d}]");
    expect(codesOf("x { v: [a,, b] }")).toContain(Codes.UnexpectedToken);
  });

  it("ends a value where the next member starts", () => {
    expect(outlineOf("party a { unit: module supplied_by: supplier role: supplier }")).toEqual([
      "party a {}",
      "  unit: module",
      "  supplied_by: supplier",
      "  role: supplier",
    ]);
    expect(outlineOf('x { rate: 0.5% of invoice index steel "Steel" { } cap: 5% of invoice\nbonus { } }')).toEqual([
      "x {}",
      "  rate: 0.5% of invoice",
      '  index steel "Steel" {}',
      "  cap: 5% of invoice",
      "  bonus {}",
    ]);
    expect(outlineOf('x { weight: 35% index copper { } review: quarterly by buyer committee c "Title" for y { } }')).toEqual([
      "x {}",
      "  weight: 35%",
      "  index copper {}",
      "  review: quarterly by buyer",
      '  committee c "Title" for y {}',
    ]);
    expect(
      outlineOf("x {\n  rounding: half_up to 2 decimals\n  index x for y { }\n  contingency: dual_source\n  index for z { }\n}"),
    ).toEqual(["x {}", "  rounding: half_up to 2 decimals", "  index x for y {}", "  contingency: dual_source", "  index for z {}"]);
  });

  it("always takes the first term of a value", () => {
    expect(outlineOf("x { a: b c { } }")).toEqual(["x {}", "  a: b", "  c {}"]);
    expect(outlineOf("x { a: b c d { } }")).toEqual(["x {}", "  a: b", "  c d {}"]);
  });

  it("reports a field with no value", () => {
    const { file, diagnostics } = parse("x { a: b: c }", "test.contract");
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([[Codes.UnexpectedToken, "Expected a value after 'a:'"]]);
    expect(outline(file.declarations)).toEqual(["x {}", "  a: ∅", "  b: c"]);
  });

  it("reads a name only on the same line as its kind", () => {
    const lines = [
      "kpi defects {",
      "  target: <= 50 ppm",
      "  penalty {",
      "    rate: USD 2_000",
      "  }",
      "  remedy: corrective_action within 10 days",
      '  bonus "Bonus" { }',
      "}",
    ];
    expect(outlineOf(lines.join("\n"))).toEqual([
      "kpi defects {}",
      "  target: <<= 50 ppm>",
      "  penalty {}",
      "    rate: USD 2_000",
      "  remedy: corrective_action within 10 days",
      '  bonus "Bonus" {}',
    ]);
    expect(outlineOf("license l {\n  term: 7 years\n  escrow { deposit: source_code }\n}")).toEqual([
      "license l {}",
      "  term: 7 years",
      "  escrow {}",
      "    deposit: source_code",
    ]);
    // On one line the same words read as a block `years` named `escrow`: the formatter never writes this.
    expect(outlineOf("license l { term: 7 years escrow { } }")).toEqual(["license l {}", "  term: 7", "  years escrow {}"]);
  });

  it("ends a row head before a word followed by a colon", () => {
    expect(outlineOf("x { step day fifteen: notify }")).toEqual(["x {}", "  step day", "  fifteen: notify"]);
  });
});

describe("limits", () => {
  const nested = (depth: number): string => `x { v: ${"(".repeat(depth - 1)}1${")".repeat(depth - 1)} }`;

  it(`accepts nesting ${maxNestingDepth} deep, the declaration's brace included`, () => {
    expect(codesOf(nested(maxNestingDepth))).toEqual([]);
  });

  it("skips a declaration nested deeper, reports CV104 and parses the next", () => {
    const text = `${nested(maxNestingDepth + 1)}\nparty ok { }\nx { v: ${"[".repeat(5000)} }`;
    const { file, diagnostics } = parse(text, "test.contract");
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([
      [Codes.NestingTooDeep, 1, 8 + maxNestingDepth - 1],
      [Codes.NestingTooDeep, 3, 8 + maxNestingDepth - 1],
    ]);
    expect(file.declarations.map((d) => d.keyword.text)).toEqual(["party"]);
  });
});

describe("error recovery", () => {
  it("parses the declaration after a broken one", () => {
    const { file, diagnostics } = parse("party a {\n  role: ]\n}\nparty b { role: buyer }\n", "test.contract");
    expect(diagnostics.map((d) => d.code)).toContain(Codes.UnexpectedToken);
    expect(file.declarations.map((d) => d.name?.text)).toEqual(["a", "b"]);
    expect(outline([file.declarations[1]!])).toEqual(["party b {}", "  role: buyer"]);
  });

  it("starts a new item at a kind in column 1 when a closing brace is missing", () => {
    const text = 'party a {\n  role: supplier\n\nparty b "B" {\n  role: buyer\n}\n';
    const { file, diagnostics } = parse(text, "test.contract");
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([[Codes.UnexpectedToken, 2, 17]]);
    expect(file.declarations.map((d) => [d.name?.text, d.closed])).toEqual([
      ["a", false],
      ["b", true],
    ]);
    expect(outline([file.declarations[1]!])).toEqual(['party b "B" {}', "  role: buyer"]);
  });

  it("keeps an indented declaration nested in the unclosed one", () => {
    const { file } = parse("party a {\n  role: supplier\n  party b { }\n", "test.contract");
    expect(outline(file.declarations)).toEqual(["party a {}", "  role: supplier", "  party b {}"]);
  });

  it("does not split at a field named like a kind", () => {
    const { file } = parse("milestone m {\n  due: 2026-10-01\nparty: supplier\n\nparty b { }\n", "test.contract");
    expect(outline(file.declarations)).toEqual(["milestone m {}", "  due: 2026-10-01", "  party: supplier", "party b {}"]);
  });

  it("returns a tree for any text", () => {
    for (const text of ["", "}", "{{{", "party", 'party a "', "import", ":::", "x { v: ( }", "x { v: [ }", "tier 1", "and or not"]) {
      const { file } = parse(text, "test.contract");
      expect(file.type, JSON.stringify(text)).toBe("SourceFile");
    }
  });
});
