import { execFileSync } from "node:child_process";
import { relative, resolve, sep } from "node:path";
import { maxSourceBytes, type FileHost, type ReadResult } from "@covenant/core";
import { UsageError } from "./files.js";

/** Runs git in `cwd`; undefined when git fails (an unknown revision, a path not in it). */
function git(args: readonly string[], cwd: string): string | undefined {
  try {
    return execFileSync("git", [...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** The top folder of the git work tree that holds `cwd`. */
export function gitTopLevel(cwd: string): string {
  const top = git(["rev-parse", "--show-toplevel"], cwd);
  if (top === undefined) throw new UsageError(`'${cwd}' is not inside a git repository`);
  return top.trim();
}

/** Checks that a revision names a commit; a missing one is a usage error naming it. */
export function verifyRevision(revision: string, top: string): void {
  if (revision.startsWith("-") || git(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`], top) === undefined) {
    throw new UsageError(`unknown revision '${revision}': no such commit, branch or tag in this repository`);
  }
}

/** The path of `file` inside the work tree, with forward slashes, as `git show REV:PATH` wants it. */
export function repositoryPath(file: string, top: string): string | undefined {
  const inside = relative(top, resolve(file));
  if (inside.startsWith("..") || inside === "") return undefined;
  return inside.split(sep).join("/");
}

/**
 * A FileHost that reads files as they were at a revision, so a contract and the clause library it
 * imports are both taken from the same commit.
 */
export function revisionHost(revision: string, top: string): FileHost {
  return {
    read(path: string): ReadResult {
      const inside = repositoryPath(path, top);
      if (inside === undefined) return { kind: "missing" };
      const type = git(["cat-file", "-t", `${revision}:${inside}`], top)?.trim();
      if (type === "tree") return { kind: "directory" };
      if (type !== "blob") return { kind: "missing" };
      // As for files on disk, no contract larger than the limit is read into memory.
      const size = Number(git(["cat-file", "-s", `${revision}:${inside}`], top));
      if (size > maxSourceBytes)
        return {
          kind: "unreadable",
          reason: `it is larger than ${maxSourceBytes / 1024 / 1024} MB at ${revision}, the most Covenant reads`,
        };
      const text = git(["cat-file", "blob", `${revision}:${inside}`], top);
      return text === undefined ? { kind: "unreadable", reason: `git could not read it at ${revision}` } : { kind: "file", text };
    },
  };
}
