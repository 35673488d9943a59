/**
 * Greedy word wrapping for plain text. A no-break space (U+00A0) joins words that must stay on one
 * line ("Clause 5.2", "USD 1,200.00"); it prints as an ordinary space. A word longer than the
 * width is cut.
 */
export const noBreak = "\u00a0";

/** Wraps `text` into lines of at most `width` characters (at least 1). */
export function wrap(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (word === "") continue;
    let rest = word;
    if (line !== "" && line.length + 1 + rest.length <= limit) {
      line += ` ${rest}`;
      continue;
    }
    if (line !== "") lines.push(line);
    while (rest.length > limit) {
      lines.push(rest.slice(0, limit));
      rest = rest.slice(limit);
    }
    line = rest;
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines.map((l) => l.replaceAll(noBreak, " "));
}

/** The length of the longest word: the narrowest a column can be without cutting words. */
export function longestWord(text: string): number {
  return Math.max(0, ...text.split(/ +/).map((w) => w.length));
}
