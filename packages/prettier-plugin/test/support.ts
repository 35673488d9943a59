import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, type SourceFile } from "@covenant/core";

export const pluginRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = join(pluginRoot, "..", "..");
export const fixturesRoot = join(pluginRoot, "test", "fixtures");

/** Line endings are layout: the formatter writes LF, and a comment's own CRLFs become LFs with it. */
function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * The syntax tree without what layout may change: source ranges and the comment list. A doc comment's
 * text is compared without trailing whitespace, which the formatter trims like any other. Stands in for
 * the compiler's canonical JSON until that exists.
 */
export function canonicalTree(file: SourceFile): unknown {
  return JSON.parse(
    JSON.stringify(file, (key, value: unknown) => {
      if (key === "range" || key === "comments") return undefined;
      if (key === "doc" && typeof value === "string")
        return normalizeLineEnds(value)
          .split("\n")
          .map((line) => line.trimEnd())
          .join("\n");
      return value;
    }),
  );
}

/** The comments of a text as a sorted multiset, each without trailing whitespace. */
export function commentTexts(text: string): string[] {
  return parse(text, "test.contract")
    .file.comments.map((c) => normalizeLineEnds(c.text).trimEnd())
    .sort();
}

/** Parses text that must be free of syntax errors. */
export function parseClean(text: string): SourceFile {
  const result = parse(text, "test.contract");
  const errors = result.diagnostics.filter((d) => d.severity === "error" && /^CV10[0-5]$/.test(d.code));
  if (errors.length > 0)
    throw new Error(`syntax errors: ${errors.map((e) => `${e.range.start.line}:${e.range.start.column} ${e.message}`).join("; ")}`);
  return result.file;
}

export interface Fixture {
  readonly name: string;
  readonly dir: string;
  readonly input: string;
  readonly output: string | undefined;
}

export function readFixtures(): Fixture[] {
  return readdirSync(fixturesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const dir = join(fixturesRoot, name);
      const outputPath = join(dir, "output.contract");
      return {
        name,
        dir,
        input: readFileSync(join(dir, "input.contract"), "utf8"),
        output: existsSync(outputPath) ? readFileSync(outputPath, "utf8") : undefined,
      };
    });
}

/** Every `.contract` file under a folder of the repository (relative paths), whatever exists at the time. */
export function contractFiles(folder: string): string[] {
  const root = join(repoRoot, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".contract"))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)))
    .sort();
}
