import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LineMap } from "@covenant/core";
import { describe, expect, it } from "vitest";
import { ResponseError, type Position } from "vscode-languageserver";
import { definition } from "../src/features/definition.js";
import { highlight } from "../src/features/highlight.js";
import { references } from "../src/features/references.js";
import { prepareRename, rename } from "../src/features/rename.js";
import { contract, TestProject, uriOf } from "./support.js";

const examples = join(import.meta.dirname, "../../../examples");

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

/**
 * Two contracts share a clause library that names parties by role. One calls its supplier
 * `supplier` (name equals role), the other `acme`. A role word in the library is not a reference
 * to either contract's party.
 */
const errors = (p: TestProject, name: string): string[] =>
  p
    .checked(name)
    .checked.diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${d.code} ${d.message}`);

/** Applies a workspace edit to the project's files (open ones as editor edits, others on disk). */
function apply(p: TestProject, changes: Record<string, { range: { start: Position; end: Position }; newText: string }[]>): void {
  for (const [uri, edits] of Object.entries(changes)) {
    const name = uri.slice(uriOf("").length);
    const text = p.store.get(uri)?.getText() ?? p.disk[`/p/${name}`]!;
    const lines = new LineMap(text);
    let out = text;
    for (const e of [...edits].sort(
      (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
    )) {
      const from = lines.offsetAt(e.range.start.line + 1, e.range.start.character + 1);
      const to = lines.offsetAt(e.range.end.line + 1, e.range.end.character + 1);
      out = out.slice(0, from) + e.newText + out.slice(to);
    }
    if (p.store.isOpen(uri)) p.edit(name, out);
    else p.writeDisk(name, out);
  }
}

describe("role words in a shared clause library", () => {
  const sharedLibrary = `milestone delivery "First Delivery" {
  due: 2026-10-01
  responsible: supplier
  payment: USD 1_000 to buyer
}
`;
  const first = `import "lib/terms.contract"
${contract}
milestone handover "Handover" {
  due: 2026-11-01
  responsible: supp<|>lier
}
`;
  const second = `import "lib/terms.contract"
${contract.replace("party supplier", "party acme").replace("party buyer", "party zenith")}`;

  /** Both contracts open, as in an editor with the two side by side. */
  function workspace(firstText = first): TestProject {
    const p = new TestProject({ "first.contract": firstText, "second.contract": second, "lib/terms.contract": sharedLibrary });
    p.open("first.contract");
    p.open("second.contract");
    return p;
  }

  it("both contracts check clean before any rename", () => {
    const p = workspace();
    expect(errors(p, "first.contract")).toEqual([]);
    expect(errors(p, "second.contract")).toEqual([]);
  });

  it("renaming party supplier rewrites its own file only; the library and the other contract stay clean", () => {
    const p = workspace();
    const declaration = p.checked("first.contract").checked.symbols.get("supplier")!;
    const at = { line: declaration.nameRange.start.line - 1, character: declaration.nameRange.start.column - 1 };
    const edit = rename(p.checked("first.contract"), p.store, {
      textDocument: { uri: uriOf("first.contract") },
      position: at,
      newName: "toyoda",
    })!;
    expect(Object.keys(edit.changes!)).toEqual([uriOf("first.contract")]);
    // The declaration and `responsible: supplier` in the contract itself (the author's use of the name).
    expect(edit.changes![uriOf("first.contract")]!.map((e) => e.range.start.line)).toEqual([
      declaration.nameRange.start.line - 1,
      p.at("first.contract").line,
    ]);
    apply(p, edit.changes!);
    expect(p.store.get(uriOf("first.contract"))!.getText()).toContain("party toyoda");
    expect(errors(p, "first.contract")).toEqual([]);
    expect(errors(p, "second.contract")).toEqual([]);
    expect(p.disk["/p/lib/terms.contract"]).toBe(sharedLibrary);
  });

  it("renaming from a use in the contract gives the same edit", () => {
    const p = workspace();
    const edit = rename(p.checked("first.contract"), p.store, { ...p.params("first.contract"), newName: "toyoda" })!;
    expect(Object.keys(edit.changes!)).toEqual([uriOf("first.contract")]);
    expect(edit.changes![uriOf("first.contract")]).toHaveLength(2);
  });

  it("references and highlight of the party leave out the library's role word", () => {
    const p = workspace();
    const found = references(p.checked("first.contract"), p.store, {
      ...p.params("first.contract"),
      context: { includeDeclaration: true },
    })!;
    expect(found.map((l) => `${l.uri.split("/").pop()}:${l.range.start.line}`)).toEqual([
      "first.contract:9",
      `first.contract:${p.at("first.contract").line}`,
    ]);
    const highlights = highlight(p.checked("first.contract"), p.params("first.contract"))!;
    expect(highlights.map((h) => h.range.start.line)).toEqual([9, p.at("first.contract").line]);
  });

  it("references asked on the library's role word list the places naming a party by that role", () => {
    const p = workspace();
    p.open("lib/terms.contract", sharedLibrary.replace("responsible: supplier", "responsible: sup<|>plier"));
    const found = references(p.checked("lib/terms.contract"), p.store, {
      ...p.params("lib/terms.contract"),
      context: { includeDeclaration: false },
    })!;
    expect(found.map((l) => `${l.uri.split("/").pop()}:${l.range.start.line}`)).toEqual(["terms.contract:2"]);
    expect(() => rename(p.checked("lib/terms.contract"), p.store, { ...p.params("lib/terms.contract"), newName: "x" })).toThrow(
      /names a party by its role/,
    );
  });

  it("renaming a party that is called by a role word it does not have is refused: the library's clause would change hands", () => {
    // `supplier` is this party's name, but its role is buyer: the library's `supplier` means it only through the name.
    const odd = first
      .replace('party supplier "Supplier Co." {\n  role: supplier', 'party supplier "Supplier Co." {\n  role: buyer')
      .replace('party buyer "Buyer Co." {\n  role: buyer', 'party purchaser "Buyer Co." {\n  role: supplier');
    const p = new TestProject({ "first.contract": odd, "lib/terms.contract": sharedLibrary.replace("to buyer", "to purchaser") });
    p.open("first.contract");
    expect(() => rename(p.checked("first.contract"), p.store, { ...p.params("first.contract"), newName: "toyoda" })).toThrow(
      /'supplier' in lib\/terms.contract, line 3, names the party with the role supplier; this party's role is buyer/,
    );
  });
});

describe("a shared library's declaration, with importers the editor has not opened", () => {
  const names = ["preferred-supplier.contract", "joint-development.contract", "library/standard-terms.contract"];
  const projectFiles = names.map((name) => `/p/${name}`);
  /** The examples that share the clause library; only `open` is open in the editor. */
  function workspace(open: string): TestProject {
    const p = new TestProject(Object.fromEntries(names.map((name) => [name, readFileSync(join(examples, name), "utf8")])));
    p.open(open);
    return p;
  }
  /** The protocol position of `word` in file `name`, its first occurrence after `after`. */
  const positionOf = (p: TestProject, name: string, word: string, after = ""): Position => {
    const text = p.disk[`/p/${name}`]!;
    const position = new LineMap(text).positionAt(text.indexOf(word, text.indexOf(after)));
    return { line: position.line - 1, character: position.column - 1 };
  };
  const errorsOnDisk = (p: TestProject, name: string): string[] =>
    p.store
      .workspaceOf(`/p/${name}`)
      .check(`/p/${name}`)
      .diagnostics.filter((d) => d.severity === "error")
      .map((d) => `${d.code} ${d.message}`);
  const renameAt = (p: TestProject, name: string, position: Position, newName: string) =>
    rename(p.checked(name), p.store, { textDocument: { uri: uriOf(name) }, position, newName }, undefined, projectFiles);

  it("renaming `earthquake` from preferred-supplier edits the library and both contracts; both check clean after", () => {
    const p = workspace("preferred-supplier.contract");
    const edit = renameAt(
      p,
      "preferred-supplier.contract",
      positionOf(p, "preferred-supplier.contract", "earthquake", "trigger"),
      "quake",
    )!;
    expect(Object.keys(edit.changes!).sort()).toEqual(names.map(uriOf).sort());
    apply(p, edit.changes!);
    expect(p.disk["/p/joint-development.contract"]).toContain("trigger (quake >= 6");
    expect(p.disk["/p/library/standard-terms.contract"]).toContain("event quake");
    expect(errors(p, "preferred-supplier.contract")).toEqual([]);
    expect(errorsOnDisk(p, "joint-development.contract")).toEqual([]);
  });

  it("renaming from the library itself edits the contracts that import it, open or not", () => {
    const p = workspace("library/standard-terms.contract");
    const edit = renameAt(p, "library/standard-terms.contract", positionOf(p, "library/standard-terms.contract", "earthquake"), "quake")!;
    expect(Object.keys(edit.changes!).sort()).toEqual(names.map(uriOf).sort());
    apply(p, edit.changes!);
    expect(errorsOnDisk(p, "preferred-supplier.contract")).toEqual([]);
    expect(errorsOnDisk(p, "joint-development.contract")).toEqual([]);
  });

  it("references list the uses in importers the editor has not opened", () => {
    const p = workspace("library/standard-terms.contract");
    const found = references(
      p.checked("library/standard-terms.contract"),
      p.store,
      {
        textDocument: { uri: uriOf("library/standard-terms.contract") },
        position: positionOf(p, "library/standard-terms.contract", "earthquake"),
        context: { includeDeclaration: false },
      },
      undefined,
      projectFiles,
    )!;
    expect(new Set(found.map((l) => l.uri))).toEqual(new Set([uriOf("preferred-supplier.contract"), uriOf("joint-development.contract")]));
  });

  it("refuses a new name that an unopened importer already declares", () => {
    const p = workspace("preferred-supplier.contract");
    const taken = /^party (\w+)/m.exec(p.disk["/p/joint-development.contract"]!)![1]!;
    expect(p.checked("preferred-supplier.contract").checked.symbols.has(taken)).toBe(false);
    expect(() =>
      renameAt(p, "preferred-supplier.contract", positionOf(p, "preferred-supplier.contract", "earthquake", "trigger"), taken),
    ).toThrow(/already declared/);
  });
});
