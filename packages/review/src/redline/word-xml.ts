/**
 * The little of WordprocessingML the redline reads: the body of `word/document.xml` as the
 * compiler's Word renderer writes it (paragraphs of runs, tables of rows of cells), split into
 * elements without a general XML parser. The text is the renderer's own output, so it has no
 * comments, CDATA or processing instructions inside the body; text is escaped as XML requires.
 */

/** An element with its name and whole source (`<w:p>…</w:p>`), or text between elements. */
export interface XmlElement {
  readonly name: string;
  readonly xml: string;
}

const tagPattern = /<(\/?)([\w:.-]+)[^>]*?(\/?)>/g;

/** The child elements of an element's content, in order (text between them is dropped). */
export function childElements(inner: string): XmlElement[] {
  const out: XmlElement[] = [];
  let depth = 0;
  let start = 0;
  let name = "";
  for (const match of inner.matchAll(tagPattern)) {
    const [tag, closing, tagName, selfClosing] = match;
    if (closing === "/") {
      depth--;
      if (depth === 0) out.push({ name, xml: inner.slice(start, match.index + tag.length) });
    } else if (selfClosing === "/") {
      if (depth === 0) out.push({ name: tagName!, xml: tag });
    } else {
      if (depth === 0) {
        start = match.index;
        name = tagName!;
      }
      depth++;
    }
  }
  return out;
}

/** An element's opening tag and its content (empty for `<x/>`). */
export function openAndInner(element: XmlElement): { open: string; inner: string } {
  const end = element.xml.indexOf(">") + 1;
  const open = element.xml.slice(0, end);
  if (open.endsWith("/>")) return { open: open.slice(0, -2) + ">", inner: "" };
  return { open, inner: element.xml.slice(end, element.xml.length - `</${element.name}>`.length) };
}

/** `w:val` of the first `<name w:val="…"/>` in a fragment. */
export function valueOf(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name} [^>]*?w:val="([^"]*)"`).exec(xml);
  return match?.[1];
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (entity, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[name] ?? entity;
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
