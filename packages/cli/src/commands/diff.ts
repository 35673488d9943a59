import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { Option, type Command } from "commander";
import { relative, resolve } from "node:path";
import { Workspace, type CheckedDocument } from "@covenant/core";
import {
  diffDocuments,
  isEmptyDiff,
  renderDiffJson,
  renderDiffMarkdown,
  renderDiffText,
  redlineProse,
  redlineWord,
  type TermDiff,
} from "@covenant/review";
import { findProjectRoot, requireReadableRoot, UsageError } from "../files.js";
import { gitTopLevel, repositoryPath, revisionHost, verifyRevision } from "../git.js";
import type { Io } from "../io.js";
import { nodeHost } from "../node-host.js";
import { reportDocumentErrors } from "../report/document-errors.js";
import type { ReferenceDocx } from "@covenant/compiler/docx";
import { readRegularFileBytes, whyNotRead } from "@covenant/node-files";
import { writeFilesAtomically, WriteError } from "../write-atomic.js";
import { runGitDriver, runTextconv } from "./diff-git.js";

export interface DiffOptions {
  readonly format: "text" | "markdown" | "json";
  readonly exitCode?: boolean;
  readonly root?: string;
  /** `--git REV1 [REV2]`: read the versions from git (REV2 defaults to the work tree). */
  readonly git?: readonly string[];
  /** `--git-driver`: the arguments git passes to an external diff driver (1, 7 or 9 of them). */
  readonly gitDriver?: boolean;
  /** `--terms`: print the canonical terms listing of one file (git's textconv). */
  readonly terms?: boolean;
  /** `--prose`: a word-level redline of the compiled prose instead of the term diff. */
  readonly prose?: boolean;
  readonly to: "markdown" | "html" | "docx";
  /** `--changed-only`: the redline shows only the changed clauses. */
  readonly changedOnly?: boolean;
  /** `-o FILE`: write the redline to a file (atomically) instead of stdout. */
  readonly out?: string;
  /** `--author NAME`: who the tracked changes of a Word redline are by. */
  readonly author?: string;
  /** `--date ISO`: when the tracked changes of a Word redline were made (default now). */
  readonly date?: string;
  /** `--reference-docx FILE`: the styles and page setup of a Word redline, as for `build`. */
  readonly referenceDocx?: string;
  /** `--paper a4|letter`: the paper of a Word redline, as for `build`. */
  readonly paper?: string;
}

/** The most of a reference document read, as for `build` (a firm's template with a logo is a few MB). */
const maxReferenceBytes = 64 * 1024 * 1024;

/** Adds `covenant diff` to the program; `done` receives the exit code. */
export function registerDiffCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command("diff")
    .description(
      "Compare two contracts as terms: declarations added, removed, renamed; terms changed, who each change favours, which are material.",
    )
    .argument("[paths...]", "OLD NEW, or after --git and --: the contract's PATH")
    .usage("[options] OLD NEW | --git REV1 [REV2] -- PATH | --terms FILE")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "markdown", "json"]).default("text"))
    .option("--exit-code", "exit 1 when any term changed (as git diff --exit-code)")
    .option("--git <revisions...>", "read the versions from git: REV1 [REV2] (default REV2: the work tree); name the PATH after --")
    .option(
      "--git-driver",
      "run as git's external diff driver (git passes path old-file old-hex old-mode new-file new-hex new-mode [new-path rename-header])",
    )
    .option("--terms", "print the canonical terms listing of one file (for git's textconv)")
    .option("--prose", "show a word-level redline of the compiled prose (deleted words struck, inserted words marked)")
    .addOption(
      new Option("-t, --to <format>", "redline format with --prose (docx: Word tracked changes)")
        .choices(["markdown", "html", "docx"])
        .default("markdown"),
    )
    .option("--changed-only", "with --prose: show only the changed clauses, each with its number and heading, under the title")
    .option("-o, --out <file>", "with --prose: write the redline to this file (default: stdout)")
    .option("--author <name>", "with --to docx: the author of the tracked changes (default: git's user.name, else Covenant)")
    .option("--date <iso>", "with --to docx: the date of the tracked changes, e.g. 2026-05-01T09:00:00Z (default: now)")
    .option("--reference-docx <file>", "with --to docx: a .docx whose styles and page setup the Word redline takes (as for build)")
    .addOption(new Option("--paper <size>", "with --to docx: paper size of the Word redline").choices(["a4", "letter"]))
    .option("--root <dir>", "project root that imports must stay inside (default: as for check)")
    .action(async (paths: string[], options: DiffOptions) => {
      done(await runDiff(paths, options, io));
    });
}

/** One version of a contract: where it comes from, as a reviewer names it, and its checked terms. */
interface Version {
  readonly shown: string;
  readonly document: CheckedDocument;
  readonly workspace: Workspace;
}

/** A contract that does not check: its diagnostics are printed and the command exits 2. */
class UncheckedInput extends Error {}

/**
 * `covenant diff`: compares two contracts as terms. Exit 0 when the terms are the same (or without
 * `--exit-code`), 1 with `--exit-code` when any term changed, 2 on usage errors, unreadable files,
 * missing revisions and contracts with errors.
 */
export async function runDiff(paths: readonly string[], options: DiffOptions, io: Io): Promise<number> {
  // `-o -` is standard output, as for most Unix tools: never a file named '-'.
  if (options.out === "-") options = { ...options, out: undefined };
  if (options.gitDriver) return runGitDriver(paths, io);
  if (options.terms) return runTextconv(paths, options.root, findProjectRoot, io);
  const proseOnly = (
    [
      ["--changed-only", options.changedOnly],
      ["-o/--out", options.out],
      ["--author", options.author],
      ["--date", options.date],
      ["--reference-docx", options.referenceDocx],
      ["--paper", options.paper],
    ] as const
  ).find(([, given]) => given !== undefined && given !== false);
  if (!options.prose && proseOnly) throw new UsageError(`${proseOnly[0]} belongs to the prose redline; add --prose`);
  if (!options.prose && options.to !== "markdown")
    throw new UsageError("--to chooses the prose redline's format; add --prose (the term diff takes --format)");
  if (options.to !== "docx" && (options.author !== undefined || options.date !== undefined))
    throw new UsageError(
      `${options.author !== undefined ? "--author" : "--date"} marks the tracked changes of a Word redline; add --to docx`,
    );
  if (options.to !== "docx" && (options.referenceDocx !== undefined || options.paper !== undefined))
    throw new UsageError(`${options.referenceDocx !== undefined ? "--reference-docx" : "--paper"} sets up the Word redline; add --to docx`);
  const date = options.prose && options.to === "docx" ? revisionDate(options.date) : "";
  if (options.prose && options.to === "docx" && options.out === undefined && io.stdoutIsTerminal !== false)
    throw new UsageError("--to docx writes a binary file, not text for a terminal; give -o FILE.docx, or pipe it");
  try {
    // A reference document that cannot be used is one line, before either contract is read.
    const reference = options.referenceDocx === undefined ? undefined : await readReference(options.referenceDocx, io.cwd);
    const [before, after] = options.git ? gitVersions(paths, options.git, io) : fileVersions(paths, options, io);
    if (options.prose) return await runRedline(before, after, { ...options, date, reference }, io);
    const diff = diffDocuments(before.document, after.document, { old: before.shown, new: after.shown });
    io.stdout(render(diff, options.format, io.color));
    return options.exitCode && !isEmptyDiff(diff) ? 1 : 0;
  } catch (error) {
    if (error instanceof UncheckedInput) return 2;
    throw error;
  }
}

/**
 * `--prose`: both versions compiled and redlined; with `--exit-code`, 1 when the prose differs. A
 * Word redline goes to `-o FILE` or a pipe; a file is written atomically and never over an input.
 */
async function runRedline(
  before: Version,
  after: Version,
  options: DiffOptions & { readonly date: string; readonly reference: ReferenceDocx | undefined },
  io: Io,
): Promise<number> {
  for (const version of [before, after]) {
    if (!version.document.contract) throw new UsageError(`--prose compiles contracts: ${version.shown} has no contract header`);
  }
  const names = { old: before.shown, new: after.shown };
  let output: string | Uint8Array;
  let changed: boolean;
  if (options.to === "docx") {
    const revision = { author: options.author ?? gitAuthor(io.cwd), date: options.date };
    const word = await redlineWord(before.document, after.document, {
      revision,
      changedOnly: options.changedOnly ?? false,
      paper: options.paper === "letter" ? "letter" : "a4",
      ...(options.reference ? { reference: options.reference } : {}),
    });
    output = word.bytes;
    changed = word.changed;
  } else {
    const redline = redlineProse(before.document, after.document, options.to, names, { changedOnly: options.changedOnly ?? false });
    output = redline.text.endsWith("\n") ? redline.text : `${redline.text}\n`;
    changed = redline.changed;
  }
  const code = options.exitCode && changed ? 1 : 0;
  if (options.out === undefined) {
    if (typeof output === "string") io.stdout(output);
    else if (io.stdoutBytes) io.stdoutBytes(output);
    else throw new UsageError("--to docx writes a binary file; give -o FILE.docx");
    return code;
  }
  // Both versions and every file they import are inputs: `-o` never overwrites one of them.
  const inputs = [before, after].flatMap((v) => v.document.files.map((f) => f.uri));
  try {
    writeFilesAtomically([{ path: resolve(io.cwd, options.out), text: output }], { inputs });
  } catch (error) {
    if (error instanceof WriteError) {
      io.stderr(`covenant: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return code;
}

/** Reads `--reference-docx` as `build` does: a regular .docx with a styles part, or one line saying why not (exit 2). */
async function readReference(file: string, cwd: string): Promise<ReferenceDocx> {
  const read = readRegularFileBytes(resolve(cwd, file), maxReferenceBytes);
  if (read.kind !== "bytes") throw new UsageError(`cannot read --reference-docx '${file}': ${whyNotRead(read)}`);
  const { readReferenceDocx } = await import("@covenant/compiler/docx");
  const reference = readReferenceDocx(read.bytes);
  if (!reference.ok) throw new UsageError(`cannot use --reference-docx '${file}': ${reference.reason}`);
  return reference.reference;
}

/** The author of a Word redline's changes when `--author` is not given: git's `user.name`, else "Covenant". */
function gitAuthor(cwd: string): string {
  try {
    const name = execFileSync("git", ["config", "user.name"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return name === "" ? "Covenant" : name;
  } catch {
    return "Covenant";
  }
}

/**
 * `--date` as Word writes a revision's date (`2026-05-01T09:00:00Z`): a date (midnight UTC) or a
 * date and time with a zone; now when not given.
 */
function revisionDate(given: string | undefined): string {
  const date = given === undefined ? new Date() : parseIsoDate(given);
  if (date === undefined) throw new UsageError(`--date '${given}' is not an ISO 8601 date; use e.g. 2026-05-01 or 2026-05-01T09:00:00Z`);
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function parseIsoDate(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => (part === undefined ? 0 : Number(part))) as number[];
  const calendar = new Date(Date.UTC(year!, month! - 1, day!));
  // A real calendar date (not 2026-02-31, which Date rolls over into March) and a real time of day.
  if (calendar.getUTCMonth() !== month! - 1 || calendar.getUTCDate() !== day!) return undefined;
  if (hour! > 23 || minute! > 59 || second! > 59) return undefined;
  return match[4] === undefined ? calendar : new Date(text);
}

function render(diff: TermDiff, format: DiffOptions["format"], color: boolean): string {
  if (format === "json") return renderDiffJson(diff);
  if (format === "markdown") return renderDiffMarkdown(diff);
  return renderDiffText(diff, { color });
}

function fileVersions(paths: readonly string[], options: DiffOptions, io: Io): [Version, Version] {
  if (paths.length !== 2) throw new UsageError("diff needs two contracts: covenant diff OLD NEW (or --git REV1 [REV2] -- PATH)");
  const files = paths.map((p) => resolve(io.cwd, p));
  for (const [i, file] of files.entries()) {
    if (!existsSync(file)) throw new UsageError(`cannot read '${paths[i]}': no such file or directory`);
  }
  const host = nodeHost();
  const load = (file: string): Version => {
    const workspace = new Workspace(host, { root: options.root ?? findProjectRoot(file) });
    requireReadableRoot(workspace, file, relative(io.cwd, file) || file);
    return checked({ shown: relative(io.cwd, file) || file, document: workspace.check(file), workspace }, io);
  };
  return [load(files[0]!), load(files[1]!)];
}

function gitVersions(paths: readonly string[], givenRevisions: readonly string[], io: Io): [Version, Version] {
  const { revisions, path } = splitRevisions(givenRevisions, paths, io.cwd);
  paths = path;
  if (revisions.length < 1 || revisions.length > 2) throw new UsageError("--git takes one or two revisions: --git REV1 [REV2] -- PATH");
  if (paths.length !== 1) throw new UsageError("name one contract after the revisions: covenant diff --git REV1 [REV2] -- PATH");
  const top = gitTopLevel(io.cwd);
  const file = resolve(io.cwd, paths[0]!);
  const inside = repositoryPath(file, top);
  if (inside === undefined) throw new UsageError(`'${paths[0]}' is outside the git repository at ${top}`);
  for (const revision of revisions) verifyRevision(revision, top);
  const atRevision = (revision: string): Version => {
    const host = revisionHost(revision, top);
    const read = host.read(file);
    if (read.kind !== "file") throw new UsageError(`'${inside}' does not exist in ${revision}`);
    const workspace = new Workspace(host, { root: top });
    return checked({ shown: `${inside}@${revision}`, document: workspace.check(file), workspace }, io);
  };
  const before = atRevision(revisions[0]!);
  if (revisions[1] !== undefined) return [before, atRevision(revisions[1])];
  if (!existsSync(file)) throw new UsageError(`cannot read '${paths[0]}': no such file in the work tree`);
  const workspace = new Workspace(nodeHost(), { root: top });
  requireReadableRoot(workspace, file, paths[0]!);
  return [before, checked({ shown: inside, document: workspace.check(file), workspace }, io)];
}

/**
 * Without `--`, commander hands the path to `--git` with the revisions; as git does, a last word
 * that names a file in the work tree is the path.
 */
function splitRevisions(
  revisions: readonly string[],
  paths: readonly string[],
  cwd: string,
): { revisions: readonly string[]; path: readonly string[] } {
  const last = revisions[revisions.length - 1];
  if (paths.length > 0 || revisions.length < 2 || last === undefined || !existsSync(resolve(cwd, last))) return { revisions, path: paths };
  return { revisions: revisions.slice(0, -1), path: [last] };
}

/** A version whose contract has errors is reported and stops the command. */
function checked(version: Version, io: Io): Version {
  if (version.document.ok) return version;
  reportDocumentErrors(version.document, version.workspace, io, version.shown);
  io.stderr(`covenant: cannot compare terms: ${version.shown} has errors\n`);
  throw new UncheckedInput();
}
