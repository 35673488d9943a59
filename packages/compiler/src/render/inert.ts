import stringWidth from "string-width";

/**
 * Author text made inert for each output format. A party name, a title or a sentence the author
 * wrote is printed inside a structure the renderer owns (a heading, a paragraph, a table row, a
 * terminal line); nothing in it may end that structure or start another: no line break, no
 * terminal escape, no bidirectional override, no Markdown or HTML syntax. Every renderer prints
 * author text through one of these functions.
 */

/** Line breaks of every kind (and tabs), which end a line, a paragraph or a table row; a run of them is one space. */
const breaks = /[\n\r\t\v\f\u0085\u2028\u2029]+/g;
/**
 * Characters that print as U+FFFD: C0 and C1 controls (NUL, ESC and CSI start terminal escapes),
 * DEL, and the bidirectional embeddings, overrides and isolates that reorder what a reader sees.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const hidden = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Author text as one line of plain text: each run of line breaks and tabs becomes a space, control characters U+FFFD. */
export function inertLine(text: string): string {
  return text.replace(breaks, " ").replace(hidden, "\uFFFD");
}

/**
 * Author text for a Word document: one line (`inertLine`), and nothing XML 1.0 cannot hold (a lone
 * surrogate, U+FFFE, U+FFFF) — U+FFFD instead. The docx library escapes `<`, `&` and quotes.
 */
export function wordText(text: string): string {
  return inertLine(text).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, "\uFFFD");
}

/** Characters that start Markdown (CommonMark and GFM) syntax anywhere in a line; each is escaped with a backslash. */
const markdownPunctuation = /[\\`*_[\]<>#&|~!]/g;

/**
 * Author text as Markdown inline text: one line, every character that could start emphasis, a
 * link, an image, a code span, raw HTML, an entity, a heading or a table cell escaped.
 */
export function markdownInline(text: string): string {
  return inertLine(text).replace(markdownPunctuation, (c) => `\\${c}`);
}

/**
 * A Markdown paragraph line: the inline text of its runs, with what would make it another kind of
 * block escaped at its start (a list marker `-`, `+`, `1.`, a quote `>`, a setext underline `=`,
 * a thematic break) and leading spaces (an indented code block) dropped.
 */
export function markdownParagraph(line: string): string {
  return line
    .replace(/^[ ]+/, "")
    .replace(/^([-+=])|^(\d{1,9})([.)])(?=\s|$)/, (_, mark: string | undefined, digits: string, end: string) =>
      mark !== undefined ? `\\${mark}` : `${digits}\\${end}`,
    );
}

/** Author text as a Markdown code span: one line, fenced with more backticks than it contains. */
export function markdownCode(text: string): string {
  const line = inertLine(text);
  let longest = 0;
  for (const run of line.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = "`".repeat(longest + 1);
  const pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** Author text as HTML text or a double-quoted attribute value (the renderers quote attributes with `"`): escaped, one line, no controls or overrides. */
export function htmlText(text: string): string {
  return inertLine(text).replace(/[&<>"]/g, (c) => htmlEntities[c]!);
}

const htmlEntities: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Serialised JSON made safe to print: the characters JSON allows raw inside strings but that act
 * on a terminal or a reader (DEL, C1 controls, line and paragraph separators, bidirectional
 * controls) written as `\uXXXX` escapes. The parsed value is unchanged.
 */
export function jsonInert(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * The columns `text` takes on a terminal or in a monospaced font: East Asian wide characters two,
 * combining marks and zero-width characters none, an emoji sequence two. Wrapping and tables
 * measure with this, never with `length`.
 */
export function displayWidth(text: string): number {
  return stringWidth(text, { countAnsiEscapeCodes: true });
}
