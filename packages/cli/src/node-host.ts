import { readFileSync, realpathSync, statSync } from "node:fs";
import type { FileHost, ReadResult } from "@covenant/core";

/** Largest file the CLI reads; bigger inputs get a clear error instead of exhausting memory. */
export const maxFileBytes = 64 * 1024 * 1024;

/** A FileHost over node:fs. Never throws: problems become read results the workspace reports. */
export function nodeHost(): FileHost {
  return {
    read(path: string): ReadResult {
      try {
        const stat = statSync(path);
        if (stat.isDirectory()) return { kind: "directory" };
        if (stat.size > maxFileBytes) return { kind: "unreadable", reason: `it is larger than ${maxFileBytes / 1024 / 1024} MB` };
        return { kind: "file", text: decode(readFileSync(path)) };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
        if (code === "ELOOP") return { kind: "unreadable", reason: "it is a symbolic link that loops" };
        if (code === "EACCES" || code === "EPERM") return { kind: "unreadable", reason: "permission denied" };
        return { kind: "unreadable", reason: (error as Error).message };
      }
    },
    realPath(path: string): string {
      return realpathSync(path);
    },
  };
}

/** Decodes UTF-8; invalid sequences become U+FFFD, which the lexer reports as unknown characters. */
function decode(bytes: Buffer): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}
