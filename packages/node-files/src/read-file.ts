import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import type { ReadResult } from "@covenant/core";

/** What a read finds when it is not a file's bytes. */
export type NotRead = Exclude<ReadResult, { kind: "file" }>;

/** What a thing that is not a regular file is, in words: `a named pipe`. */
export function describeSpecial(stat: Stats): string {
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}

/**
 * Reads a regular file as bytes, never more than `maxBytes`. A pipe, a device or a socket is
 * reported without being read (it could block forever or never end), and the limit holds while
 * reading, whatever `stat` said: `/dev/zero` and files that grow are cut off at `maxBytes + 1`.
 *
 * The path is stat'ed before it is opened, so a device is never opened at all; it is opened with
 * O_NONBLOCK, so a pipe swapped in between the two cannot block the open, and fstat on the open
 * descriptor decides what is read. Never throws: problems are read results.
 */
export function readRegularFileBytes(path: string, maxBytes: number): { kind: "bytes"; bytes: Buffer } | NotRead {
  let fd: number | undefined;
  try {
    const before = statSync(path);
    if (before.isDirectory()) return { kind: "directory" };
    if (!before.isFile()) return { kind: "special", what: describeSpecial(before) };
    if (before.size > maxBytes) return tooLarge(maxBytes);
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { kind: "directory" };
    if (!stat.isFile()) return { kind: "special", what: describeSpecial(stat) };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return tooLarge(maxBytes);
    }
    return { kind: "bytes", bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
    if (code === "ELOOP") return { kind: "unreadable", reason: "it is a symbolic link that loops" };
    if (code === "EACCES" || code === "EPERM") return { kind: "unreadable", reason: "permission denied" };
    if (code === "EISDIR") return { kind: "directory" };
    return { kind: "unreadable", reason: (error as Error).message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLarge(maxBytes: number): NotRead {
  return { kind: "unreadable", reason: `it is larger than ${sizeInWords(maxBytes)}, the most Covenant reads` };
}

/** Reads a regular file of at most `maxBytes` as UTF-8 text (invalid sequences become U+FFFD, which the lexer reports). */
export function readRegularFile(path: string, maxBytes: number): ReadResult {
  const read = readRegularFileBytes(path, maxBytes);
  return read.kind === "bytes" ? { kind: "file", text: new TextDecoder("utf-8", { fatal: false }).decode(read.bytes) } : read;
}

/** Why a read result is not a file, as the end of `cannot read 'x': ...`. */
export function whyNotRead(read: NotRead): string {
  switch (read.kind) {
    case "directory":
      return "it is a directory";
    case "missing":
      return "no such file or directory";
    case "special":
      return `it is ${read.what}, not a regular file`;
    case "unreadable":
      return read.reason;
  }
}
