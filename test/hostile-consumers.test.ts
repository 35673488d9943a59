import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Workspace, memoryHost, type CheckedDocument } from "../packages/core/dist/index.js";
import { compileFormats, formats } from "../packages/compiler/dist/index.js";
import { formatDocument } from "../packages/prettier-plugin/dist/index.js";
import {
  diffDocuments,
  evaluate,
  readFactsFor,
  renderDiffJson,
  renderDiffMarkdown,
  renderDiffText,
  renderEvalJson,
  renderEvalText,
} from "../packages/review/dist/index.js";

/**
 * Every consumer of a large tree, not only the parser: a flat condition of 70,000 terms and a
 * table of 150,000 rows go through build (every format), diff (text, Markdown, JSON, prose
 * redline), eval, fmt and JSON without a stack overflow. Each once died with "Maximum call stack
 * size exceeded" (phrases spread into a call, Math.max over every row) or took minutes (the JSON
 * copied a kind's list for each row). Nothing here is timed; the test timeout catches a hang.
 * The chains go through the real CLI; the table, which takes longer to check, in process.
 */

const repo = join(import.meta.dirname, "..");
const bin = join(repo, "packages/cli/dist/covenant.mjs");
const terms = 70_000;
const rows = 150_000;
const timeout = 120_000;

const header = `contract "Hostile Input Supply Agreement" {
  kind: supply
  effective: 2026-04-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}

party supplier "Toyoda Gosei Co., Ltd." {
  role: supplier
  jurisdiction: JP
}

party buyer "IM Motors Technology Co., Ltd." {
  role: buyer
  jurisdiction: CN
}
`;

/** A termination cause of `terms` insolvency conditions joined by `operator`; `first` is the party of the first. */
const chain = (operator: string, first = "supplier"): string =>
  `${header}\ntermination {\n  cause: insolvency of ${first} ${operator} ${Array.from({ length: terms - 1 }, (_, i) =>
    i % 2 ? "insolvency of supplier" : "insolvency of buyer",
  ).join(` ${operator} `)}\n}\n`;

/** A pricing of `rows` falling tiers; `price` is the price of the first. */
const table = (price = "200000.00"): string =>
  `${header}\nproduct airbag "Driver Airbag Module" {\n  unit: module\n  supplied_by: supplier\n}\n\npricing airbag_price for airbag {\n  basis: order_volume\n  tier 1 .. 10: USD ${price}\n${Array.from(
    { length: rows - 1 },
    (_, i) => `  tier ${(i + 1) * 10 + 1} .. ${(i + 2) * 10}: USD ${199_999 - i}.00`,
  ).join("\n")}\n}\n`;

let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "covenant-consumers-"));
  writeFileSync(join(project, "covenant.json"), "{}\n");
  writeFileSync(join(project, "facts.json"), JSON.stringify({ as_of: "2027-01-15", parties: { supplier: { insolvent: true } } }));
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

/** Runs the CLI in the project; an internal error or stack trace fails the test. */
function covenant(...args: string[]): { code: number; stdout: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: project,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(result.stderr, "no internal error, no stack trace").not.toMatch(/internal error|Maximum call stack|RangeError|at .+:\d+:\d+\)/);
  return { code: result.status ?? -1, stdout: result.stdout };
}

const check = (text: string): CheckedDocument =>
  new Workspace(memoryHost({ "/p/main.contract": text }), { root: "/p" }).check("/p/main.contract");

describe.each(["and", "or"])("a cause of 70,000 terms joined by '%s'", (operator) => {
  beforeAll(() => {
    writeFileSync(join(project, `${operator}.contract`), chain(operator));
    writeFileSync(join(project, `${operator}-2.contract`), chain(operator, "buyer"));
  });

  it("builds to Markdown, text, HTML and JSON", { timeout }, () => {
    const { code } = covenant("build", `${operator}.contract`, "--to", "markdown,text,html,json", "--out-dir", `out-${operator}`);
    expect(code).toBe(0);
    const markdown = readFileSync(join(project, `out-${operator}`, `${operator}.md`), "utf8");
    expect(markdown).toContain("Toyoda Gosei Co., Ltd.");
    expect(markdown.split("insolvent").length - 1).toBeGreaterThanOrEqual(terms);
    const json = JSON.parse(readFileSync(join(project, `out-${operator}`, `${operator}.json`), "utf8")) as {
      terms: { termination: { cause: { condition: Record<string, unknown[]> }[] }[] };
    };
    expect(json.terms.termination[0]!.cause[0]!.condition[operator === "and" ? "all" : "any"]).toHaveLength(terms);
  });

  it("diffs as text, Markdown, JSON and a prose redline", { timeout }, () => {
    for (const format of ["text", "markdown", "json"]) {
      const { code, stdout } = covenant("diff", `${operator}.contract`, `${operator}-2.contract`, "--format", format);
      expect(code, format).toBe(0);
      expect(stdout, format).toContain("insolvency of buyer");
    }
    const { code, stdout } = covenant("diff", `${operator}.contract`, `${operator}-2.contract`, "--prose");
    expect(code).toBe(0);
    expect(stdout).toContain("IM Motors");
  });

  it("evaluates against facts", { timeout }, () => {
    const { code, stdout } = covenant("eval", `${operator}.contract`, "--facts", "facts.json");
    expect(code).toBe(0);
    expect(stdout).toContain("Termination rights");
    expect(stdout).toContain(operator === "or" ? "has arisen" : "has not arisen");
  });

  it("formats, one term a line, and checks as formatted", { timeout }, () => {
    writeFileSync(join(project, `fmt-${operator}.contract`), chain(operator));
    expect(covenant("fmt", "--write", `fmt-${operator}.contract`).code).toBe(0);
    expect(readFileSync(join(project, `fmt-${operator}.contract`), "utf8").split(`\n    ${operator} insolvency of`).length).toBe(terms);
    expect(covenant("fmt", "--check", `fmt-${operator}.contract`).code).toBe(0);
  });
});

describe("a pricing of 150,000 tiers", () => {
  let before: CheckedDocument;
  let after: CheckedDocument;
  beforeAll(() => {
    before = check(table());
    after = check(table("200001.00"));
    expect(before.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  }, timeout);

  it("compiles to every format; the text table lines up and the JSON lists every row", { timeout }, () => {
    const outputs = compileFormats(before, formats, { width: 80 });
    const text = outputs.get("text")!;
    const tableLines = text.split("\n").filter((line) => /^\s*[+|]/.test(line));
    expect(tableLines.length).toBeGreaterThan(2 * rows);
    expect(new Set(tableLines.map((line) => line.length)).size).toBe(1);
    const json = JSON.parse(outputs.get("json")!) as { terms: { pricing: { tier: unknown[] }[] } };
    expect(json.terms.pricing[0]!.tier).toHaveLength(rows);
    // The header, the alignment rule and one line per row.
    expect(
      outputs
        .get("markdown")!
        .split("\n")
        .filter((line) => line.startsWith("| ")).length,
    ).toBe(rows + 2);
    expect(outputs.get("html")!.split("<tr><td").length - 1).toBe(rows);
  });

  it("diffs as text, Markdown and JSON", { timeout }, () => {
    const diff = diffDocuments(before, after, { old: "a.contract", new: "b.contract" });
    expect(renderDiffText(diff)).toContain("USD 200,000.00 → USD 200,001.00");
    expect(renderDiffMarkdown(diff)).toContain("USD 200,001.00");
    expect(JSON.parse(renderDiffJson(diff))).toMatchObject({ equal: false });
  });

  it("evaluates a price", { timeout }, () => {
    const read = readFactsFor(before, JSON.stringify({ as_of: "2027-01-15", volumes: { airbag: 1_234_567 } }));
    if (!("facts" in read)) throw new Error(JSON.stringify(read.problems));
    const result = evaluate(before, read.facts);
    expect(renderEvalText(result)).toContain("USD 76,544.00");
    expect(JSON.parse(renderEvalJson(result))).toBeTruthy();
  });

  it("formats", { timeout }, async () => {
    const formatted = await formatDocument(table());
    expect(formatted.split("\n  tier ").length).toBe(rows + 1);
  });
});
