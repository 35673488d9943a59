/** The Covenant language server as a library: for embedding and in-process tests. `bin.ts` is the command. */
export { startServer, type ServerOptions } from "./server.js";
export { DocumentStore, nodeFileHost, nodeRootFinder, type CheckedView, type ParsedView, type DocumentStoreOptions } from "./documents.js";
export { IncrementalParser, reparse } from "./reparse.js";
export { CheckScheduler } from "./scheduler.js";
export { guard } from "./guard.js";
export { DiagnosticsPublisher, toLspDiagnostic } from "./features/diagnostics.js";
export { hover } from "./features/hover.js";
export { completion } from "./features/completion.js";
export { definition } from "./features/definition.js";
export { references } from "./features/references.js";
export { prepareRename, rename } from "./features/rename.js";
export { highlight } from "./features/highlight.js";
export { documentSymbols, workspaceSymbols } from "./features/symbols.js";
export { formatting, rangeFormatting } from "./features/formatting.js";
export { legend, semanticTokens, semanticTokensRange } from "./features/semantic-tokens.js";
export { foldingRanges } from "./features/folding.js";
export { selectionRanges } from "./features/selection.js";
export { codeActions } from "./features/code-actions.js";
export { documentLinks } from "./features/links.js";
export { inlayHints } from "./features/inlay-hints.js";
export {
  previewCommand,
  previewProse,
  clauseProse,
  exportDocxCommand,
  exportDocx,
  type ProsePreview,
  type DocxExport,
} from "./features/preview.js";
