import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { describeSpecial } from "./read-file.js";

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
  ELOOP: "it is a symbolic link that loops",
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && reasons[code]) ?? (error as Error).message;
}

/** Most symbolic links followed to find the file behind a path (as the kernel's limit, 40). */
const maxLinkHops = 40;

/**
 * The file a write to `path` must change: symbolic links are followed (also a link whose target
 * does not exist yet, which the write creates), so that the link stays a link and its target is
 * what changes.
 */
function fileBehind(path: string): string {
  let current = path;
  for (let hop = 0; hop < maxLinkHops; hop++) {
    let stat: Stats;
    try {
      stat = lstatSync(current);
    } catch {
      return current;
    }
    if (!stat.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error("symbolic link loop"), { code: "ELOOP" });
}

/** One file on its way: its text is complete in `temp`, beside `target`, before any file is replaced. */
interface PreparedWrite {
  /** The path as the user gave it, for messages. */
  readonly path: string;
  /** The file that changes: `path` with symbolic links followed. */
  readonly target: string;
  readonly temp: string;
  readonly bytes: Buffer;
  /**
   * Copy the text over the existing file instead of renaming the new one onto it: for a file with
   * several hard links (a rename would split them) or an owner a new file cannot be given.
   */
  readonly inPlace: boolean;
}

/**
 * Refuses what must not be replaced: a folder, a pipe or device, a read-only file (no write
 * permission for anyone: refused even for root, as `rm` asks before removing one), and a file this
 * user may not write (as `prettier --write` fails on it).
 */
function refuseUnwritable(target: string, existing: Stats): void {
  if (existing.isDirectory()) throw new Error("it is a directory");
  if (!existing.isFile()) throw new Error(`it is ${describeSpecial(existing)}, not a regular file`);
  if ((existing.mode & 0o222) === 0) throw new Error("the file is read-only");
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw new Error("permission denied");
  }
}

/**
 * Writes `bytes` to a new temporary file beside `target` and flushes it to disk. A file that
 * exists keeps its identity: the new file gets its mode and, where this process may set them, its
 * owner and group; where it may not, or the file has several hard links, the write is in place.
 */
function prepare(path: string, text: string | Uint8Array, createDirectories: boolean): PreparedWrite {
  // What the path leads to, as the kernel follows it (`/dev/stdout` is a pipe or a terminal): only
  // a regular file is replaced, so a device such as /dev/null is never renamed over, even by root.
  let existing: Stats | undefined;
  try {
    existing = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
  }
  if (existing) refuseUnwritable(path, existing);
  const target = fileBehind(path);
  const folder = dirname(target);
  if (createDirectories) mkdirSync(folder, { recursive: true });
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  // A new file is created as writeFile would (0666 less the umask); a copy of an existing one
  // starts private, so that a 0600 file's text is never readable by others, and takes its mode.
  const fd = openSync(temp, "wx", existing ? 0o600 : 0o666);
  let inPlace = existing !== undefined && existing.nlink > 1;
  try {
    for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
    if (existing) {
      const made = fstatSync(fd);
      if (made.uid !== existing.uid || made.gid !== existing.gid) {
        try {
          fchownSync(fd, existing.uid, existing.gid);
        } catch {
          inPlace = true;
        }
      }
      fchmodSync(fd, existing.mode & 0o7777);
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  return { path, target, temp, bytes, inPlace };
}

/** Overwrites an existing file's bytes without replacing the file: its inode, links, owner and mode stay. */
function copyInPlace(write: PreparedWrite): void {
  const fd = openSync(write.target, constants.O_WRONLY);
  try {
    for (let offset = 0; offset < write.bytes.length;) offset += writeSync(fd, write.bytes, offset, write.bytes.length - offset, offset);
    ftruncateSync(fd, write.bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries after a rename; not every platform can open a folder, and the rename is done either way. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The rename itself succeeded; only its durability across a power cut is left to the OS.
  }
}

/** The identity of a file on disk (device and inode), whatever path, link or spelling names it. */
function identity(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Refuses, before anything is written, an output that is one of the command's inputs: compared by
 * device and inode, so `./a.contract`, a symbolic or a hard link to it are the same file.
 */
function refuseInputs(files: readonly { readonly path: string }[], inputs: readonly string[]): void {
  if (inputs.length === 0) return;
  const byIdentity = new Map<string, string>();
  for (const input of inputs) {
    const id = identity(input);
    if (id !== undefined && !byIdentity.has(id)) byIdentity.set(id, input);
  }
  for (const file of files) {
    const id = identity(file.path);
    const input = id === undefined ? undefined : byIdentity.get(id);
    if (input === undefined) continue;
    const same = resolve(file.path) === resolve(input) ? "it is" : `it is the same file as '${input}',`;
    throw new WriteError(`cannot write '${file.path}': ${same} an input of this command; choose another output path`);
  }
}

/**
 * Writes every file or none (text as UTF-8, or bytes as they are): each goes to a temporary file in its target's own folder, flushed to
 * disk, and only when all are written is each renamed into place (a rename within a folder is
 * atomic). A symbolic link stays a link and its target is written; an existing file keeps its
 * mode, owner and group. A file with several hard links is written in place (the links stay one
 * file; the trade-off is that a crash during that copy can leave it half-written, while the
 * complete text is then still in the temporary file beside it). Read-only files, files this user
 * may not write, folders and devices are refused, and so is any of `inputs` (the files the command
 * read, such as a contract and its imports), however its path is spelt. On failure the temporary files are removed and a
 * WriteError names the path that could not be written.
 */
export function writeFilesAtomically(
  files: readonly { readonly path: string; readonly text: string | Uint8Array }[],
  options: { readonly createDirectories?: boolean; readonly inputs?: readonly string[] } = {},
): void {
  refuseInputs(files, options.inputs ?? []);
  const prepared: PreparedWrite[] = [];
  const cleanUp = (from: number): void => {
    for (const { temp } of prepared.slice(from)) rmSync(temp, { force: true });
  };
  for (const file of files) {
    try {
      prepared.push(prepare(file.path, file.text, options.createDirectories ?? false));
    } catch (error) {
      cleanUp(0);
      throw new WriteError(`cannot write '${file.path}': ${reason(error)}`);
    }
  }
  for (const [i, write] of prepared.entries()) {
    try {
      if (write.inPlace) {
        copyInPlace(write);
        rmSync(write.temp, { force: true });
      } else {
        renameSync(write.temp, write.target);
        syncFolder(dirname(write.target));
      }
    } catch (error) {
      cleanUp(write.inPlace ? i + 1 : i);
      const kept = write.inPlace ? `; the complete text is in '${write.temp}'` : "";
      throw new WriteError(`cannot write '${write.path}': ${reason(error)}${kept}`);
    }
  }
}
