import { structuredPatch } from "diff";

/**
 * More edits than this and the two texts are shown as one hunk, all old lines out and all new
 * lines in: Myers' diff costs time with the edits times the length, and git is waiting.
 */
const maxEditLength = 1_000;

/**
 * A unified line diff (`--- a/x`, `+++ b/x`, `@@ -1,3 +1,3 @@`, three lines of context) as git
 * prints one: what the reviewer sees of a version that cannot be read as terms. `old` and `new`
 * name the sides; an absent side is named `/dev/null` and given as empty text.
 */
export function renderLineDiff(before: string, after: string, names: { readonly old: string; readonly new: string }): string {
  if (before === after) return "";
  const patch = structuredPatch(names.old, names.new, before, after, undefined, undefined, { context: 3, maxEditLength }) ?? {
    hunks: [wholeHunk(before, after)],
  };
  const out = [`--- ${names.old}`, `+++ ${names.new}`];
  for (const hunk of patch.hunks) {
    out.push(`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines);
  }
  return out.join("\n") + "\n";
}

interface Hunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly lines: readonly string[];
}

/** Every old line removed, every new line added. */
function wholeHunk(before: string, after: string): Hunk {
  const oldLines = linesOf(before);
  const newLines = linesOf(after);
  return {
    oldStart: 1,
    oldLines: oldLines.length,
    newStart: 1,
    newLines: newLines.length,
    lines: [...marked("-", oldLines, before), ...marked("+", newLines, after)],
  };
}

function linesOf(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (text.endsWith("\n")) lines.pop();
  return lines;
}

function marked(sign: string, lines: readonly string[], text: string): string[] {
  const out = lines.map((line) => sign + line);
  if (text !== "" && !text.endsWith("\n")) out.push("\\ No newline at end of file");
  return out;
}

/** Git's hunk range: `start,count`, `start` alone for one line; an empty range starts at the line before it. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
