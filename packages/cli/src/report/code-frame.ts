import { relative } from "node:path";
import { createColors } from "picocolors";
import { displayWidth, inertLine } from "@covenant/compiler";
import { LineMap, type Diagnostic } from "@covenant/core";

type Colors = ReturnType<typeof createColors>;

/** The widest a frame line may be, in display columns, gutter included. */
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
 * display width, so it stands under the finding in a line of CJK text or emoji. A line wider
 * than the screen is cut, between grapheme clusters and by display columns, to a window around
 * the finding, so no frame line (gutter included) is wider than `widest` columns.
 */
function frame(map: LineMap, d: Diagnostic, c: Colors): string[] {
  const line = d.range.start.line;
  const source = map.lineText(line);
  const start = Math.min(source.length, Math.max(0, d.range.start.column - 1));
  const end = d.range.end.line === line ? Math.min(source.length, Math.max(d.range.end.column - 1, start + 1)) : source.length;
  const gutter = String(line).length;
  const shown = window(source, start, widest - (gutter + 3));
  const before = shown.clusters.filter((g) => g.offset + g.length <= start);
  const under = shown.clusters.filter((g) => g.offset + g.length > start && g.offset < end);
  const caretStart = displayWidth(shown.prefix) + before.reduce((sum, g) => sum + g.width, 0);
  const caretLength = Math.max(
    1,
    under.reduce((sum, g) => sum + g.width, 0),
  );
  const color = d.severity === "error" ? c.red : d.severity === "warning" ? c.yellow : c.blue;
  return [
    `${" ".repeat(gutter)} ${c.dim("|")}`,
    `${c.dim(String(line))} ${c.dim("|")} ${shown.prefix}${shown.clusters.map((g) => g.text).join("")}${shown.suffix}`,
    `${" ".repeat(gutter)} ${c.dim("|")} ${" ".repeat(caretStart)}${color("^".repeat(caretLength))}`,
  ];
}

/** One grapheme cluster of a source line: its UTF-16 offset and length, its text printed inert, and that text's display width. */
interface Cluster {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
  readonly width: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const ellipsis = "…";
/** Columns shown before the finding when a long line is cut. */
const lead = 40;

/**
 * The part of `source` shown in at most `columns` display columns (the `…` marking a cut side
 * included): the whole line when it fits, otherwise the clusters from about `lead` columns
 * before the cluster at `start` on. Walks only the clusters it may show (at most four per
 * column, so a run of zero-width characters is cut too), so a 1 MB line costs no more than a
 * short one.
 */
function window(source: string, start: number, columns: number): { prefix: string; clusters: Cluster[]; suffix: string } {
  const segments = graphemes.segment(source);
  const at = (offset: number): Cluster | undefined => {
    if (offset < 0 || offset >= source.length) return undefined;
    const found = segments.containing(offset);
    if (found === undefined) return undefined;
    const text = inertLine(found.segment);
    return { offset: found.index, length: found.segment.length, text, width: displayWidth(text) };
  };
  const most = 4 * columns;
  const whole: Cluster[] = [];
  let width = 0;
  let g = at(0);
  // Strictly narrower: a caret past the end of the line (a missing `}`) needs a column too.
  for (; g !== undefined && width < columns && whole.length <= most; g = at(g.offset + g.length)) {
    whole.push(g);
    width += g.width;
  }
  if (g === undefined && width < columns && whole.length <= most) return { prefix: "", clusters: whole, suffix: "" };

  const dots = displayWidth(ellipsis);
  const budget = Math.max(lead + 2, columns - 2 * dots);
  const clusters: Cluster[] = [];
  let used = 0;
  // The finding may start inside a cluster (a column in the middle of an emoji): from its start.
  const origin = at(start)?.offset ?? start;
  for (let b = at(origin - 1); b !== undefined && used + b.width <= lead && clusters.length < most; b = at(b.offset - 1)) {
    clusters.unshift(b);
    used += b.width;
  }
  let next = origin;
  for (let f = at(origin); f !== undefined && used + f.width <= budget && clusters.length < most; f = at(f.offset + f.length)) {
    clusters.push(f);
    used += f.width;
    next = f.offset + f.length;
  }
  // A finding near the end of the line leaves room for more of what comes before it.
  if (next >= source.length) {
    for (
      let b = at((clusters[0]?.offset ?? origin) - 1);
      b !== undefined && used + b.width <= budget && clusters.length < most;
      b = at(b.offset - 1)
    ) {
      clusters.unshift(b);
      used += b.width;
    }
  }
  const from = clusters[0]?.offset ?? origin;
  return { prefix: from > 0 ? ellipsis : "", clusters, suffix: next < source.length ? ellipsis : "" };
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
