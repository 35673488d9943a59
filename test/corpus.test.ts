import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { Workspace, allCodes, type Diagnostic, type FileHost, type ReadResult } from "../packages/core/src/index.js";

/**
 * The corpus of invalid and valid files (test/corpus). Every root file states the diagnostics it
 * must produce, one comment each:
 *
 *   // expect: CV200 @ line 14
 *   // expect: CV200 @ line 14 col 9 "substring of the message"
 *   // expect: CV205 @ a.contract line 2          (a diagnostic in another file, relative to the root's folder)
 *
 * and the check must produce exactly those, no more. Roots are the top-level `*.contract` files of
 * `invalid/` and `valid/`, and `main.contract` in each of their sub-folders (the other files of such
 * a folder are imported by it). Files in `valid/` expect nothing.
 *
 * Files whose bytes are not text (NUL bytes, invalid UTF-8) are kept out of git: `invalid/generated/`
 * holds `*.template` files in which `{{0xNN}}` stands for one raw byte. The test builds the bytes,
 * serves them as `invalid/generated/NAME.contract`, decoded exactly as a file read from disk is.
 *
 * The workspace root is test/corpus, so `../../outside.contract` from `invalid/` leaves the project.
 */

const corpus = toPosix(join(import.meta.dirname, "corpus"));

function toPosix(path: string): string {
  return path.split(sep).join("/");
}

/** Bytes of a template: `{{0xNN}}` is one raw byte, everything else UTF-8. */
function templateBytes(template: string): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{\{0x([0-9A-Fa-f]{2})\}\}/g)) {
    parts.push(Buffer.from(template.slice(last, match.index), "utf8"), Buffer.from([parseInt(match[1]!, 16)]));
    last = match.index + match[0].length;
  }
  parts.push(Buffer.from(template.slice(last), "utf8"));
  return Buffer.concat(parts);
}

/** Decodes bytes the way a node host reads a file as UTF-8: invalid sequences become U+FFFD. */
function decode(bytes: Buffer): string {
  return bytes.toString("utf8");
}

/** A FileHost over node:fs, with generated files served from memory. */
function corpusHost(generated: ReadonlyMap<string, Buffer>): FileHost {
  return {
    read(path): ReadResult {
      const bytes = generated.get(path);
      if (bytes) return { kind: "file", text: decode(bytes) };
      try {
        if (statSync(path).isDirectory()) return { kind: "directory" };
        return { kind: "file", text: decode(readFileSync(path)) };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
        return { kind: "unreadable", reason: (error as Error).message };
      }
    },
    realPath: (path) => (generated.has(path) ? path : toPosix(realpathSync(path))),
  };
}

interface Expectation {
  readonly code: string;
  /** Path relative to the corpus. */
  readonly file: string;
  readonly line: number;
  readonly column: number | undefined;
  readonly message: string | undefined;
  /** Where the expectation is written, for failure messages. */
  readonly source: string;
}

interface Root {
  /** Absolute path of the root file. */
  readonly path: string;
  readonly text: string;
}

const expectLine = /^\s*\/\/\s*expect:\s*(CV\d{3})\s*@\s*(?:(\S+\.contract)\s+)?line\s+(\d+)(?:\s+col\s+(\d+))?(?:\s+"(.*)")?\s*$/;

/** Reads the `// expect:` comments of a root; a malformed one is an error, not a silent skip. */
function expectationsOf(root: Root): Expectation[] {
  const folder = root.path.slice(0, root.path.lastIndexOf("/"));
  const here = relative(corpus, root.path);
  return root.text.split(/\r\n|\r|\n/).flatMap((line, index): Expectation[] => {
    if (!/\/\/\s*expect:/.test(line)) return [];
    const match = expectLine.exec(line);
    if (!match) throw new Error(`${here}:${index + 1}: malformed expectation: ${line.trim()}`);
    const [, code, file, lineNumber, column, message] = match;
    return [
      {
        code: code!,
        file: file ? toPosix(relative(corpus, `${folder}/${file}`)) : here,
        line: Number(lineNumber),
        column: column === undefined ? undefined : Number(column),
        message,
        source: `${here}:${index + 1}`,
      },
    ];
  });
}

/** The roots of one corpus folder: its top-level files and `main.contract` of each sub-folder. */
function rootsOf(folder: string): string[] {
  const roots: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = `${folder}/${entry.name}`;
    if (entry.isFile() && entry.name.endsWith(".contract")) roots.push(path);
    else if (entry.isDirectory()) {
      try {
        if (statSync(`${path}/main.contract`).isFile()) roots.push(`${path}/main.contract`);
      } catch {
        // Not an import case (the generated templates live in such a folder).
      }
    }
  }
  return roots;
}

function allContractFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return allContractFiles(path);
    return entry.name.endsWith(".contract") ? [path] : [];
  });
}

const generatedFolder = `${corpus}/invalid/generated`;
const generated = new Map<string, Buffer>(
  readdirSync(generatedFolder)
    .filter((name) => name.endsWith(".template"))
    .sort()
    .map((name) => [
      `${generatedFolder}/${name.replace(/\.template$/, ".contract")}`,
      templateBytes(readFileSync(`${generatedFolder}/${name}`, "utf8")),
    ]),
);
const host = corpusHost(generated);

function readRoot(path: string): Root {
  const read = host.read(path);
  if (read.kind !== "file") throw new Error(`cannot read ${path}: ${read.kind}`);
  return { path, text: read.text };
}

const invalidRoots = [...rootsOf(`${corpus}/invalid`), ...generated.keys()].map(readRoot);
const validRoots = rootsOf(`${corpus}/valid`).map(readRoot);

function describeDiagnostic(d: Diagnostic): string {
  return `${relative(corpus, d.uri)}:${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`;
}

function matches(expectation: Expectation, d: Diagnostic): boolean {
  return (
    d.code === expectation.code &&
    toPosix(relative(corpus, d.uri)) === expectation.file &&
    d.range.start.line === expectation.line &&
    (expectation.column === undefined || d.range.start.column === expectation.column) &&
    (expectation.message === undefined || d.message.includes(expectation.message))
  );
}

/** Pairs expectations with diagnostics (the most specific expectations first) and lists what is left on either side. */
function compare(expectations: readonly Expectation[], diagnostics: readonly Diagnostic[]): string[] {
  const left = [...diagnostics];
  const specificity = (e: Expectation): number => (e.message === undefined ? 0 : 2) + (e.column === undefined ? 0 : 1);
  const problems: string[] = [];
  for (const expectation of [...expectations].sort((a, b) => specificity(b) - specificity(a))) {
    const index = left.findIndex((d) => matches(expectation, d));
    if (index >= 0) left.splice(index, 1);
    else {
      const where = `${expectation.file} line ${expectation.line}${expectation.column === undefined ? "" : ` col ${expectation.column}`}`;
      problems.push(
        `missing: ${expectation.code} @ ${where}${expectation.message ? ` "${expectation.message}"` : ""} (expected at ${expectation.source})`,
      );
    }
  }
  for (const d of left) problems.push(`unexpected: ${describeDiagnostic(d)}`);
  return problems;
}

function check(root: Root): readonly Diagnostic[] {
  return new Workspace(host, { root: corpus }).check(root.path).diagnostics;
}

const name = (root: Root): string => relative(corpus, root.path);

describe("invalid corpus", () => {
  it.each(invalidRoots.map((root) => [name(root), root] as const))("%s produces exactly its expected diagnostics", (_, root) => {
    const expectations = expectationsOf(root);
    expect(expectations.length, "an invalid file states at least one expected diagnostic").toBeGreaterThan(0);
    expect(compare(expectations, check(root))).toEqual([]);
  });

  it("covers every diagnostic code", () => {
    const covered = new Set(invalidRoots.flatMap((root) => expectationsOf(root).map((e) => e.code)));
    expect(allCodes.filter((code) => !covered.has(code))).toEqual([]);
  });

  it("writes expectations only in root files", () => {
    const roots = new Set(invalidRoots.map((root) => root.path));
    const stray = allContractFiles(`${corpus}/invalid`).filter(
      (path) => !roots.has(path) && /\/\/\s*expect:/.test(readFileSync(path, "utf8")),
    );
    expect(stray.map((path) => relative(corpus, path))).toEqual([]);
  });
});

describe("valid corpus", () => {
  it.each(validRoots.map((root) => [name(root), root] as const))("%s produces no diagnostics", (_, root) => {
    expect(expectationsOf(root)).toEqual([]);
    expect(check(root).map(describeDiagnostic)).toEqual([]);
  });
});

/**
 * Line endings and a byte-order mark are not content: every top-level corpus file, rewritten with
 * CRLF line endings or with a BOM in front, gives the same findings at the same lines and columns.
 */
describe("layout variants", () => {
  const topLevel = [...invalidRoots, ...validRoots].filter((root) => !root.path.endsWith("/main.contract") && !generated.has(root.path));
  const findings = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map(describeDiagnostic);

  function checkVariant(root: Root, text: string): readonly Diagnostic[] {
    const workspace = new Workspace(host, { root: corpus });
    workspace.setText(root.path, text);
    return workspace.check(root.path).diagnostics;
  }

  it.each(topLevel.map((root) => [name(root), root] as const))("%s checks the same with CRLF line endings and with a BOM", (_, root) => {
    const lf = root.text.replace(/\r\n/g, "\n");
    const expected = findings(checkVariant(root, lf));
    expect(findings(checkVariant(root, lf.replace(/\n/g, "\r\n")))).toEqual(expected);
    expect(findings(checkVariant(root, lf.startsWith("\ufeff") ? lf : `\ufeff${lf}`))).toEqual(expected);
  });
});
