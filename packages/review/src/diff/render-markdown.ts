import { markdownCode, markdownInline } from "@covenant/compiler";
import { changeLine, declarationLabel, labelChange } from "./labels.js";
import type { DeclarationDiff, TermChange, TermDiff } from "./model.js";
import { summaryText } from "./render-text.js";

/**
 * The diff as a Markdown table for a pull-request comment: one row per term change, material
 * changes marked, who each change favours in its own column. Every text from the contracts or the
 * command line is escaped (`markdownInline`, `markdownCode`): it cannot end a cell or add a row.
 */
export function renderDiffMarkdown(diff: TermDiff): string {
  const heading = `### Contract terms: ${markdownCode(diff.old)} → ${markdownCode(diff.new)}`;
  if (diff.declarations.length === 0) return `${heading}\n\nNo term changes.\n`;
  const rows = diff.declarations.flatMap((d) => rowsOf(d));
  return [
    heading,
    "",
    `**${summaryText(diff.summary)}**`,
    "",
    "| | Declaration | Term | Before | After | Favours |",
    "|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
  ].join("\n");
}

function rowsOf(d: DeclarationDiff): string[][] {
  const name = markdownCode(declarationLabel(d));
  if (d.status === "added" || d.status === "removed") {
    const terms = d.changes.map((c) => markdownInline(changeLine(c))).join("<br>");
    return [[mark(d.material), `${name} (${d.status})`, "", d.status === "removed" ? terms : "", d.status === "added" ? terms : "", ""]];
  }
  const rows: string[][] = [];
  if (d.status === "renamed") rows.push(["", name, "name", markdownInline(d.oldName ?? ""), markdownInline(d.name ?? ""), ""]);
  for (const c of d.changes)
    rows.push([
      mark(c.material),
      name,
      markdownInline(termLabel(c)),
      markdownInline(before(c)),
      markdownInline(after(c)),
      markdownInline(c.favours?.role ?? ""),
    ]);
  return rows;
}

function termLabel(c: TermChange): string {
  const a = c.old?.label;
  const b = c.new?.label;
  return a && b && a !== b ? labelChange(a, b) : (b ?? a)!;
}

function before(c: TermChange): string {
  return c.change === "added" ? "—" : c.old!.text;
}

function after(c: TermChange): string {
  if (c.change === "removed") return "—";
  return c.detail ? `${c.new!.text} (${c.detail})` : c.new!.text;
}

function mark(material: boolean): string {
  return material ? "⚠️ material" : "";
}
