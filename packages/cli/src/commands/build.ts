import { relative, resolve, basename, extname, join } from "node:path";
import { statSync } from "node:fs";
import {
  binaryExtensions,
  binaryFormats,
  compileFormats,
  compilePdf,
  formatExtensions,
  formats,
  PdfEngineUnavailable,
  proseDocument,
  type BinaryFormat,
  type Format,
} from "@covenant/compiler";
import type { ReferenceDocx } from "@covenant/compiler/docx";
import { checkFiles } from "./check.js";
import { UsageError } from "../files.js";
import { formatCodeFrames, summaryLine } from "../report/code-frame.js";
import { writeFilesAtomically, WriteError } from "../write-atomic.js";
import { readRegularFileBytes, whyNotRead } from "@covenant/node-files";
import type { Io } from "../io.js";

export interface BuildOptions {
  readonly to: string;
  readonly out?: string;
  readonly outDir?: string;
  readonly width?: string;
  readonly withLocations?: boolean;
  readonly paper?: string;
  readonly referenceDocx?: string;
  readonly root?: string;
}

type Target = Format | BinaryFormat;
const targetNames: readonly Target[] = [...formats, ...binaryFormats];
const isBinary = (target: Target): target is BinaryFormat => (binaryFormats as readonly string[]).includes(target);

/** The most of a reference document read (a firm's template with a logo is a few MB). */
const maxReferenceBytes = 64 * 1024 * 1024;

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

function parseWidth(width: string | undefined): number {
  if (width === undefined) return 80;
  const n = Number(width);
  if (!Number.isInteger(n) || n < 40 || n > 1000) throw new UsageError(`--width must be a whole number from 40 to 1000, not '${width}'`);
  return n;
}

/**
 * `covenant build FILE --to FORMATS`: compiles one contract. With errors in the source it prints
 * the diagnostics as `check` does and writes nothing (exit 1); a path it cannot write is one line
 * and exit 2, with nothing half-written. One format without `-o` or `--out-dir` goes to stdout; a
 * Word document only to a pipe or a file, never to a terminal. A reference document that cannot be
 * used is one line and exit 2, before the contract is read.
 */
export async function runBuild(file: string, options: BuildOptions, io: Io): Promise<number> {
  // `-o -` is standard output, as for most Unix tools: never a file named '-'.
  if (options.out === "-") options = { ...options, out: undefined };
  const targets = parseFormats(options.to);
  const width = parseWidth(options.width);
  if (options.paper !== undefined && options.paper !== "a4" && options.paper !== "letter")
    throw new UsageError(`--paper must be a4 or letter, not '${options.paper}'`);
  if (options.out !== undefined && options.outDir !== undefined)
    throw new UsageError("give either -o/--out (one format) or --out-dir (several), not both");
  if (options.out !== undefined && targets.length > 1)
    throw new UsageError(`-o/--out writes one format, but --to names ${targets.length}; use --out-dir for several`);
  if (
    options.out === undefined &&
    options.outDir === undefined &&
    targets.length === 1 &&
    isBinary(targets[0]!) &&
    io.stdoutIsTerminal !== false
  )
    throw new UsageError(
      `--to ${targets[0]} writes a binary file, not text for a terminal; give -o FILE${binaryExtensions[targets[0] as BinaryFormat]} or --out-dir DIR, or pipe it`,
    );
  if (options.referenceDocx !== undefined && !targets.includes("docx"))
    throw new UsageError("--reference-docx styles the Word document; add docx to --to");
  const reference = options.referenceDocx === undefined ? undefined : await readReference(options.referenceDocx, io.cwd);

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

  if (options.out === undefined && options.outDir === undefined && targets.length > 1)
    throw new UsageError(`--to names ${targets.length} formats; give --out-dir to write them`);
  const paper = options.paper === "letter" ? "letter" : "a4";
  const compiled = compileFormats(
    checked,
    targets.filter((target): target is Format => !isBinary(target)),
    { width, withLocations: options.withLocations ?? false, paper },
  );
  const outputs: { format: Target; text: string | Uint8Array }[] = [];
  for (const format of targets) {
    if (format === "docx") {
      // The docx library is large: it loads only when a Word document is asked for.
      const { renderDocx } = await import("@covenant/compiler/docx");
      outputs.push({ format, text: await renderDocx(proseDocument(checked), { paper, ...(reference ? { reference } : {}) }) });
    } else if (format === "pdf") {
      // The typesetter (a native module) loads on the first PDF; a platform without a build of it is one line, exit 2.
      try {
        outputs.push({ format, text: compilePdf(checked, { paper }) });
      } catch (error) {
        if (!(error instanceof PdfEngineUnavailable)) throw error;
        io.stderr(`covenant: ${error.message}\n`);
        return 2;
      }
    } else outputs.push({ format, text: compiled.get(format)! });
  }
  if (options.out === undefined && options.outDir === undefined) {
    const only = outputs[0]!.text;
    if (typeof only === "string") io.stdout(only);
    else if (io.stdoutBytes) io.stdoutBytes(only);
    else throw new UsageError(`--to ${outputs[0]!.format} writes a binary file; give -o FILE or --out-dir DIR`);
    return 0;
  }
  const stem = basename(path, extname(path));
  const extension = (format: Target): string => (isBinary(format) ? binaryExtensions[format] : formatExtensions[format]);
  const files = outputs.map(({ format, text }) => ({
    path: options.out !== undefined ? resolve(io.cwd, options.out) : join(resolve(io.cwd, options.outDir!), stem + extension(format)),
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

/** Reads `--reference-docx`: a regular .docx with a styles part, or one line saying why it cannot be used (exit 2). */
async function readReference(file: string, cwd: string): Promise<ReferenceDocx> {
  const read = readRegularFileBytes(resolve(cwd, file), maxReferenceBytes);
  if (read.kind !== "bytes") throw new UsageError(`cannot read --reference-docx '${file}': ${whyNotRead(read)}`);
  const { readReferenceDocx } = await import("@covenant/compiler/docx");
  const reference = readReferenceDocx(read.bytes);
  if (!reference.ok) throw new UsageError(`cannot use --reference-docx '${file}': ${reference.reason}`);
  return reference.reference;
}
