import { Workspace, compareDiagnostics, type Diagnostic } from "@covenant/core";
import { relative } from "node:path";
import { collectContractFiles, findProjectRoot, requireReadableRoot } from "../files.js";
import { nodeHost } from "../node-host.js";
import { formatCodeFrames, summaryLine } from "../report/code-frame.js";
import { formatJson } from "../report/json.js";
import { formatSarif } from "../report/sarif.js";
import type { Io } from "../io.js";

export interface CheckOptions {
  readonly format: "text" | "json" | "sarif";
  readonly root?: string;
}

/** The result of checking several root files: their diagnostics (deduplicated, in order) and the source texts. */
export interface CheckRun {
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly texts: ReadonlyMap<string, string>;
  readonly workspace: Workspace;
}

/** Checks each file as a root document; a clause library imported by several roots reports its findings once. */
export function checkFiles(args: readonly string[], cwd: string, root?: string): CheckRun {
  const files = collectContractFiles(args, cwd);
  const workspace = new Workspace(nodeHost(), { root: root ?? findProjectRoot(files[0]!) });
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  for (const file of files) {
    requireReadableRoot(workspace, file, relative(cwd, file) || file);
    const result = workspace.check(file);
    for (const d of result.diagnostics) {
      const key = `${d.uri}\u0000${d.code}\u0000${d.range.start.offset}\u0000${d.range.end.offset}\u0000${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(d);
    }
    for (const path of [file, ...result.files.map((f) => f.uri)]) {
      const parsed = workspace.getParsed(path);
      if ("text" in parsed) texts.set(path, parsed.text);
    }
  }
  diagnostics.sort(compareDiagnostics);
  return { files, diagnostics, texts, workspace };
}

/** `covenant check`: 0 when no errors (warnings allowed), 1 when any error. */
export function runCheck(args: readonly string[], options: CheckOptions, io: Io): number {
  const run = checkFiles(args, io.cwd, options.root);
  if (options.format === "json") io.stdout(formatJson(run.diagnostics, run.files, io.cwd) + "\n");
  else if (options.format === "sarif") io.stdout(formatSarif(run.diagnostics, io.cwd, io.version) + "\n");
  else {
    if (run.diagnostics.length > 0) io.stdout(formatCodeFrames(run.diagnostics, run.texts, { cwd: io.cwd, color: io.color }));
    io.stdout(summaryLine(run.diagnostics, run.files.length, io.color) + "\n");
  }
  return run.diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}
