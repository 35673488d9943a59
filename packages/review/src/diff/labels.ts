import type { DeclarationDiff, TermChange } from "./model.js";

/** Declaration kinds as a reviewer reads them: the keyword, with `license` spelt as in the prose. */
export function kindLabel(kind: string): string {
  return kind === "license" ? "licence" : kind;
}

/** `pricing airbag_price`, `termination`. */
export function declarationLabel(d: Pick<DeclarationDiff, "kind" | "name">): string {
  return d.name !== undefined ? `${kindLabel(d.kind)} ${d.name}` : kindLabel(d.kind);
}

/**
 * One change as a line: `tier 10,000–49,999 modules: USD 171.50 → USD 170.00`, `territory: + KR`,
 * `step day 45 → 30: review by steering_committee`, `cure: 30 days` for an added term.
 */
export function changeLine(c: TermChange): string {
  const label = c.old && c.new && c.old.label !== c.new.label ? labelChange(c.old.label, c.new.label) : (c.new ?? c.old)!.label;
  if (c.change !== "changed") return `${label}: ${(c.new ?? c.old)!.text}`;
  if (c.detail) return `${label}: ${c.detail}`;
  if (c.old!.text === c.new!.text) return `${label}: ${c.new!.text}`;
  return `${label}: ${c.old!.text} → ${c.new!.text}`;
}

/** `tier 10,000–49,999 → 10,000–39,999 modules`: the words both labels share are written once. */
export function labelChange(before: string, after: string): string {
  const a = before.split(" ");
  const b = after.split(" ");
  let head = 0;
  while (head < a.length - 1 && head < b.length - 1 && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head - 1 && tail < b.length - head - 1 && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middle = (words: string[]): string => words.slice(head, words.length - tail).join(" ");
  return [...a.slice(0, head), `${middle(a)} → ${middle(b)}`, ...a.slice(a.length - tail)].join(" ");
}

/** `material · favours buyer`, or undefined when neither applies. */
export function changeNote(c: Pick<TermChange, "material" | "favours">): string | undefined {
  const parts = [c.material ? "material" : "", c.favours ? `favours ${c.favours.role}` : ""].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : undefined;
}

export function changeSign(change: TermChange["change"] | DeclarationDiff["status"]): string {
  return change === "added" ? "+" : change === "removed" ? "-" : "~";
}
