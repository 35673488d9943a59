import type { ProseSyntax, Token } from "./syntax.js";

/**
 * Short inline elements that change as a whole and are marked with their text: `<dfn>"Buyer"</dfn>`,
 * `<a class="ref">5.2</a>`, clause numbers and item labels. Longer spans (a title, an item's text)
 * are structure, and their words are compared one by one.
 */
const inline = /^(<(dfn|a|abbr|code)\b[^>]*>[^<]*<\/\2>|<span class="(number|label)">[^<]*<\/span>)/;
const voidElements = new Set(["meta", "link", "br", "hr", "img", "input", "col", "wbr"]);

/**
 * HTML as the compiler writes it: one block per line (`<p>…</p>`, a table row, the opening or
 * closing of a clause's container). Deleted text is `<del>`, inserted text `<ins>`; tags are
 * structure and never marked, so the redline keeps the new version's structure and print CSS.
 */
export const htmlSyntax: ProseSyntax = {
  tokens(line) {
    const tokens: Token[] = [];
    let i = 0;
    while (i < line.length) {
      const rest = line.slice(i);
      const atom = inline.exec(rest);
      const tag = /^<[^>]*>/.exec(rest);
      const space = /^\s+/.exec(rest);
      const word = /^[^\s<]+/.exec(rest);
      const match = atom ?? tag ?? space ?? word ?? [rest[0]!];
      const kind = atom ? "atom" : tag ? "tag" : space ? "space" : "word";
      tokens.push(atom ? { text: match[0], kind, key: match[0].replace(/<(\w+)[^>]*>/g, "<$1>") } : { text: match[0], kind });
      i += match[0].length;
    }
    return tokens;
  },
  shape(line) {
    const tags = [...line.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => (m[0].startsWith("</") ? `/${m[1]}` : m[1]));
    return tags.length > 0 ? tags.join(" ") : line.trim() === "" ? "blank" : "text";
  },
  balanced(line) {
    const open: string[] = [];
    for (const match of line.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
      const name = match[2]!.toLowerCase();
      if (match[3] === "/" || voidElements.has(name)) continue;
      if (match[1] === "/") {
        if (open.pop() !== name) return false;
      } else open.push(name);
    }
    return open.length === 0;
  },
  deleted(text) {
    return `<del>${text.map((t) => t.text).join("")}</del>`;
  },
  inserted(text) {
    return `<ins>${text.map((t) => t.text).join("")}</ins>`;
  },
  deletedFragment(text) {
    return `<div class="redline-removed"><del>${text.map((t) => t.text).join("")}</del></div>`;
  },
  outline(line) {
    if (line.startsWith("<h1>")) return "title";
    if (line.startsWith("<section")) return "clause";
    // A subclause removed whole shows as a fragment of its own, not inside the subclause before it.
    if (line.startsWith('<div class="subclause"') || line.startsWith('<div class="redline-removed">')) return "subclause";
    if (line === "</section>") return "clause-end";
    if (line.startsWith("</main>")) return "end";
    return undefined;
  },
};
