/** What a host finds at a path. */
export type ReadResult =
  | { readonly kind: "file"; readonly text: string }
  | { readonly kind: "directory" }
  /** Something that is neither a file nor a folder: a named pipe, a device, a socket; `what` names it ("a named pipe"). */
  | { readonly kind: "special"; readonly what: string }
  | { readonly kind: "missing" }
  | { readonly kind: "unreadable"; readonly reason: string };

/**
 * Largest source file a host reads (64 MiB). A host stops reading at this size, whatever `stat`
 * claimed, and reports the file as unreadable instead of exhausting memory.
 */
export const maxSourceBytes = 64 * 1024 * 1024;

/**
 * How the core reads files. The core does no I/O of its own: the CLI passes a host over node:fs,
 * the language server one that prefers open editor buffers, tests an in-memory map.
 */
export interface FileHost {
  /** Reads an absolute, normalised POSIX path. Never throws. */
  read(path: string): ReadResult;
  /** The canonical path (symlinks resolved), if the host can tell; used to detect cycles through links. */
  realPath?(path: string): string;
}

/** A host over an in-memory map of path → text; for tests and tools. */
export function memoryHost(files: Readonly<Record<string, string>>): FileHost {
  const directories = new Set<string>();
  for (const path of Object.keys(files)) {
    let dir = path;
    while (dir.lastIndexOf("/") > 0) {
      dir = dir.slice(0, dir.lastIndexOf("/"));
      directories.add(dir);
    }
  }
  return {
    read(path) {
      const text = files[path];
      if (text !== undefined) return { kind: "file", text };
      return directories.has(path) ? { kind: "directory" } : { kind: "missing" };
    },
  };
}
