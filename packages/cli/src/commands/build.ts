import { relative, resolve, basename, extname, join } from "node:path";
import { statSync } from "node:fs";
import {
  binaryFormats,
  compileFormats,
  compilePdf,
  PdfEngineUnavailable,
  formatExtensions,
  formats,
  type BinaryFormat,
  type Format,
} from "@covenant/compiler";
import { checkFiles } from "./check.js";
import { UsageError } from "../files.js";
import { formatCodeFrames, summaryLine } from "../report/code-frame.js";
import { writeFilesAtomically, WriteError } from "../write-atomic.js";
import type { Io } from "../io.js";

export interface BuildOptions {
  readonly to: string;
  readonly out?: string;
  readonly outDir?: string;
  readonly width?: string;
  readonly withLocations?: boolean;
  readonly paper?: string;
  readonly root?: string;
}

type Target = Format | BinaryFormat;
const targetNames: readonly Target[] = [...formats, ...binaryFormats];

/** `markdown,json` → the formats, in the order given, each once. */
function parseFormats(list: string): Target[] {
  const names = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(`--to needs at least one format (${targetNames.join(", ")})`);
  for (const name of names) {
    if (!(targetNames as readonly string[]).includes(name))
      throw new UsageError(`unknown format '${name}' for --to; use ${targetNames.join(", ")} (several separated by commas)`);
  }
  return [...new Set(names as Target[])];
}

const isBinary = (target: Target): target is BinaryFormat => (binaryFormats as readonly string[]).includes(target);

function parseWidth(width: string | undefined): number {
  if (width === undefined) return 80;
  const n = Number(width);
  if (!Number.isInteger(n) || n < 40 || n > 1000) throw new UsageError(`--width must be a whole number from 40 to 1000, not '${width}'`);
  return n;
}

/**
 * `covenant build FILE --to FORMATS`: compiles one contract. With errors in the source it prints
 * the diagnostics as `check` does and writes nothing (exit 1); a path it cannot write is one line
 * and exit 2, with nothing half-written. One format without `-o` or `--out-dir` goes to stdout,
 * except a PDF when stdout is a terminal (exit 2).
 */
export function runBuild(file: string, options: BuildOptions, io: Io): number {
  const targets = parseFormats(options.to);
  const width = parseWidth(options.width);
  if (options.paper !== undefined && options.paper !== "a4" && options.paper !== "letter")
    throw new UsageError(`--paper must be a4 or letter, not '${options.paper}'`);
  if (options.out !== undefined && options.outDir !== undefined)
    throw new UsageError("give either -o/--out (one format) or --out-dir (several), not both");
  if (options.out !== undefined && targets.length > 1)
    throw new UsageError(`-o/--out writes one format, but --to names ${targets.length}; use --out-dir for several`);
  const toStdout = options.out === undefined && options.outDir === undefined;
  if (toStdout && targets.length > 1) throw new UsageError(`--to names ${targets.length} formats; give --out-dir to write them`);
  // A PDF is bytes: printed to a terminal it is garbage and can upset the terminal. A pipe or a file is fine.
  const binary = targets.find(isBinary);
  if (toStdout && binary !== undefined && io.stdoutIsTerminal)
    throw new UsageError(
      `--to ${binary} writes a binary file; give -o FILE.${binary} or --out-dir DIR, or redirect standard output to a file`,
    );

  const path = resolve(io.cwd, file);
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    // checkFiles reports a missing file as a usage error.
  }
  if (isDirectory) throw new UsageError(`'${file}' is a folder; build takes one .contract file`);
  const run = checkFiles([file], io.cwd, options.root);
  const errors = run.diagnostics.some((d) => d.severity === "error");
  if (run.diagnostics.length > 0) {
    io.stderr(formatCodeFrames(run.diagnostics, run.texts, { cwd: io.cwd, color: io.color }));
    if (errors) {
      io.stderr(summaryLine(run.diagnostics, 1, io.color) + "\n");
      return 1;
    }
  }
  const checked = run.workspace.check(run.files[0]!);
  if (!checked.contract) {
    io.stderr(
      `covenant: '${file}' has no contract header, so there is nothing to build; a clause library is built through the contracts that import it\n`,
    );
    return 1;
  }

  const paper = options.paper === "letter" ? "letter" : "a4";
  const compiled = compileFormats(
    checked,
    targets.filter((target): target is Format => !isBinary(target)),
    { width, withLocations: options.withLocations ?? false, paper },
  );
  // The PDF typesetter (a native module) loads on the first PDF, so the other formats never pay for it.
  let pdf: Uint8Array | undefined;
  try {
    if (targets.includes("pdf")) pdf = compilePdf(checked, { paper });
  } catch (error) {
    if (error instanceof PdfEngineUnavailable) {
      io.stderr(`covenant: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const outputs = targets.map((format) => ({ format, text: format === "pdf" ? pdf! : compiled.get(format)! }));
  if (toStdout) {
    io.stdout(outputs[0]!.text);
    return 0;
  }
  const stem = basename(path, extname(path));
  const files = outputs.map(({ format, text }) => ({
    path:
      options.out !== undefined ? resolve(io.cwd, options.out) : join(resolve(io.cwd, options.outDir!), stem + formatExtensions[format]),
    text,
  }));
  try {
    // The contract and every file it imports are inputs: `-o a.contract` must never overwrite the source.
    const inputs = checked.files.map((f) => f.uri);
    writeFilesAtomically(files, { createDirectories: options.outDir !== undefined, inputs });
  } catch (error) {
    if (error instanceof WriteError) {
      // Paths inside the working folder are shown relative to it, others as they are.
      const shown = (path: string): string => {
        const inside = relative(io.cwd, path);
        return inside === "" || inside.startsWith("..") ? path : inside;
      };
      io.stderr(`covenant: ${error.message.replace(/'(\/[^']+)'/g, (_, p: string) => `'${shown(p)}'`)}\n`);
      return 2;
    }
    throw error;
  }
  return 0;
}
