import type { ProseSyntax, Token } from "./syntax.js";

/**
 * Markdown as the compiler writes it: headings, paragraphs, tables (`| a | b |`) and bold spans
 * (`**1.1**`, `**"Buyer"**`). Deleted text is `~~struck~~`, inserted text `**bold**`.
 */
export const markdownSyntax: ProseSyntax = {
  tokens(line) {
    const tokens: Token[] = [];
    const heading = /^#{1,6} /.exec(line);
    let rest = line;
    if (heading) {
      tokens.push({ text: heading[0], kind: "tag" });
      rest = line.slice(heading[0].length);
    }
    // A backslash escape (`\|`, `\*`, `\\`, as the compiler writes author text) belongs to its word:
    // split from it, `\` would escape the `**` or `~~` the redline puts after it, and `|` would read as a cell border.
    for (const match of rest.matchAll(/\*\*(?:\\.|(?!\*\*).)+\*\*|\|(?: ?:?-+:? ?(?=\|))?|\s+|(?:\\.|[^\s*|\\])+|\\|\*/g)) {
      const text = match[0];
      const kind = text.startsWith("|") ? "tag" : text.startsWith("**") ? "atom" : /^\s+$/.test(text) ? "space" : "word";
      tokens.push({ text, kind });
    }
    return tokens;
  },
  shape(line) {
    if (line.trim() === "") return "blank";
    const heading = /^(#{1,6}) /.exec(line);
    if (heading) return `heading ${heading[1]!.length}`;
    // Cell borders only: an escaped `\|` in a cell is text.
    if (line.startsWith("|")) return `row ${(line.replace(/\\./g, "").match(/\|/g) ?? []).length}`;
    return "paragraph";
  },
  balanced() {
    return true;
  },
  deleted(text) {
    return `~~${text.map((t) => t.text).join("")}~~`;
  },
  inserted(text) {
    // Bold inside bold would end the insertion early: inserted clause numbers and defined terms lose their own bold.
    return `**${text.map((t) => (t.kind === "atom" ? t.text.slice(2, -2) : t.text)).join("")}**`;
  },
  deletedFragment() {
    return undefined;
  },
  outline(line) {
    if (line.startsWith("# ")) return "title";
    if (line.startsWith("## ")) return "clause";
    // A subclause opens with its bold number, struck when renumbered or removed, bold when inserted.
    if (/^(~~)?\*\*\d+(\.\d+)+\b/.test(line)) return "subclause";
    return undefined;
  },
};
