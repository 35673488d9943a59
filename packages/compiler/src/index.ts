import type { CheckedDocument } from "@covenant/core";
import type { Document } from "./document/model.js";
import { buildDocument } from "./document/build-document.js";
import { renderJson } from "./json/terms-json.js";
import { renderHtml } from "./render/html.js";
import { renderMarkdown } from "./render/markdown.js";
import { renderText } from "./render/text.js";
import { wordingFor } from "./wording/wording.js";

export type * from "./document/model.js";
export { buildDocument } from "./document/build-document.js";
export { contractDeclarations } from "./document/selection.js";
export { languages, wordingFor, type Wording } from "./wording/wording.js";
export { en } from "./wording/en.js";
export { renderMarkdown } from "./render/markdown.js";
export { renderText, type TextOptions } from "./render/text.js";
export { renderHtml, type HtmlOptions } from "./render/html.js";
export { displayWidth, htmlText, inertLine, wordText, jsonInert, markdownCode, markdownInline, markdownParagraph } from "./render/inert.js";
export { wrap } from "./render/wrap.js";
export { renderJson, termsFormat, type JsonOptions } from "./json/terms-json.js";
export { canonicalTerms, type Json } from "./json/canonical.js";
export { contentHash, stableStringify } from "./json/stable-json.js";
export { termsJsonSchema } from "./json/json-schema.js";

/** The output formats, and the file extension each is written with. */
export const formats = ["markdown", "text", "html", "json"] as const;
export type Format = (typeof formats)[number];
export const formatExtensions: Readonly<Record<Format, string>> = { markdown: ".md", text: ".txt", html: ".html", json: ".json" };

/**
 * The formats written as bytes (a zip package): each is rendered by its own module, loaded only
 * when asked for — `@covenant/compiler/docx` (`renderDocx`) — so the text formats never load it.
 */
export const binaryFormats = ["docx"] as const;
export type BinaryFormat = (typeof binaryFormats)[number];
export const binaryExtensions: Readonly<Record<BinaryFormat, string>> = { docx: ".docx" };

/** The document model of a checked contract in a language's wording (default `en`): what every prose renderer reads. */
export function proseDocument(checked: CheckedDocument, language = "en"): Document {
  const wording = wordingFor(language);
  if (!wording) throw new Error(`no wording table for language '${language}'`);
  return buildDocument(checked, wording);
}

export interface CompileOptions {
  readonly to: Format;
  /** Plain text only: the line width (default 80). */
  readonly width?: number;
  /** JSON only: add source locations (file, line, column) to declarations and rows. */
  readonly withLocations?: boolean;
  /** The language of the prose (default `en`). */
  readonly language?: string;
  /** HTML only: the paper size of the print CSS (default A4). */
  readonly paper?: "a4" | "letter";
}

/**
 * Compiles a checked contract to one output format. The document must check without errors and
 * have a contract header: callers report diagnostics and write nothing otherwise. Output is a pure
 * function of the checked document and the options: the same input gives byte-identical output.
 */
export function compile(checked: CheckedDocument, options: CompileOptions): string {
  return compileFormats(checked, [options.to], options).get(options.to)!;
}

/** Compiles to several formats at once; the prose formats share one document model. */
export function compileFormats(
  checked: CheckedDocument,
  to: readonly Format[],
  options: Omit<CompileOptions, "to"> = {},
): Map<Format, string> {
  const outputs = new Map<Format, string>();
  let document: Document | undefined;
  const prose = (): Document => {
    document ??= proseDocument(checked, options.language);
    return document;
  };
  for (const format of to) {
    switch (format) {
      case "markdown":
        outputs.set(format, renderMarkdown(prose()));
        break;
      case "text":
        outputs.set(format, renderText(prose(), { width: options.width ?? 80 }));
        break;
      case "html":
        outputs.set(format, renderHtml(prose(), { paper: options.paper ?? "a4" }));
        break;
      case "json":
        outputs.set(format, renderJson(checked, { withLocations: options.withLocations ?? false }));
        break;
    }
  }
  return outputs;
}
