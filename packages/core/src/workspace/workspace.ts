import type * as A from "../syntax/ast.js";
import { parse, type ParseResult } from "../syntax/parser.js";
import { Codes, codeCatalogue, type DiagnosticCode } from "../diagnostics/codes.js";
import { compareDiagnostics, type Diagnostic, type RelatedLocation } from "../diagnostics/diagnostic.js";
import type { SourceRange } from "../syntax/position.js";
import { checkDocument } from "../semantics/checker.js";
import type { CheckedDocument } from "../semantics/model.js";
import type { FileHost, ReadResult } from "./host.js";
import { isInside, normalizePath, relativePath, resolveImport } from "./paths.js";

/** A parsed file of the workspace, with the version of the text it was parsed from. */
export interface ParsedFile extends ParseResult {
  readonly path: string;
  readonly text: string;
  readonly version: number;
}

/** What the host found at a path instead of a readable file. */
export type FileProblem = Exclude<ReadResult, { kind: "file" }>;

export interface WorkspaceOptions {
  /** Imports must stay inside this directory (CV206). */
  readonly root: string;
  /**
   * Parses a file's text; defaults to `parse`. The language server passes one that reuses the
   * previous tree of the same file and re-parses only the top-level items an edit touched.
   */
  readonly parse?: (text: string, path: string) => ParseResult;
}

interface CachedCheck {
  readonly result: CheckedDocument;
  /** The version of every file the result was computed from (missing files as -1). */
  readonly versions: ReadonlyMap<string, number>;
}

/**
 * Holds the documents of a project: texts (open editor buffers override the disk), their parse
 * trees, and checked results. A change bumps one file's version; only documents whose import
 * closure contains that file are checked again, and parses are reused across documents.
 */
export class Workspace {
  private readonly overlays = new Map<string, string>();
  private readonly parsed = new Map<string, ParsedFile | FileProblem>();
  private readonly versions = new Map<string, number>();
  private readonly checks = new Map<string, CachedCheck>();
  private nextVersion = 1;
  readonly root: string;
  private readonly parseText: (text: string, path: string) => ParseResult;

  constructor(
    private readonly host: FileHost,
    options: WorkspaceOptions,
  ) {
    this.root = normalizePath(options.root);
    this.parseText = options.parse ?? parse;
  }

  /** Sets the text of a document from an editor; it wins over the disk until `closeText`. */
  setText(path: string, text: string): void {
    const key = normalizePath(path);
    this.overlays.set(key, text);
    this.touch(key);
  }

  /** Forgets an editor's text; the disk is read again. */
  closeText(path: string): void {
    const key = normalizePath(path);
    this.overlays.delete(key);
    this.touch(key);
  }

  /** Tells the workspace a file changed on disk. */
  fileChanged(path: string): void {
    this.touch(normalizePath(path));
  }

  private touch(path: string): void {
    this.parsed.delete(path);
    this.versions.set(path, this.nextVersion++);
  }

  private versionOf(path: string): number {
    let version = this.versions.get(path);
    if (version === undefined) {
      version = this.nextVersion++;
      this.versions.set(path, version);
    }
    return version;
  }

  /** The parse of a file, or what the host found instead of a file. */
  getParsed(path: string): ParsedFile | FileProblem {
    const key = normalizePath(path);
    const cached = this.parsed.get(key);
    if (cached) return cached;
    const overlay = this.overlays.get(key);
    const read: ReadResult = overlay !== undefined ? { kind: "file", text: overlay } : this.host.read(key);
    const result: ParsedFile | FileProblem =
      read.kind === "file" ? { ...this.parseText(read.text, key), path: key, text: read.text, version: this.versionOf(key) } : read;
    this.parsed.set(key, result);
    return result;
  }

  /** Root documents with a cached check whose import closure contains `path`. */
  dependentsOf(path: string): string[] {
    const key = normalizePath(path);
    return [...this.checks].filter(([, cached]) => cached.versions.has(key)).map(([root]) => root);
  }

  /** Checks the document rooted at `path` (and everything it imports); cached until one of those files changes. */
  check(path: string): CheckedDocument {
    const rootPath = normalizePath(path);
    const cached = this.checks.get(rootPath);
    if (cached && [...cached.versions].every(([file, version]) => this.currentVersion(file) === version)) return cached.result;
    const loaded = this.load(rootPath);
    const files = loaded.files.map((f) => f.file);
    const texts = new Map(loaded.files.map((f) => [f.path, f.text]));
    const checked = files.length > 0 ? checkDocument({ rootUri: rootPath, files, texts }) : undefined;
    const diagnostics = withoutCascades(
      dedupe([...loaded.diagnostics, ...loaded.files.flatMap((f) => f.diagnostics), ...(checked?.diagnostics ?? [])]).sort(
        compareDiagnostics,
      ),
    );
    const result: CheckedDocument = {
      rootUri: rootPath,
      files,
      declarations: checked?.declarations ?? [],
      contract: checked?.contract,
      symbols: checked?.symbols ?? new Map(),
      references: checked?.references ?? [],
      diagnostics,
      ok: !diagnostics.some((d) => d.severity === "error"),
    };
    this.checks.set(rootPath, { result, versions: loaded.versions });
    return result;
  }

  private currentVersion(path: string): number {
    const parsed = this.getParsed(path);
    return "version" in parsed ? parsed.version : -1;
  }

  /**
   * Loads a root file and its imports depth-first; reports missing, outside, directory and cyclic
   * imports at the import. The depth-first walk keeps its own stack: an import chain thousands of
   * files long must not overflow the call stack.
   */
  private load(rootPath: string): { files: ParsedFile[]; diagnostics: Diagnostic[]; versions: Map<string, number> } {
    const files: ParsedFile[] = [];
    const diagnostics: Diagnostic[] = [];
    const versions = new Map<string, number>();
    const done = new Set<string>();
    /** The chain of imports being walked, the root first; `next` is the index of the next import to follow. */
    const stack: { path: string; real: string; via: A.ImportStatement | undefined; parsed: ParsedFile; next: number }[] = [];
    /** Where each path and each real path of the stack is on it, to find cycles without searching it. */
    const byPath = new Map<string, number>();
    const byReal = new Map<string, number>();
    const report = (uri: string, code: DiagnosticCode, range: SourceRange, message: string, related?: RelatedLocation[]): void => {
      diagnostics.push({ code, severity: codeCatalogue[code].severity, message, uri, range, ...(related ? { related } : {}) });
    };
    const real = (path: string): string => {
      try {
        return this.host.realPath ? normalizePath(this.host.realPath(path)) : path;
      } catch {
        return path;
      }
    };

    const rootReal = real(this.root);

    const enter = (path: string, via: A.ImportStatement | undefined, from: string | undefined): void => {
      const parsed = this.getParsed(path);
      versions.set(path, "version" in parsed ? parsed.version : -1);
      if (!("version" in parsed)) {
        if (via && from) {
          const shown = relativePath(this.root, path);
          const range = via.path!.range;
          if (parsed.kind === "directory")
            report(from, Codes.ImportNotAFile, range, `'${shown}' is a directory; import a .contract file inside it`);
          else if (parsed.kind === "special")
            report(from, Codes.ImportNotAFile, range, `'${shown}' is ${parsed.what}, not a file; import a .contract file`);
          else if (parsed.kind === "missing")
            report(from, Codes.ImportNotFound, range, `No file '${shown}' to import; check the path (it is relative to this file)`);
          else report(from, Codes.ImportNotFound, range, `'${shown}' cannot be read: ${parsed.reason}`);
        }
        return;
      }
      const realPath = real(path);
      byPath.set(path, stack.length);
      byReal.set(realPath, stack.length);
      stack.push({ path, real: realPath, via, parsed, next: 0 });
    };

    enter(rootPath, undefined, undefined);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const path = frame.path;
      const statement = frame.parsed.file.imports[frame.next++];
      if (!statement) {
        stack.pop();
        byPath.delete(path);
        byReal.delete(frame.real);
        done.add(path);
        files.push(frame.parsed);
        continue;
      }
      if (!statement.path) continue;
      const specifier = statement.path.value;
      const target = resolveImport(path, specifier);
      if (!isInside(this.root, target)) {
        report(
          path,
          Codes.ImportOutsideRoot,
          statement.path.range,
          `'${specifier}' is outside the project (${this.root}); clause libraries must live inside it`,
        );
        continue;
      }
      const targetReal = real(target);
      // A symbolic link inside the project may point anywhere; what counts is where it leads.
      if (targetReal !== target && !isInside(rootReal, targetReal)) {
        report(
          path,
          Codes.ImportOutsideRoot,
          statement.path.range,
          `'${specifier}' is a symbolic link that leads outside the project (${this.root}); clause libraries must live inside it`,
        );
        continue;
      }
      const found = this.getParsed(target);
      // A pipe or a device is reported as not a file (at `enter`), whatever its name.
      const notAFile = "kind" in found && (found.kind === "directory" || found.kind === "special");
      if (!target.endsWith(".contract") && !("version" in found && found.version) && !notAFile) {
        report(path, Codes.ImportNotFound, statement.path.range, `'${specifier}' is not a .contract file`);
        continue;
      }
      const cycleStart = Math.min(byPath.get(target) ?? Infinity, byReal.get(targetReal) ?? Infinity);
      if (cycleStart !== Infinity) {
        const chain = [...stack.slice(cycleStart).map((s) => relativePath(this.root, s.path)), relativePath(this.root, target)];
        const related = stack
          .slice(cycleStart + 1)
          .flatMap((s, k) =>
            s.via?.path
              ? [{ uri: stack[cycleStart + k]!.path, range: s.via.path.range, message: `imports ${relativePath(this.root, s.path)}` }]
              : [],
          );
        report(
          path,
          Codes.ImportCycle,
          statement.path.range,
          `This import closes a cycle: ${chain.join(" → ")}; a clause library cannot import the file that imports it`,
          related,
        );
        continue;
      }
      if (done.has(target)) continue;
      enter(target, statement, path);
    }
    return { files, diagnostics, versions };
  }
}

/** Drops repeated findings (the same file imported along two paths reports once). */
/**
 * Findings after which the parser's recovery re-reads the rest of the line: a stray character, an
 * unexpected token, a line that does not start a declaration (pasted prose, a comment in another
 * language's style). Text left open is not among them: it ends its line, and what is missing after
 * it (a brace at the end of the file) is a fault of its own.
 */
const lineBreakingCodes = new Set<string>([Codes.UnexpectedToken, Codes.UnknownCharacter, Codes.UnknownKind]);
/**
 * Findings that follow from an earlier derailing finding on their line rather than stand for a
 * fault of their own. A stray character after a stray character is kept (each run of binary
 * garbage is shown); after the parser gave up on the line (CV100, CV209) it is the line's rest.
 */
function isConsequent(code: string, derailedBy: string): boolean {
  if (code === Codes.UnexpectedToken || code === Codes.UnknownKind) return true;
  return code === Codes.UnknownCharacter && derailedBy !== Codes.UnknownCharacter;
}

/**
 * One fault, one finding: once a line has a finding that derails the parser, its later "expected …",
 * "not a kind" and (after the parser's) stray-character findings on that line are dropped. `diagnostics` is sorted (by file, then
 * position), so the first finding of each line comes first.
 */
function withoutCascades(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const derailed = new Map<string, string>();
  // A value with a stray character inside (`USD 48.5.0`) is that one fault; its "expects …" is not another.
  const stray = new Map<string, number[]>();
  for (const d of diagnostics)
    if (d.code === Codes.UnknownCharacter) (stray.get(d.uri) ?? stray.set(d.uri, []).get(d.uri)!).push(d.range.start.offset);
  const holdsStray = (d: Diagnostic): boolean => {
    // Offsets are in file order (the list is sorted): find the first at or after the value's start.
    const offsets = stray.get(d.uri);
    if (!offsets) return false;
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (offsets[middle]! < d.range.start.offset) low = middle + 1;
      else high = middle;
    }
    return low < offsets.length && offsets[low]! < d.range.end.offset;
  };
  return diagnostics.filter((d) => {
    if (d.code === Codes.WrongType && holdsStray(d)) return false;
    const line = `${d.uri}\u0000${d.range.start.line}`;
    const by = derailed.get(line);
    if (by !== undefined && isConsequent(d.code, by)) return false;
    if (by === undefined && lineBreakingCodes.has(d.code)) derailed.set(line, d.code);
    return true;
  });
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.uri}\u0000${d.code}\u0000${d.range.start.offset}\u0000${d.range.end.offset}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
