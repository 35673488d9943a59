import type { Document } from "../document/model.js";
import { facesFor, familyList, fontFiles, packageRequire, PdfEngineUnavailable, type FontFace } from "./pdf-fonts.js";
import { fontRule, typstSource } from "./typst.js";

export { PdfEngineUnavailable };

export interface PdfOptions {
  /** The paper size (default A4). */
  readonly paper?: "a4" | "letter";
}

/** The part of the Typst engine's API the renderer uses (`@myriaddreamin/typst-ts-node-compiler`). */
interface TypstEngine {
  compile(args: { mainFileContent: string }): {
    readonly result: unknown;
    hasError(): boolean;
    takeDiagnostics(): { readonly shortDiagnostics: readonly unknown[] } | null;
  };
  pdf(document: unknown, options?: { pdfTags?: boolean }): Buffer;
}

interface TypstModule {
  NodeCompiler: { create(args: { fontArgs: { fontBlobs: Buffer[] }[] }): TypstEngine };
}

const engines = new Map<string, TypstEngine>();

/** The engine with these faces loaded; the native module is loaded on the first PDF, never before. */
function engineFor(faces: readonly FontFace[]): TypstEngine {
  const key = faces.map((f) => f.family).join("\n");
  let engine = engines.get(key);
  if (!engine) {
    let typst: TypstModule;
    try {
      typst = packageRequire()("@myriaddreamin/typst-ts-node-compiler") as TypstModule;
    } catch (error) {
      // The engine is a native binary published for each platform; an unusual one may have none.
      throw new PdfEngineUnavailable(
        `cannot load the PDF typesetter for ${process.platform}-${process.arch} (@myriaddreamin/typst-ts-node-compiler): ${(error as Error).message.split("\n")[0]}; the other formats do not need it`,
      );
    }
    engine = typst.NodeCompiler.create({ fontArgs: [{ fontBlobs: faces.flatMap(fontFiles) }] });
    engines.set(key, engine);
  }
  return engine;
}

/**
 * A print-ready PDF of the document, typeset by Typst (from the npm registry; no browser or system
 * tool): the fonts embedded and subset, text selectable and searchable, the title as a running
 * header, "Page N of M" in the footer, tables that break between rows with their header repeated,
 * PDF bookmarks for the clauses and links for cross-references. The same document gives the same
 * bytes: no creation date is written and the file identifier is derived from the content.
 */
export function renderPdf(document: Document, options: PdfOptions = {}): Uint8Array {
  // The faces follow the language and the text: a Japanese party name brings the Japanese face.
  const body = typstSource(document, { paper: options.paper });
  const faces = facesFor(document.language, body);
  const source = fontRule(familyList(faces)) + body;
  const engine = engineFor(faces);
  const compiled = engine.compile({ mainFileContent: source });
  if (compiled.hasError() || !compiled.result) {
    const diagnostics = compiled.takeDiagnostics()?.shortDiagnostics ?? [];
    // The source is generated and author text only ever appears inside string literals: an error is a bug here.
    throw new Error(`the PDF typesetter rejected the generated document: ${JSON.stringify(diagnostics)}`);
  }
  return new Uint8Array(engine.pdf(compiled.result));
}
