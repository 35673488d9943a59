import { describe, expect, it } from "vitest";
import { ResponseError } from "vscode-languageserver";
import { definition } from "../src/features/definition.js";
import { highlight } from "../src/features/highlight.js";
import { references } from "../src/features/references.js";
import { prepareRename, rename } from "../src/features/rename.js";
import { contract, TestProject, uriOf } from "./support.js";

const library = `event port_closure "Port Closure" {
  unit: hours
  evidence: "notice by the port authority"
}
`;

const main = `import "lib/events.contract"
${contract}
force_majeure fm "Force Majeure" {
  trigger port_clo<|>sure >= 72 hours
  relief: suspend delivery for 60 days
}

termination {
  cause: f<|>m lasting 180 days
  cause: insolvency of sup<|>plier
}
`;

function project(): TestProject {
  const p = new TestProject({ "main.contract": main, "lib/events.contract": library });
  p.open("main.contract");
  return p;
}

describe("go to definition", () => {
  it("goes from a reference to its declaration in an imported file", () => {
    const p = project();
    expect(definition(p.checked("main.contract"), p.store, p.params("main.contract", 0))).toEqual([
      { uri: uriOf("lib/events.contract"), range: { start: { line: 0, character: 6 }, end: { line: 0, character: 18 } } },
    ]);
  });

  it("goes from an import path to the file", () => {
    const p = new TestProject({ "main.contract": `import "lib/ev<|>ents.contract"\n`, "lib/events.contract": library });
    p.open("main.contract");
    expect(definition(p.checked("main.contract"), p.store, p.params("main.contract"))).toEqual([
      { uri: uriOf("lib/events.contract"), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    ]);
  });

  it("goes in the same file", () => {
    const p = project();
    const [location] = definition(p.checked("main.contract"), p.store, p.params("main.contract", 1))!;
    expect(location!.uri).toBe(uriOf("main.contract"));
    expect(location!.range.start.line).toBe(19);
  });
});

describe("find references and highlight", () => {
  it("finds the uses of a declaration across files, with the declaration when asked", () => {
    const p = new TestProject({ "main.contract": main, "lib/events.contract": library.replace("port_closure", "port_cl<|>osure") });
    p.open("main.contract");
    p.open("lib/events.contract");
    const found = references(p.checked("lib/events.contract"), p.store, {
      ...p.params("lib/events.contract"),
      context: { includeDeclaration: true },
    })!;
    expect(found.map((l) => `${l.uri.split("/").pop()}:${l.range.start.line}`)).toEqual([
      "events.contract:0",
      `main.contract:${p.at("main.contract", 0).line}`,
    ]);
  });

  it("finds the places that name a party by its role", () => {
    const p = new TestProject({
      "lib.contract": `milestone m "M" {\n  due: 2026-10-01\n  responsible: sup<|>plier\n  payment: USD 1 to supplier\n}\n`,
    });
    p.open("lib.contract");
    expect(
      references(p.checked("lib.contract"), p.store, { ...p.params("lib.contract"), context: { includeDeclaration: false } }),
    ).toHaveLength(2);
  });

  it("highlights the declaration as written and its uses as read, in this file only", () => {
    const p = project();
    const found = highlight(p.checked("main.contract"), p.params("main.contract", 2))!;
    // `supplier` is declared here (party supplier) and used once.
    expect(found.map((h) => [h.range.start.line, h.kind])).toEqual([
      [9, 3],
      [p.at("main.contract", 2).line, 2],
    ]);
  });
});

describe("rename", () => {
  it("renames a declaration and its uses across files", () => {
    const p = new TestProject({ "main.contract": main, "lib/events.contract": library });
    p.open("main.contract");
    const edit = rename(p.checked("main.contract"), p.store, { ...p.params("main.contract", 0), newName: "harbour_closure" })!;
    expect(Object.keys(edit.changes!).sort()).toEqual([uriOf("lib/events.contract"), uriOf("main.contract")]);
    expect(edit.changes![uriOf("lib/events.contract")]).toEqual([
      { range: { start: { line: 0, character: 6 }, end: { line: 0, character: 18 } }, newText: "harbour_closure" },
    ]);
    expect(edit.changes![uriOf("main.contract")]![0]!.range.start).toEqual({ line: p.at("main.contract", 0).line, character: 10 });
  });

  it("prepares a rename on a name, and refuses elsewhere", () => {
    const p = project();
    expect(prepareRename(p.checked("main.contract"), p.params("main.contract", 1))).toEqual({
      range: { start: { line: 25, character: 9 }, end: { line: 25, character: 11 } },
      placeholder: "fm",
    });
    const blank = new TestProject({ "main.contract": `${contract}<|>` });
    blank.open("main.contract");
    expect(prepareRename(blank.checked("main.contract"), blank.params("main.contract"))).toBeNull();
  });

  it("refuses invalid names, reserved words, role names and collisions", () => {
    const p = project();
    const attempt = (newName: string): string => {
      try {
        rename(p.checked("main.contract"), p.store, { ...p.params("main.contract", 1), newName });
        return "renamed";
      } catch (error) {
        expect(error).toBeInstanceOf(ResponseError);
        return (error as ResponseError<void>).message;
      }
    };
    expect(attempt("2fm")).toMatch(/not a valid name/);
    expect(attempt("fm x")).toMatch(/not a valid name/);
    expect(attempt("party")).toMatch(/reserved word/);
    expect(attempt("import")).toMatch(/reserved word/);
    expect(attempt("buyer")).toMatch(/party role; only a party whose role is buyer/);
    expect(attempt("port_closure")).toMatch(/already declared \(a event in lib\/events.contract/);
    expect(attempt("licensor")).toMatch(/party role/);
    expect(attempt("force")).toBe("renamed");
  });

  it("refuses a name declared in the same file", () => {
    const p = new TestProject({
      "main.contract": main.replace("trigger port_clo<|>sure", "trigger port_closure").replace("cause: f<|>m", "cause: fm"),
      "lib/events.contract": library.replace("port_closure", "port<|>_closure"),
    });
    p.open("main.contract");
    p.open("lib/events.contract");
    expect(() =>
      rename(p.checked("main.contract"), p.store, {
        textDocument: { uri: uriOf("main.contract") },
        position: { line: 19, character: 15 },
        newName: "port_closure",
      }),
    ).toThrow(/already declared \(a event in lib\/events.contract, line 1\)/);
  });
});
