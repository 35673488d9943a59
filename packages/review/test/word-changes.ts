/**
 * Reads the tracked changes of a Word document's body the way a word processor applies them, from
 * the XML alone: accepting all drops every deletion (`w:del` runs, rows and paragraph marks) and
 * keeps insertions as text; rejecting all drops every insertion and turns deleted text
 * (`w:delText`) back into text. A paragraph whose mark is removed joins the next one, as in Word.
 */

const unescape = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!);

/** The body's paragraphs (table cells' included, in order) as text, after accepting or rejecting all changes. */
export function applyChanges(documentXml: string, mode: "accept" | "reject"): string[] {
  const removed = mode === "accept" ? "w:del" : "w:ins";
  const body = documentXml
    // A row inserted (rejected) or deleted (accepted) goes with all its cells.
    .replace(/<w:tr\b[^>]*>.*?<\/w:tr>/gs, (row) => (new RegExp(`<w:trPr>(?:(?!</w:trPr>).)*<${removed} `, "s").test(row) ? "" : row));
  const out: string[] = [];
  let carried = "";
  for (const [paragraph] of body.matchAll(/<w:p\b[^>]*>.*?<\/w:p>/gs)) {
    const pPr = /<w:pPr>.*?<\/w:pPr>/s.exec(paragraph)?.[0] ?? "";
    const markRemoved = new RegExp(`<w:rPr>(?:(?!</w:rPr>).)*<${removed} [^>]*/>`, "s").test(pPr);
    const content = paragraph.slice(pPr.length).replace(new RegExp(`<${removed} [^>]*[^/]>.*?</${removed}>`, "gs"), "");
    let text = "";
    for (const match of content.matchAll(/<w:(t|delText)(?: [^>]*)?>([^<]*)<\/w:\1>|<w:tab\/>/g))
      text += match[0] === "<w:tab/>" ? "\t" : unescape(match[2]!);
    carried += text;
    if (markRemoved) continue;
    out.push(carried);
    carried = "";
  }
  if (carried !== "") out.push(carried);
  return out;
}

/** The text of each tracked insertion and deletion, in order. */
export function trackedChanges(documentXml: string): { kind: "ins" | "del"; text: string; author: string; date: string }[] {
  const out: { kind: "ins" | "del"; text: string; author: string; date: string }[] = [];
  for (const match of documentXml.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]*)" w:date="([^"]*)">(.*?)<\/w:\1>/gs)) {
    const text = [...match[4]!.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => unescape(m[1]!)).join("");
    out.push({ kind: match[1] as "ins" | "del", text, author: unescape(match[2]!), date: match[3]! });
  }
  return out;
}

/** Paragraph marks tracked as inserted or deleted (a whole paragraph added or removed). */
export function trackedParagraphMarks(documentXml: string, kind: "ins" | "del"): number {
  return [...documentXml.matchAll(new RegExp(`<w:pPr>(?:(?!</w:pPr>).)*<w:rPr><w:${kind} [^>]*/>`, "gs"))].length;
}
