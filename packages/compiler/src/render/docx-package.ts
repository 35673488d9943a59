import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/**
 * The .docx package (a zip of XML parts) around the renderer: made reproducible, and given a
 * firm's reference document — its styles, theme and page setup, as pandoc's `--reference-doc`
 * does. The XML of a reference is only searched for whole elements and numeric attributes, and
 * its style definitions are copied as they are; nothing of it is run.
 */

/** What a reference document contributes. */
export interface ReferenceDocx {
  /** `word/styles.xml`: every named style and the document defaults (fonts, sizes, spacing). */
  readonly styles: string;
  /** `word/theme/theme1.xml`, whose fonts styles may name (`+Body`, `+Headings`). */
  readonly theme: string | undefined;
  /** The page size (as if upright, with its orientation) and margins of the reference's last section, in twentieths of a point. */
  readonly page:
    | {
        readonly size: { readonly width: number; readonly height: number; readonly orientation?: "portrait" | "landscape" };
        readonly margin: {
          readonly top: number;
          readonly right: number;
          readonly bottom: number;
          readonly left: number;
          readonly header: number;
          readonly footer: number;
          readonly gutter: number;
        };
      }
    | undefined;
}

/** A reference document read, or why it cannot be used (one sentence, for one line of output). */
export type ReferenceRead = { readonly ok: true; readonly reference: ReferenceDocx } | { readonly ok: false; readonly reason: string };

/** The parts read from a reference, and the most each may hold once inflated (a zip bomb stops there). */
const referenceParts: Readonly<Record<string, number>> = {
  "word/styles.xml": 16 << 20,
  "word/theme/theme1.xml": 16 << 20,
  "word/document.xml": 64 << 20,
};

/**
 * Reads a reference .docx: its styles (required), theme and page setup. Not a zip, a zip without
 * `word/styles.xml`, or parts that are not XML give a reason instead.
 */
export function readReferenceDocx(bytes: Uint8Array): ReferenceRead {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        const limit = referenceParts[file.name];
        if (limit === undefined) return false;
        if (file.originalSize > limit) throw new Error(`its part ${file.name} is larger than ${limit >> 20} MB`);
        return true;
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: message.startsWith("its part") ? message : "it is not a Word document (not a zip archive)" };
  }
  const text = (name: string): string | undefined => {
    const part = parts[name];
    if (!part) return undefined;
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(part);
    } catch {
      return "";
    }
  };
  const styles = text("word/styles.xml");
  if (styles === undefined) return { ok: false, reason: "it has no word/styles.xml, so it is not a Word document with styles" };
  if (!/<w:styles[\s>]/.test(styles) || !/<\/w:styles>\s*$/.test(styles))
    return { ok: false, reason: "its word/styles.xml is not a WordprocessingML styles part" };
  const theme = text("word/theme/theme1.xml");
  return {
    ok: true,
    reference: { styles, theme: theme && /<a:theme[\s>]/.test(theme) ? theme : undefined, page: pageSetup(text("word/document.xml")) },
  };
}

/** The page size and margins of the last section (`w:sectPr`) of a document part, when both are given in whole twips. */
function pageSetup(documentXml: string | undefined): ReferenceDocx["page"] {
  if (!documentXml) return undefined;
  const start = documentXml.lastIndexOf("<w:sectPr");
  if (start < 0) return undefined;
  const section = documentXml.slice(start, documentXml.indexOf("</w:sectPr>", start) >>> 0);
  const attributes = (element: string): Map<string, string> | undefined => {
    const match = new RegExp(`<w:${element}\\s([^>]*?)/?>`).exec(section);
    if (!match) return undefined;
    return new Map([...match[1]!.matchAll(/w:(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  };
  const twips = (value: string | undefined, fallback?: number): number | undefined => {
    if (value === undefined) return fallback;
    return /^-?\d{1,6}$/.test(value) ? Number(value) : undefined;
  };
  const size = attributes("pgSz");
  const margin = attributes("pgMar");
  if (!size || !margin) return undefined;
  const width = twips(size.get("w"));
  const height = twips(size.get("h"));
  const sides = ["top", "right", "bottom", "left", "header", "footer", "gutter"].map((side) =>
    twips(margin.get(side), side === "gutter" ? 0 : undefined),
  );
  if (width === undefined || height === undefined || width <= 0 || height <= 0 || sides.some((v) => v === undefined)) return undefined;
  const [top, right, bottom, left, header, footer, gutter] = sides as number[];
  const orientation = size.get("orient") === "landscape" ? "landscape" : undefined;
  return {
    // The docx library writes a landscape page's width and height swapped: it is given the page as if upright.
    size: orientation ? { width: height, height: width, orientation } : { width, height },
    margin: { top: top!, right: right!, bottom: bottom!, left: left!, header: header!, footer: footer!, gutter: gutter! },
  };
}

/** A `<w:style>` element with its style id. */
const styleElement = /<w:style\s[^>]*?w:styleId="([^"]+)"[^>]*?(?:\/>|>[\s\S]*?<\/w:style>)/g;

/**
 * Our parts with a reference's styles: its styles.xml and theme take the place of ours, and each
 * of our styles the reference does not define is added to it, so every paragraph keeps a style
 * (a reference without `Defined Term` still shows defined terms in bold).
 */
export function applyReference(parts: Record<string, Uint8Array>, reference: ReferenceDocx): Record<string, Uint8Array> {
  const ours = parts["word/styles.xml"] ? strFromU8(parts["word/styles.xml"]) : "";
  const defined = new Set([...reference.styles.matchAll(styleElement)].map((m) => m[1]!));
  const missing = [...ours.matchAll(styleElement)].filter((m) => !defined.has(m[1]!)).map((m) => m[0]);
  const end = reference.styles.lastIndexOf("</w:styles>");
  const styles = reference.styles.slice(0, end) + missing.join("") + reference.styles.slice(end);
  const out: Record<string, Uint8Array> = { ...parts, "word/styles.xml": strToU8(styles) };
  if (reference.theme !== undefined && parts["word/theme/theme1.xml"]) out["word/theme/theme1.xml"] = strToU8(reference.theme);
  return out;
}

/** Our parts with `styles` (whole `<w:style>` elements the docx library has no option for, such as a table style) added to styles.xml. */
export function addStyles(parts: Record<string, Uint8Array>, styles: readonly string[]): Record<string, Uint8Array> {
  const part = parts["word/styles.xml"];
  if (!part) throw new Error("the docx library wrote no word/styles.xml");
  const xml = strFromU8(part);
  const end = xml.lastIndexOf("</w:styles>");
  return { ...parts, "word/styles.xml": strToU8(xml.slice(0, end) + styles.join("") + xml.slice(end)) };
}

/** The date written as the document's creation and modification time, and as every zip entry's time. */
const fixedDate = "1980-01-01T00:00:00Z";

/**
 * The same .docx with nothing that changes from run to run: the document properties' dates fixed,
 * every zip entry dated 1980-01-01 00:00 (zip times are local, so the date is made in local time),
 * the entries in the order they came. `transform` changes the parts first (a reference document).
 */
export function reproducibleZip(
  packed: Uint8Array,
  transform?: (parts: Record<string, Uint8Array>) => Record<string, Uint8Array>,
): Uint8Array {
  let parts: Record<string, Uint8Array> = unzipSync(packed);
  if (transform) parts = transform(parts);
  const core = parts["docProps/core.xml"];
  if (core) {
    parts["docProps/core.xml"] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_, open: string, _name: string, close: string) => open + fixedDate + close,
      ),
    );
  }
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(parts)) zippable[name] = [data, { mtime, level: 6 }];
  return zipSync(zippable);
}
