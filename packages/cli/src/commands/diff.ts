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
  type RedlineFormat,
  type TermDiff,
} from "@covenant/review";
import { findProjectRoot, requireReadableRoot, UsageError } from "../files.js";
import { gitTopLevel, repositoryPath, revisionHost, verifyRevision } from "../git.js";
import type { Io } from "../io.js";
import { nodeHost } from "../node-host.js";
import { reportDocumentErrors } from "../report/document-errors.js";
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
  readonly to: RedlineFormat;
  /** `--changed-only`: the redline shows only the changed clauses. */
  readonly changedOnly?: boolean;
}

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
    .addOption(new Option("-t, --to <format>", "redline format with --prose").choices(["markdown", "html"]).default("markdown"))
    .option("--changed-only", "with --prose: show only the changed clauses, each with its number and heading, under the title")
    .option("--root <dir>", "project root that imports must stay inside (default: as for check)")
    .action((paths: string[], options: DiffOptions) => {
      done(runDiff(paths, options, io));
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
export function runDiff(paths: readonly string[], options: DiffOptions, io: Io): number {
  if (options.gitDriver) return runGitDriver(paths, io);
  if (options.terms) return runTextconv(paths, options.root, findProjectRoot, io);
  try {
    const [before, after] = options.git ? gitVersions(paths, options.git, io) : fileVersions(paths, options, io);
    if (options.prose) return runRedline(before, after, options, io);
    const diff = diffDocuments(before.document, after.document, { old: before.shown, new: after.shown });
    io.stdout(render(diff, options.format, io.color));
    return options.exitCode && !isEmptyDiff(diff) ? 1 : 0;
  } catch (error) {
    if (error instanceof UncheckedInput) return 2;
    throw error;
  }
}

/** `--prose`: both versions compiled and redlined; with `--exit-code`, 1 when the prose differs. */
function runRedline(before: Version, after: Version, options: DiffOptions, io: Io): number {
  for (const version of [before, after]) {
    if (!version.document.contract) throw new UsageError(`--prose compiles contracts: ${version.shown} has no contract header`);
  }
  const redline = redlineProse(
    before.document,
    after.document,
    options.to,
    { old: before.shown, new: after.shown },
    { changedOnly: options.changedOnly },
  );
  io.stdout(redline.text.endsWith("\n") ? redline.text : `${redline.text}\n`);
  return options.exitCode && redline.changed ? 1 : 0;
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
