/**
 * prettier-plugin-covenant: the Covenant formatter. Prettier reads `languages`, `parsers` and
 * `printers`; the language server and the CLI call `formatDocument` / `formatEdits`, so every surface
 * prints with the same printer.
 */
export { languages, parsers, printers } from "./plugin.js";
export { formatDocument, formatEdits, type FormatOptions, type LspPosition, type LspRange, type LspTextEdit } from "./format.js";
