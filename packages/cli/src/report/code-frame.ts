import { relative } from "node:path";
import { createColors } from "picocolors";
import { displayWidth, inertLine } from "@covenant/compiler";
import { LineMap, type Diagnostic } from "@covenant/core";

type Colors = ReturnType<typeof createColors>;

const widest = 160;

/** Prints diagnostics the way compilers do: location, severity, code and message, then the source line with a caret underline. */
export function formatCodeFrames(
  diagnostics: readonly Diagnostic[],
  texts: ReadonlyMap<string, string>,
  options: { cwd: string; color: boolean },
): string {
  const c = createColors(options.color);
  const lineMaps = new Map<string, LineMap>();
  const lineMap = (uri: string): LineMap | undefined => {
    const text = texts.get(uri);
    if (text === undefined) return undefined;
    let map = lineMaps.get(uri);
    if (!map) lineMaps.set(uri, (map = new LineMap(text)));
    return map;
  };
  const out: string[] = [];
  for (const d of diagnostics) {
    const where = `${relative(options.cwd, d.uri) || d.uri}:${d.range.start.line}:${d.range.start.column}`;
    const severity =
      d.severity === "error" ? c.red(c.bold("error")) : d.severity === "warning" ? c.yellow(c.bold("warning")) : c.blue("info");
    out.push(`${c.bold(inertLine(where))} ${severity} ${c.dim(d.code)} ${inertLine(d.message)}`);
    const map = lineMap(d.uri);
    if (map) for (const item of frame(map, d, c)) out.push(item);
    for (const fix of d.fixes ?? []) out.push(`   ${c.cyan("= fix:")} ${inertLine(fix.title)}`);
    for (const related of d.related ?? []) {
      out.push(
        `   ${c.dim("= note:")} ${inertLine(`${relative(options.cwd, related.uri) || related.uri}:${related.range.start.line}:${related.range.start.column} ${related.message}`)}`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}

/**
 * The source line and a caret underline. The line is printed inert (a tab as a space; control
 * characters, terminal escapes and bidirectional overrides as U+FFFD), and the caret is placed by
 * display width, so it stands under the finding in a line of CJK text or emoji.
 */
function frame(map: LineMap, d: Diagnostic, c: Colors): string[] {
  const line = d.range.start.line;
  const source = map.lineText(line);
  const startColumn = d.range.start.column;
  const endColumn = d.range.end.line === line ? Math.max(d.range.end.column, startColumn + 1) : source.length + 1;
  // Long lines are cut to a window around the finding, so a 1 MB line prints as one screen line.
  let offset = 0;
  if (source.length > widest) offset = Math.max(0, Math.min(startColumn - 1 - 40, source.length - widest));
  const shown = source.slice(offset, offset + widest);
  const prefix = offset > 0 ? "…" : "";
  const suffix = offset + widest < source.length ? "…" : "";
  const gutter = String(line).length;
  const start = Math.max(0, startColumn - 1 - offset);
  const end = Math.min(shown.length, Math.max(start + 1, endColumn - 1 - offset));
  const caretStart = displayWidth(prefix + inertLine(shown.slice(0, start)));
  const caretLength = Math.max(1, displayWidth(inertLine(shown.slice(start, end))));
  const color = d.severity === "error" ? c.red : d.severity === "warning" ? c.yellow : c.blue;
  return [
    `${" ".repeat(gutter)} ${c.dim("|")}`,
    `${c.dim(String(line))} ${c.dim("|")} ${prefix}${inertLine(shown)}${suffix}`,
    `${" ".repeat(gutter)} ${c.dim("|")} ${" ".repeat(caretStart)}${color("^".repeat(caretLength))}`,
  ];
}

/** `2 errors, 1 warning in 3 files`. */
export function summaryLine(diagnostics: readonly Diagnostic[], fileCount: number, color: boolean): string {
  const c = createColors(color);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const files = `${fileCount} file${fileCount === 1 ? "" : "s"}`;
  if (errors === 0 && warnings === 0) return c.green(`✓ ${files} checked, no problems`);
  const parts = [
    errors ? c.red(`${errors} error${errors === 1 ? "" : "s"}`) : "",
    warnings ? c.yellow(`${warnings} warning${warnings === 1 ? "" : "s"}`) : "",
  ].filter(Boolean);
  return `${parts.join(", ")} in ${files}`;
}
