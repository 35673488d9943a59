import { existsSync, realpathSync } from "node:fs";
import {
  dirname,
  maxSourceBytes,
  normalizePath,
  Workspace,
  type CheckedDocument,
  type FileHost,
  type FileProblem,
  type ParsedFile,
  type ReadResult,
} from "@covenant/core";
import { TextDocument, type TextDocumentContentChangeEvent } from "vscode-languageserver-textdocument";
import { ErrorCodes, ResponseError } from "vscode-languageserver";
import { URI } from "vscode-uri";
import { IncrementalParser } from "./reparse.js";
import { readRegularFile } from "@covenant/node-files";

/**
 * The documents the server knows: editor buffers (synchronised incrementally) over the files on
 * disk. Every open buffer's text is pushed into the core's `Workspace` of its project, which reads
 * everything else (the files a document imports) through a `FileHost`. One workspace per project
 * root, because imports must stay inside their project (CV206).
 */

export interface DocumentStoreOptions {
  /** Reads files that are not open in the editor. */
  readonly host: FileHost;
  /** The project root of a file (imports must stay inside it). */
  readonly rootOf: (path: string) => string;
}

/** A document as a request sees it once parsed: the least build state outline, folding and links need. */
export interface ParsedView {
  readonly uri: string;
  readonly path: string;
  readonly parsed: ParsedFile;
  readonly workspace: Workspace;
}

/** A document once checked with everything it imports: what hover, completion and references need. */
export interface CheckedView extends ParsedView {
  readonly checked: CheckedDocument;
}

export class DocumentStore {
  private readonly open = new Map<string, TextDocument>();
  /** The client's spelling of the URI of each open path, so that answers use the URIs the client sent. */
  private readonly uris = new Map<string, string>();
  private readonly workspaces = new Map<string, Workspace>();
  readonly parser = new IncrementalParser();

  constructor(private readonly options: DocumentStoreOptions) {}

  /** `textDocument/didOpen`. Returns the document's path. */
  openDocument(uri: string, languageId: string, version: number, text: string): string {
    const document = TextDocument.create(uri, languageId, version, text);
    this.open.set(uri, document);
    const path = this.pathOf(uri);
    this.uris.set(path, uri);
    this.workspaceOf(path).setText(path, text);
    return path;
  }

  /** `textDocument/didChange` with incremental (or full) changes. Returns the document's path. */
  changeDocument(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): string {
    const document = this.open.get(uri);
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not open; send textDocument/didOpen first`);
    TextDocument.update(document, [...changes], version);
    const path = this.pathOf(uri);
    this.workspaceOf(path).setText(path, document.getText());
    return path;
  }

  /** `textDocument/didClose`: the disk is read again. Returns the document's path. */
  closeDocument(uri: string): string {
    this.open.delete(uri);
    const path = this.pathOf(uri);
    this.uris.delete(path);
    this.workspaceOf(path).closeText(path);
    return path;
  }

  /** A file changed, appeared or went away on disk. Returns its path. */
  fileChanged(uri: string): string {
    const path = this.pathOf(uri);
    for (const workspace of this.workspaces.values()) workspace.fileChanged(path);
    return path;
  }

  get(uri: string): TextDocument | undefined {
    return this.open.get(uri);
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  openUris(): string[] {
    return [...this.open.keys()];
  }

  /** The open documents whose checked closure holds `path` (and the document at `path` itself, when open). */
  dependentsOf(path: string): string[] {
    const roots = new Set<string>();
    const own = this.uris.get(path);
    if (own) roots.add(own);
    for (const workspace of this.workspaces.values()) {
      for (const root of workspace.dependentsOf(path)) {
        const uri = this.uris.get(root);
        if (uri) roots.add(uri);
      }
    }
    return [...roots];
  }

  /**
   * The documents whose check includes the file at `path` (it or a file it imports): the documents
   * a rename or a search for references must cover. The open documents, and each of
   * `projectFiles` (the .contract files of the workspace folders, open or not) checked as a root
   * of its own, so a contract that imports a shared library is covered though the editor has not
   * opened it. A project file with no import and no mention of `name` cannot refer to a name
   * declared elsewhere and is not checked. Checks are cached, so this is cheap once done.
   */
  documentsIncluding(path: string, projectFiles: readonly string[] = [], name?: string): CheckedView[] {
    const views: CheckedView[] = [];
    const seen = new Set<string>();
    for (const uri of this.open.keys()) {
      const view = this.checked(uri);
      seen.add(view.path);
      if (view.checked.files.some((file) => file.uri === path)) views.push(view);
    }
    for (const file of projectFiles) {
      if (seen.has(file)) continue;
      seen.add(file);
      const parsed = this.parsedPath(file);
      if (!parsed) continue;
      if (file !== path && name !== undefined && !parsed.text.includes(name) && !/\bimport\b/.test(parsed.text)) continue;
      const workspace = this.workspaceOf(file);
      const checked = workspace.check(file);
      if (checked.files.some((f) => f.uri === path)) views.push({ uri: this.uriOf(file), path: file, parsed, workspace, checked });
    }
    return views;
  }

  /** The absolute POSIX path the core uses for a URI. Non-file URIs (untitled buffers) get a path under their scheme. */
  pathOf(uri: string): string {
    const parsed = URI.parse(uri);
    if (parsed.scheme === "file") return normalizePath(parsed.path);
    return normalizePath(`/${parsed.scheme}/${parsed.authority}/${parsed.path}`);
  }

  /** The URI of a path: the client's own spelling when the document is open. */
  uriOf(path: string): string {
    return this.uris.get(path) ?? URI.from({ scheme: "file", path }).toString();
  }

  workspaceOf(path: string): Workspace {
    const root = normalizePath(this.options.rootOf(path));
    let workspace = this.workspaces.get(root);
    if (!workspace) {
      workspace = new Workspace(this.options.host, { root, parse: this.parser.parse });
      this.workspaces.set(root, workspace);
    }
    return workspace;
  }

  allWorkspaces(): Workspace[] {
    return [...this.workspaces.values()];
  }

  /** The parse of an open document. Requests on documents the client has not opened are client errors. */
  parsed(uri: string): ParsedView {
    if (!this.open.has(uri)) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not open; send textDocument/didOpen first`);
    const path = this.pathOf(uri);
    const workspace = this.workspaceOf(path);
    const parsed = workspace.getParsed(path);
    if (!isFile(parsed)) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} cannot be read`);
    return { uri, path, parsed, workspace };
  }

  /** The checked document rooted at an open document (cached by the workspace until a file of it changes). */
  checked(uri: string): CheckedView {
    const view = this.parsed(uri);
    return { ...view, checked: view.workspace.check(view.path) };
  }

  /** The parse of any file of the project, open or on disk, if it is a readable file. */
  parsedPath(path: string): ParsedFile | undefined {
    const parsed = this.workspaceOf(path).getParsed(path);
    return isFile(parsed) ? parsed : undefined;
  }
}

export function isFile(parsed: ParsedFile | FileProblem): parsed is ParsedFile {
  return "version" in parsed;
}

/**
 * A FileHost over node:fs for the files the editor has not opened. Never throws. Only regular files
 * are read, at most `maxSourceBytes` each: an import of a named pipe or a device is reported (CV207)
 * instead of blocking the server.
 */
export function nodeFileHost(): FileHost {
  const native = (path: string): string => URI.from({ scheme: "file", path }).fsPath;
  return {
    read(path: string): ReadResult {
      return readRegularFile(native(path), maxSourceBytes);
    },
    realPath(path: string): string {
      return normalizePath(URI.file(realpathSync(native(path))).path);
    },
  };
}

/**
 * The project root of a file as the CLI finds it: the nearest folder above it holding
 * covenant.json, package.json or .git; else the workspace folder that contains it; else its folder.
 */
export function nodeRootFinder(workspaceFolders: () => readonly string[]): (path: string) => string {
  const cache = new Map<string, string>();
  return (path) => {
    const start = dirname(path);
    const known = cache.get(start);
    if (known) return known;
    let root: string | undefined;
    for (let current = start; ; current = dirname(current)) {
      const native = URI.from({ scheme: "file", path: current }).fsPath;
      if (["covenant.json", "package.json", ".git"].some((marker) => existsSync(`${native}/${marker}`))) {
        root = current;
        break;
      }
      if (dirname(current) === current) break;
    }
    root ??= workspaceFolders().find((folder) => start === folder || start.startsWith(`${folder}/`)) ?? start;
    cache.set(start, root);
    return root;
  };
}
