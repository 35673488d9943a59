import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

/** A file the CLI cannot write: printed as one line, exit code 2. */
export class WriteError extends Error {}

const reasons: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOENT: "no such directory",
  ENOTDIR: "a parent is not a directory",
  EISDIR: "it is a directory",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EEXIST: "a file is in the way",
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && reasons[code]) ?? (error as Error).message;
}

/**
 * Writes every file or none: each goes to a temporary file in its own folder, and only when all of
 * them are written are they renamed into place (a rename within a folder is atomic). On failure
 * the temporary files are removed and a WriteError names the path that could not be written.
 */
export function writeFilesAtomically(
  files: readonly { readonly path: string; readonly text: string }[],
  options: { readonly createDirectories?: boolean } = {},
): void {
  const written: { temp: string; path: string }[] = [];
  const cleanUp = (): void => {
    for (const { temp } of written) rmSync(temp, { force: true });
  };
  for (const file of files) {
    const folder = dirname(file.path);
    const temp = join(folder, `.${basename(file.path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    try {
      if (options.createDirectories) mkdirSync(folder, { recursive: true });
      writeFileSync(temp, file.text, { flag: "wx" });
      written.push({ temp, path: file.path });
    } catch (error) {
      cleanUp();
      throw new WriteError(`cannot write '${file.path}': ${reason(error)}`);
    }
  }
  // A folder where a file should go fails every rename onto it; find it before renaming any file.
  for (const { path } of written) {
    if (isDirectory(path)) {
      cleanUp();
      throw new WriteError(`cannot write '${path}': it is a directory`);
    }
  }
  for (const [i, { temp, path }] of written.entries()) {
    try {
      renameSync(temp, path);
    } catch (error) {
      for (const rest of written.slice(i)) rmSync(rest.temp, { force: true });
      throw new WriteError(`cannot write '${path}': ${reason(error)}`);
    }
  }
}
