import type { Inline } from "./model.js";

/**
 * Phrases: how the wording tables write sentences. A phrase is text, an inline run, or a list of
 * phrases; `p` is a template tag that joins them into normalised runs (adjacent text merged).
 */
export type Phrase = string | Inline | readonly Phrase[];

/** Flattens phrases into runs, merging adjacent text and dropping empty text. */
export function runs(...parts: readonly Phrase[]): Inline[] {
  return runsOf(parts);
}

/**
 * `runs` over a list: for lists of any length (a condition of 70,000 terms), which must not be
 * spread into a call's arguments. Nested lists are walked with an explicit stack, not recursion.
 */
export function runsOf(parts: readonly Phrase[]): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const stack: { readonly list: readonly Phrase[]; next: number }[] = [{ list: parts, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next === top.list.length) {
      stack.pop();
      continue;
    }
    const part = top.list[top.next++]!;
    if (typeof part === "string") text += part;
    else if (Array.isArray(part)) stack.push({ list: part as readonly Phrase[], next: 0 });
    else if ((part as Inline).kind === "text") text += (part as { text: string }).text;
    else {
      if (text !== "") out.push({ kind: "text", text });
      text = "";
      out.push(part as Inline);
    }
  }
  if (text !== "") out.push({ kind: "text", text });
  return out;
}

/** Template tag: p`${party} shall pay ${amount}.` → runs. */
export function p(strings: TemplateStringsArray, ...values: readonly Phrase[]): Inline[] {
  const parts: Phrase[] = [];
  strings.forEach((text, i) => {
    parts.push(text);
    if (i < values.length) parts.push(values[i]!);
  });
  return runsOf(parts);
}

export const term = (name: string, text: string = name): Inline => ({ kind: "term", term: name, text });
export const definition = (name: string): Inline => ({ kind: "definition", term: name });
export const clauseRef = (target: string): Inline => ({ kind: "ref", target, number: "" });

/** Upper-cases the first letter of a phrase, for a phrase that starts a sentence. */
export function capitalise(phrase: Phrase): Inline[] {
  const list = runs(phrase);
  const first = list[0];
  if (first?.kind !== "text") return list;
  return [{ kind: "text", text: first.text.charAt(0).toUpperCase() + first.text.slice(1) }, ...list.slice(1)];
}

/** Joins phrases as a list in prose: "a", "a and b", "a, b and c"; with `serialComma`, "a, and b", "a, b, and c" (for compound items). */
export function joinPhrases(items: readonly Phrase[], conjunction: string, serialComma = false): Inline[] {
  if (items.length <= 1) return runsOf(items);
  const head = items.slice(0, -1);
  const parts: Phrase[] = [];
  head.forEach((item, i) => {
    if (i > 0) parts.push(", ");
    parts.push(item);
  });
  parts.push(serialComma ? `, ${conjunction} ` : ` ${conjunction} `, items[items.length - 1]!);
  return runsOf(parts);
}

/** The plain text of runs, for headings and for tests. */
export function plainText(list: readonly Inline[]): string {
  return list
    .map((run) => (run.kind === "text" ? run.text : run.kind === "ref" ? run.number : run.kind === "term" ? run.text : run.term))
    .join("");
}
