import type { PrintedNode } from "./comments.js";
import type { Plugin, SupportLanguage } from "prettier";
import { astFormat, covenantParser } from "./parser.js";
import { covenantPrinter } from "./printer.js";

/** `.contract` files are Covenant; the VS Code extension's language id is `covenant`. */
export const languages: SupportLanguage[] = [
  {
    name: "Covenant",
    parsers: ["covenant"],
    extensions: [".contract"],
    vscodeLanguageIds: ["covenant"],
  },
];

export const parsers = { covenant: covenantParser };

export const printers = { [astFormat]: covenantPrinter };

/** The plugin as one object, for `prettier.format(text, { plugins: [plugin] })`. */
export const plugin: Plugin<PrintedNode> = { languages, parsers, printers };
