import { relative } from "node:path";
import { maxSourceBytes, parse, type Diagnostic } from "@covenant/core";
import { readRegularFileBytes, whyNotRead } from "@covenant/node-files";
import { writeFilesAtomically, WriteError } from "../write-atomic.js";
import { collectContractFiles, UsageError } from "../files.js";
import type { Io } from "../io.js";
import { formatCodeFrames } from "../report/code-frame.js";

export interface FmtOptions {
  readonly check?: boolean;
  readonly write?: boolean;
}

const syntaxCodes = new Set(["CV100", "CV101", "CV102", "CV103", "CV104", "CV105"]);

/**
 * `covenant fmt`: formats through Prettier with prettier-plugin-covenant, the same printer editors
 * use. `--check` lists files that would change (exit 1 if any); `--write` rewrites them atomically;
 * with neither, one file's formatted text goes to standard output. Files with syntax errors are
 * reported and never touched (exit 1); a file that cannot be written (read-only, not this user's to
 * write) is reported and the rest are still formatted (exit 2, as `prettier --write`).
 */
export async function runFmt(paths: readonly string[], options: FmtOptions, io: Io): Promise<number> {
  if (options.check && options.write) throw new UsageError("use either --check or --write, not both");
  const files = collectContractFiles(paths, io.cwd);
  if (!options.check && !options.write && files.length !== 1) throw new UsageError("formatting several files needs --check or --write");
  // Loaded only here, so that `covenant check` does not pay for Prettier at start-up.
  const { formatDocument } = await import("prettier-plugin-covenant");
  let failed = false;
  let unwritten = false;
  const show = (path: string): string => relative(io.cwd, path) || path;
  for (const file of files) {
    const read = readRegularFileBytes(file, maxSourceBytes);
    if (read.kind !== "bytes") throw new UsageError(`cannot read '${show(file)}': ${whyNotRead(read)}`);
    const text = read.bytes.toString("utf8");
    const syntax: Diagnostic[] = parse(text, file).diagnostics.filter((d) => d.severity === "error" && syntaxCodes.has(d.code));
    if (syntax.length > 0) {
      io.stderr(formatCodeFrames(syntax, new Map([[file, text]]), { cwd: io.cwd, color: io.color }));
      io.stderr(`${show(file)}: not formatted, it has syntax errors\n`);
      failed = true;
      continue;
    }
    const formatted = await formatDocument(text, { filepath: file, endOfLine: "auto" });
    if (options.check) {
      if (formatted !== text) {
        io.stdout(`would reformat ${show(file)}\n`);
        failed = true;
      }
    } else if (options.write) {
      if (formatted !== text) {
        try {
          writeFilesAtomically([{ path: file, text: formatted }]);
          io.stdout(`formatted ${show(file)}\n`);
        } catch (error) {
          // As `prettier --write`: a file that cannot be written is reported, the others are still formatted, and the exit is 2.
          if (!(error instanceof WriteError)) throw error;
          io.stderr(`covenant: ${error.message.replace(file, show(file))}\n`);
          unwritten = true;
        }
      }
    } else io.stdout(formatted);
  }
  if (options.check && !failed) io.stdout(`${files.length} file${files.length === 1 ? "" : "s"} already formatted\n`);
  return unwritten ? 2 : failed ? 1 : 0;
}
