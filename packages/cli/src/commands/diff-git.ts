import { statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { maxSourceBytes, Workspace, type CheckedDocument, type Diagnostic } from "@covenant/core";
import { diffDocuments, renderDiffText, renderLineDiff, renderTermsListing } from "@covenant/review";
import { UsageError } from "../files.js";
import { gitTopLevel } from "../git.js";
import type { Io } from "../io.js";
import { nodeHost } from "../node-host.js";
import { describeSpecial, readRegularFileBytes, whyNotRead } from "@covenant/node-files";
import { hasSyntaxErrors, isUnreadable } from "../report/document-errors.js";

/*
 * Git integration gives the reviewer something for every file git hands over: the terms where a
 * version reads as a contract, otherwise a line diff (or the text itself, for textconv) after a
 * note saying which version could not be read and why. Git stops at a driver or textconv command
 * that fails, so both always exit 0 once git's arguments are understood.
 */

/** One side of a change as git describes it to an external diff driver. */
interface GitSide {
  /** The path inside the work tree, as git names it. */
  readonly path: string;
  /** Where the content is: a temporary file, the work-tree file, or `/dev/null`. */
  readonly file: string;
  readonly hex: string;
  readonly mode: string;
}

/** A change git passes to an external diff driver; an absent side is a new or deleted file. */
interface GitChange {
  readonly old: GitSide | undefined;
  readonly new: GitSide | undefined;
  /** Git's own header text for renames and copies (`similarity index 90%`, `rename from x`, ...). */
  readonly extendedHeader: readonly string[];
}

/** The content of one side: text to read as a contract, or the reason it cannot be. */
type SideContent =
  | { readonly kind: "absent" }
  | { readonly kind: "binary"; readonly text: string }
  | { readonly kind: "text"; readonly text: string; readonly problem?: string };

/**
 * The external diff driver, in every form git calls it (see GIT_EXTERNAL_DIFF in git(1)):
 * `path` alone for an unmerged path; `path old-file old-hex old-mode new-file new-hex new-mode`
 * for a change, a new file (old side `/dev/null . .`), a deleted file (new side `/dev/null . .`)
 * or a mode change; and the same with `new-path` and git's rename/copy header text for a rename
 * or copy. Prints a header like git's, then the term diff, a line diff with a note, or git's
 * binary line. Exit 0 in every case git produces, so `git log -p --ext-diff` goes on.
 */
export function runGitDriver(args: readonly string[], io: Io): number {
  if (args.length === 1) {
    io.stdout(`* Unmerged path ${args[0]}\n`);
    return 0;
  }
  if (args.length !== 7 && args.length !== 9) {
    throw new UsageError(
      "--git-driver takes the arguments git passes: path, or path old-file old-hex old-mode new-file new-hex new-mode [new-path rename-header]",
    );
  }
  const change = gitChange(args);
  io.stdout(header(change));
  const before = change.old ? sideContent(change.old.file) : ({ kind: "absent" } as const);
  const after = change.new ? sideContent(change.new.file) : ({ kind: "absent" } as const);
  const oldName = change.old ? gitQuoted(`a/${change.old.path}`) : "/dev/null";
  const newName = change.new ? gitQuoted(`b/${change.new.path}`) : "/dev/null";
  if (before.kind === "binary" || after.kind === "binary") {
    io.stdout(`Binary files ${oldName} and ${newName} differ\n`);
    return 0;
  }
  const oldText = before.kind === "text" ? before.text : "";
  const newText = after.kind === "text" ? after.text : "";
  if (change.old && change.new && oldText === newText) return 0;
  const top = topLevel(io.cwd);
  const problems: string[] = [];
  try {
    // An absent side reads as an empty contract at the other side's path: a new file's terms are all added.
    const oldTerms = readTerms(before, (change.old ?? change.new)!.path, top);
    const newTerms = readTerms(after, (change.new ?? change.old)!.path, top);
    if (typeof oldTerms !== "string" && typeof newTerms !== "string") {
      const diff = diffDocuments(oldTerms, newTerms, { old: oldName, new: newName });
      io.stdout(renderDiffText(diff, { color: io.color, heading: false }));
      return 0;
    }
    for (const [terms, shown] of [
      [oldTerms, oldName],
      [newTerms, newName],
    ] as const) {
      if (typeof terms === "string") problems.push(`covenant: ${shown} cannot be read as terms (${terms}); showing a line diff`);
    }
  } catch (error) {
    problems.push(`covenant: cannot compare terms (internal error: ${(error as Error).message}); showing a line diff`);
  }
  io.stdout(problems.map((line) => `${line}\n`).join(""));
  io.stdout(renderLineDiff(oldText, newText, { old: oldName, new: newName }));
  return 0;
}

/**
 * `--terms FILE`, git's textconv: the canonical terms listing of the file's own declarations
 * (imports may not resolve: git passes a temporary copy). A file that does not parse as a
 * contract, is not UTF-8 or holds NUL bytes is printed as it is after a note line saying why, so
 * git's line diff still shows the edit.
 */
export function runTextconv(paths: readonly string[], root: string | undefined, findRoot: (file: string) => string, io: Io): number {
  if (paths.length !== 1) throw new UsageError("--terms takes one contract: covenant diff --terms FILE");
  const file = resolve(io.cwd, paths[0]!);
  // Git always hands textconv a regular file; a pipe, a device or a folder named by hand is a usage
  // error like in every other command, and never read.
  const kind = kindOfPath(file);
  if (kind !== undefined) throw new UsageError(`cannot read '${paths[0]}': ${kind}`);
  const content = sideContent(file);
  if (content.kind === "absent") throw new UsageError(`cannot read '${paths[0]}': no such file or directory`);
  const asIs = (why: string, text: string): number => {
    io.stdout(`// covenant: this version cannot be read as terms (${why}); its text follows\n`);
    io.stdout(text);
    return 0;
  };
  if (content.kind === "binary") return asIs("it holds NUL bytes", content.text);
  if (content.problem !== undefined) return asIs(content.problem, content.text);
  try {
    const workspace = new Workspace(nodeHost(), { root: root ?? findRoot(file) });
    workspace.setText(file, content.text);
    const document = workspace.check(file);
    if (hasSyntaxErrors(document)) return asIs(firstError(document, io.cwd, isUnreadable)!, content.text);
    io.stdout(renderTermsListing(document));
    return 0;
  } catch (error) {
    return asIs(`internal error: ${(error as Error).message}`, content.text);
  }
}

/**
 * One version checked at its real path in the work tree (so its imports resolve), with the text
 * git gave; or why it cannot be read as terms.
 */
function readTerms(content: SideContent, path: string, top: string): CheckedDocument | string {
  if (content.kind === "text" && content.problem !== undefined) return content.problem;
  const real = resolve(top, path);
  const workspace = new Workspace(nodeHost(), { root: top });
  workspace.setText(real, content.kind === "text" ? content.text : "");
  const document = workspace.check(real);
  return firstError(document, top) ?? document;
}

function gitChange(args: readonly string[]): GitChange {
  const [path, oldFile, oldHex, oldMode, newFile, newHex, newMode, newPath, extended] = args as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string | undefined,
    string | undefined,
  ];
  // Git marks an absent side with mode "." (and the file /dev/null).
  return {
    old: oldMode === "." ? undefined : { path, file: oldFile, hex: oldHex, mode: oldMode },
    new: newMode === "." ? undefined : { path: newPath ?? path, file: newFile, hex: newHex, mode: newMode },
    extendedHeader: (extended ?? "").split("\n").filter((line) => line !== ""),
  };
}

/** Git's header: `diff --covenant a/x b/y`, then new/deleted file mode or old/new mode, then the rename or copy lines and the index line. */
function header(change: GitChange): string {
  const any = (change.old ?? change.new)!;
  const lines = [`diff --covenant ${gitQuoted(`a/${change.old?.path ?? any.path}`)} ${gitQuoted(`b/${change.new?.path ?? any.path}`)}`];
  if (!change.old) lines.push(`new file mode ${change.new!.mode}`);
  else if (!change.new) lines.push(`deleted file mode ${change.old.mode}`);
  else if (change.old.mode !== change.new.mode) lines.push(`old mode ${change.old.mode}`, `new mode ${change.new.mode}`);
  lines.push(...change.extendedHeader);
  const hasIndex = change.extendedHeader.some((line) => line.startsWith("index "));
  const oldHex = shortHex(change.old?.hex);
  const newHex = shortHex(change.new?.hex);
  if (change.extendedHeader.length === 0 && !hasIndex && oldHex !== newHex) {
    const sameMode = change.old && change.new && change.old.mode === change.new.mode ? ` ${change.new.mode}` : "";
    lines.push(`index ${oldHex}..${newHex}${sameMode}`);
  }
  return lines.join("\n") + "\n";
}

/** C-style escapes git uses in quoted names. */
const escapes: Readonly<Record<number, string>> = { 7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 34: '"', 92: "\\" };

/**
 * A path as git prints it in a header (core.quotePath, the default): as it is when plain, else in
 * double quotes with C escapes and octal bytes, so a name with a line break or a quote cannot
 * break the header into lines of its own.
 */
function gitQuoted(name: string): string {
  const bytes = Buffer.from(name, "utf8");
  if (bytes.every((byte) => byte >= 0x20 && byte < 0x7f && escapes[byte] === undefined)) return name;
  let out = '"';
  for (const byte of bytes) {
    const escape = escapes[byte];
    if (escape !== undefined) out += `\\${escape}`;
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, "0")}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}"`;
}

function shortHex(hex: string | undefined): string {
  return hex === undefined || hex === "." ? "0000000" : hex.slice(0, 7);
}

/** Why a path is no file to read (`it is a named pipe, not a regular file`), or undefined for a regular file. */
function kindOfPath(file: string): string | undefined {
  try {
    const stat = statSync(file);
    if (stat.isFile()) return undefined;
    return stat.isDirectory() ? "it is a directory" : `it is ${describeSpecial(stat)}, not a regular file`;
  } catch {
    return "no such file or directory";
  }
}

/**
 * Reads one side as git hands it over. NUL bytes make it binary (as git decides); text that is not
 * UTF-8, or that cannot be read, still gives its text (invalid bytes replaced) with the reason.
 */
function sideContent(file: string): SideContent {
  if (file === "/dev/null") return { kind: "absent" };
  // Git hands over temporary regular files; anything else (a pipe, a device, a huge file) is read
  // through the same bounded reader as every other input, so it can neither hang nor flood the driver.
  const read = readRegularFileBytes(file, maxSourceBytes);
  if (read.kind === "missing") return { kind: "absent" };
  if (read.kind !== "bytes") return { kind: "text", text: "", problem: whyNotRead(read) };
  const bytes = read.bytes;
  if (bytes.includes(0)) return { kind: "binary", text: new TextDecoder("utf-8").decode(bytes) };
  try {
    return { kind: "text", text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { kind: "text", text: new TextDecoder("utf-8").decode(bytes), problem: "it is not UTF-8 text" };
  }
}

/**
 * `line 3:7 CV101 Expected '}'`: the first error, in the file itself before its imports (an
 * import's error names the import's path from `base`); undefined when there is none.
 */
function firstError(document: CheckedDocument, base: string, accept: (d: Diagnostic) => boolean = () => true): string | undefined {
  const errors = document.diagnostics.filter((d) => d.severity === "error" && accept(d));
  const error = errors.find((d) => d.uri === document.rootUri) ?? errors[0];
  if (error === undefined) return undefined;
  const { line, column } = error.range.start;
  const where = error.uri === document.rootUri ? `line ${line}:${column}` : `${relative(base, error.uri) || error.uri}:${line}:${column}`;
  return `${where} ${error.code} ${error.message.split("\n")[0]!}`;
}

function topLevel(cwd: string): string {
  try {
    return gitTopLevel(cwd);
  } catch {
    return cwd;
  }
}
