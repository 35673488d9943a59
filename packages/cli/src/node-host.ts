import { realpathSync } from "node:fs";
import { maxSourceBytes, type FileHost, type ReadResult } from "@covenant/core";
import { readRegularFile } from "@covenant/node-files";

/**
 * A FileHost over node:fs. Never throws: problems become read results the workspace reports. Only
 * regular files are read, and never more than `maxSourceBytes` of one (a pipe or /dev/zero cannot
 * hang or flood a check).
 */
export function nodeHost(): FileHost {
  return {
    read(path: string): ReadResult {
      return readRegularFile(path, maxSourceBytes);
    },
    realPath(path: string): string {
      return realpathSync(path);
    },
  };
}
