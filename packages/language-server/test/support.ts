import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LineMap, memoryHost } from "@covenant/core";
import type { Position } from "vscode-languageserver";
import { DocumentStore, type CheckedView, type ParsedView } from "../src/documents.js";
import { parseMarkers } from "./markers.js";

/** The project root of every in-memory test project. */
export const root = "/p";

export const uriOf = (name: string): string => `file://${root}/${name}`;

/**
 * An in-memory project for feature tests: files by name under /p (the "disk"), documents opened
 * into a DocumentStore as an editor would. Texts may carry `<|>` markers; `at(name, i)` is the
 * protocol position of the i-th marker of that file.
 */
export class TestProject {
  readonly disk: Record<string, string> = {};
  readonly store: DocumentStore;
  private readonly markers = new Map<string, number[]>();
  private version = 1;

  constructor(files: Readonly<Record<string, string>> = {}) {
    for (const [name, source] of Object.entries(files)) this.disk[`${root}/${name}`] = this.strip(name, source);
    this.store = new DocumentStore({ host: memoryHost(this.disk), rootOf: () => root });
  }

  private strip(name: string, source: string): string {
    const { text, offsets } = parseMarkers(source);
    this.markers.set(name, offsets);
    return text;
  }

  /** Opens a file in the "editor": its disk text, or `source` (with markers) if given. */
  open(name: string, source?: string): string {
    const text = source === undefined ? this.disk[`${root}/${name}`] : this.strip(name, source);
    if (text === undefined) throw new Error(`no file ${name}`);
    this.store.openDocument(uriOf(name), "covenant", this.version++, text);
    return uriOf(name);
  }

  /** Replaces an open document's text (one full change). */
  edit(name: string, source: string): void {
    const text = this.strip(name, source);
    this.store.changeDocument(uriOf(name), this.version++, [{ text }]);
  }

  /** Changes a file on disk and tells the store, as didChangeWatchedFiles does. */
  writeDisk(name: string, text: string): void {
    this.disk[`${root}/${name}`] = text;
    this.store.fileChanged(uriOf(name));
  }

  parsed(name: string): ParsedView {
    return this.store.parsed(uriOf(name));
  }

  checked(name: string): CheckedView {
    return this.store.checked(uriOf(name));
  }

  /** The protocol position of marker `index` in file `name`. */
  at(name: string, index = 0): Position {
    const offset = this.markers.get(name)?.[index];
    if (offset === undefined) throw new Error(`no marker ${index} in ${name}`);
    const text = this.store.get(uriOf(name))?.getText() ?? this.disk[`${root}/${name}`]!;
    const position = new LineMap(text).positionAt(offset);
    return { line: position.line - 1, character: position.column - 1 };
  }

  params(name: string, index = 0): { textDocument: { uri: string }; position: Position } {
    return { textDocument: { uri: uriOf(name) }, position: this.at(name, index) };
  }
}

const examples = join(__dirname, "../../../examples");

/** An example contract of the repository with its clause library, as a test project. */
export function exampleProject(name = "supply-agreement.contract"): TestProject {
  return new TestProject({
    [name]: readFileSync(join(examples, name), "utf8"),
    "library/standard-terms.contract": readFileSync(join(examples, "library/standard-terms.contract"), "utf8"),
  });
}

/** A small, complete contract: every test that needs one clean document starts from it. */
export const contract = `contract "Test Supply Agreement" {
  kind: supply
  effective: 2026-04-01
  term: 5 years
  governing_law: "Japan"
  currency: USD
}

party supplier "Supplier Co." {
  role: supplier
  jurisdiction: JP
}

party buyer "Buyer Co." {
  role: buyer
  jurisdiction: CN
}
`;
