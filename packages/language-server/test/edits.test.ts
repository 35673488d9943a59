import { describe, expect, it } from "vitest";
import { CodeActionKind } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { codeActions } from "../src/features/code-actions.js";
import { formatting, rangeFormatting } from "../src/features/formatting.js";
import { inlayHints } from "../src/features/inlay-hints.js";
import { exportDocx, previewProse } from "../src/features/preview.js";
import { contract, exampleProject, TestProject, uriOf } from "./support.js";

const apply = (
  text: string,
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
): string => TextDocument.applyEdits(TextDocument.create("x", "covenant", 1, text), edits);

describe("formatting", () => {
  const messy = `${contract}\nparty   seller   "Seller" {\nrole: supplier\n     jurisdiction:   DE }\n`;

  it("formats the document with the Prettier plugin's printer", async () => {
    const project = new TestProject({ "main.contract": messy });
    project.open("main.contract");
    const edits = await formatting(project.parsed("main.contract"), {
      textDocument: { uri: uriOf("main.contract") },
      options: { tabSize: 8, insertSpaces: false },
    });
    expect(apply(messy, edits)).toBe(`${contract}\nparty seller "Seller" {\n  role: supplier\n  jurisdiction: DE\n}\n`);
  });

  it("formats only the declarations a range touches", async () => {
    const text = `party a "A" {\nrole: buyer\n   jurisdiction: DE }\n\nparty b "B" {\nrole: supplier\n   jurisdiction: DE }\n`;
    const project = new TestProject({ "main.contract": text });
    project.open("main.contract");
    const edits = await rangeFormatting(project.parsed("main.contract"), {
      textDocument: { uri: uriOf("main.contract") },
      range: { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(apply(text, edits)).toBe(
      `party a "A" {\nrole: buyer\n   jurisdiction: DE }\n\nparty b "B" {\n  role: supplier\n  jurisdiction: DE\n}\n`,
    );
  });

  it("leaves a document with syntax errors alone", async () => {
    const project = new TestProject({ "main.contract": `party a "A" {\n  role: \n` });
    project.open("main.contract");
    expect(
      await formatting(project.parsed("main.contract"), {
        textDocument: { uri: uriOf("main.contract") },
        options: { tabSize: 2, insertSpaces: true },
      }),
    ).toEqual([]);
  });
});

describe("code actions", () => {
  it("offers the checker's fix for a diagnostic as a quick fix", () => {
    const text = contract.replace("jurisdiction: JP", "jurisdicton: JP");
    const project = new TestProject({ "main.contract": text });
    project.open("main.contract");
    const actions = codeActions(project.checked("main.contract"), project.store, {
      textDocument: { uri: uriOf("main.contract") },
      range: { start: { line: 10, character: 4 }, end: { line: 10, character: 4 } },
      context: { diagnostics: [] },
    });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ title: "Change to 'jurisdiction'", kind: CodeActionKind.QuickFix, isPreferred: true });
    expect(actions[0]!.diagnostics![0]!.code).toBe("CV300");
    const edits = actions[0]!.edit!.changes![uriOf("main.contract")]!;
    expect(apply(text, edits)).toBe(contract);
  });

  it("offers nothing when the client asks only for other kinds", () => {
    const project = new TestProject({ "main.contract": contract.replace("jurisdiction: JP", "jurisdicton: JP") });
    project.open("main.contract");
    expect(
      codeActions(project.checked("main.contract"), project.store, {
        textDocument: { uri: uriOf("main.contract") },
        range: { start: { line: 10, character: 4 }, end: { line: 10, character: 4 } },
        context: { diagnostics: [], only: [CodeActionKind.Refactor] },
      }),
    ).toEqual([]);
  });
});

describe("inlay hints", () => {
  it("shows derived values: durations in days, band widths, days after the effective date", () => {
    const project = exampleProject();
    project.open("supply-agreement.contract");
    const view = project.checked("supply-agreement.contract");
    const hints = inlayHints(view, {
      textDocument: { uri: view.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    });
    const line = (n: number): string[] => hints.filter((h) => h.position.line === n).map((h) => h.label as string);
    const lineOf = (needle: string): number => view.parsed.text.slice(0, view.parsed.text.indexOf(needle)).split("\n").length - 1;
    expect(line(lineOf("term: 5 years"))).toEqual(["= 1,826 days"]);
    expect(line(lineOf("renewal: 1 year"))).toEqual(["= 365 days"]);
    expect(line(lineOf("tier 1 .. 9_999"))).toEqual(["9,999 module"]);
    expect(line(lineOf("tier 10_000 .. 49_999"))).toEqual(["40,000 module"]);
    expect(line(lineOf("due: 2026-10-01"))).toEqual(["day 183"]);
    expect(line(lineOf("renegotiation: every 12 months"))).toEqual(["= 365 days"]);
    expect(line(lineOf("renewal_notice: 90 days"))).toEqual([]);
  });

  it("stays inside the requested range", () => {
    const project = exampleProject();
    project.open("supply-agreement.contract");
    const view = project.checked("supply-agreement.contract");
    expect(
      inlayHints(view, { textDocument: { uri: view.uri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }),
    ).toEqual([]);
  });
});

describe("prose preview", () => {
  it("compiles a clean contract to HTML or Markdown", () => {
    const project = exampleProject();
    project.open("supply-agreement.contract");
    const html = previewProse(project.checked("supply-agreement.contract"), "html");
    expect(html.ok).toBe(true);
    expect(html.text).toContain("<html");
    const markdown = previewProse(project.checked("supply-agreement.contract"), "markdown");
    expect(markdown.text).toMatch(/^# Interior Safety Systems Supply Agreement/);
  });

  it("says why there is no prose for a document with errors or without a contract header", () => {
    const project = new TestProject({
      "main.contract": contract.replace("currency: USD", "currency: XYZ"),
      "lib.contract": `event e "E" {\n  unit: hours\n}\n`,
    });
    project.open("main.contract");
    project.open("lib.contract");
    expect(previewProse(project.checked("main.contract"))).toMatchObject({
      ok: false,
      text: "",
      message: "The contract has 1 error; fix it to see the prose.",
    });
    expect(previewProse(project.checked("lib.contract")).message).toMatch(/no contract header/);
  });
});

describe("export to Word", () => {
  it("compiles a clean contract to a .docx named after it, on the paper asked for", async () => {
    const project = exampleProject();
    project.open("supply-agreement.contract");
    const a4 = await exportDocx(project.checked("supply-agreement.contract"));
    expect(a4).toMatchObject({ ok: true, fileName: "supply-agreement.docx" });
    const bytes = Buffer.from(a4.data!, "base64");
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);
    const letter = await exportDocx(project.checked("supply-agreement.contract"), "letter");
    expect(letter.data).not.toBe(a4.data);
  });

  it("exports nothing for a document with errors or without a contract header, and says why", async () => {
    const project = new TestProject({
      "main.contract": contract.replace("currency: USD", "currency: XYZ"),
      "lib.contract": `event e "E" {\n  unit: hours\n}\n`,
    });
    project.open("main.contract");
    project.open("lib.contract");
    expect(await exportDocx(project.checked("main.contract"))).toEqual({
      uri: uriOf("main.contract"),
      ok: false,
      message: "The contract has 1 error; fix it to export it.",
    });
    expect((await exportDocx(project.checked("lib.contract"))).message).toBe(
      "This file has no contract header: a clause library has no prose of its own. Export the contract that imports it.",
    );
  });
});
