import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { existsSync } from "node:fs";
import type { Workspace } from "@covenant/core";
import { describeSpecial, whyNotRead } from "@covenant/node-files";

/** A command-line problem: printed as one line, exit code 2. */
export class UsageError extends Error {}

/**
 * Expands FILE|DIR arguments into absolute .contract paths (directories recursively, skipping
 * node_modules and hidden folders). A named pipe or a device is refused, never opened.
 */
export function collectContractFiles(args: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === "ENOENT" ? `cannot read '${arg}': no such file or directory` : `cannot read '${arg}': ${(error as Error).message}`,
      );
    }
    if (stat.isDirectory()) {
      const found = walk(path);
      if (found.length === 0) throw new UsageError(`no .contract files in '${arg}'`);
      for (const item of found) files.push(item);
    } else if (stat.isFile()) files.push(path);
    else throw new UsageError(`cannot read '${arg}': it is ${describeSpecial(stat)}, not a regular file`);
  }
  return [...new Set(files)];
}

function walk(directory: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) for (const item of walk(path)) found.push(item);
    else if (entry.isFile() && entry.name.endsWith(".contract")) found.push(path);
  }
  return found;
}

/**
 * The project root that imports must stay inside: the nearest folder above the first input that
 * holds covenant.json, package.json or .git; else the input's own folder.
 */
export function findProjectRoot(firstFile: string): string {
  const start = dirname(firstFile);
  let current = start;
  for (;;) {
    if (["covenant.json", "package.json", ".git"].some((marker) => existsSync(join(current, marker)))) return current;
    const parent = dirname(current);
    if (parent === current) return start;
    current = parent;
  }
}

/**
 * Stops with a usage error when the workspace could not read a root file (a pipe swapped in, a
 * file grown past the limit): the workspace reports unreadable imports at the import, but a root
 * has no import to point at, and checking nothing must not pass for a clean check.
 */
export function requireReadableRoot(workspace: Workspace, path: string, shown: string): void {
  const parsed = workspace.getParsed(path);
  if (!("version" in parsed)) throw new UsageError(`cannot read '${shown}': ${whyNotRead(parsed)}`);
}
