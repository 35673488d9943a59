import { inertLine } from "@covenant/compiler";
import { createColors } from "picocolors";
import { changeLine, changeNote, changeSign, declarationLabel } from "./labels.js";
import type { DiffSummary, TermChange, TermDiff } from "./model.js";

type Colors = ReturnType<typeof createColors>;

/**
 * The diff for a terminal: one block per declaration, one line per term change with its note
 * (`material · favours buyer`), and a summary line. Colours only when asked (a TTY); git's driver
 * prints its own heading. Every text is printed inert (`inertLine`) before it is coloured: a title or
 * value cannot add a line or a terminal escape.
 */
export function renderDiffText(diff: TermDiff, options: { color: boolean; heading?: boolean } = { color: false }): string {
  const c = createColors(options.color);
  const out: string[] = options.heading === false ? [] : [c.bold(inertLine(`covenant diff ${diff.old} → ${diff.new}`))];
  if (diff.declarations.length === 0) return [...out, "no term changes"].join("\n") + "\n";
  for (const d of diff.declarations) {
    const title = d.title !== undefined ? ` ${c.dim(inertLine(JSON.stringify(d.title)))}` : "";
    if (d.status === "added" || d.status === "removed") {
      const paint = d.status === "added" ? c.green : c.red;
      const note = d.material ? `  ${c.magenta("material")}` : "";
      out.push(paint(`${changeSign(d.status)} ${inertLine(declarationLabel(d))}`) + title + note);
      for (const change of d.changes) out.push(paint(`    ${inertLine(changeLine(change))}`));
      continue;
    }
    const renamed = d.status === "renamed" ? ` ${c.cyan(inertLine(`(renamed from ${d.oldName})`))}` : "";
    out.push(c.bold(inertLine(declarationLabel(d))) + renamed);
    for (const change of d.changes) out.push(`  ${line(change, c)}`);
  }
  out.push("", summaryText(diff.summary));
  return out.join("\n") + "\n";
}

function line(change: TermChange, c: Colors): string {
  const paint = change.change === "added" ? c.green : change.change === "removed" ? c.red : c.yellow;
  const note = changeNote(change);
  const flagged = note ? `   ${change.material ? c.magenta(note) : c.cyan(note)}` : "";
  return `${paint(changeSign(change.change))} ${inertLine(changeLine(change))}${flagged}`;
}

/** `5 term changes, 3 material; favour buyer 2, licensee 1`. */
export function summaryText(summary: DiffSummary): string {
  const count = `${summary.changes} term change${summary.changes === 1 ? "" : "s"}, ${summary.material} material`;
  const favours = Object.entries(summary.favours)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([role, n]) => `${role} ${n}`);
  return favours.length > 0 ? `${count}; favour ${favours.join(", ")}` : count;
}
