import type { CheckedDocument } from "@covenant/core";
import { compile, htmlText, markdownInline, proseDocument } from "@covenant/compiler";
import { htmlSyntax } from "./html-syntax.js";
import { markdownSyntax } from "./markdown-syntax.js";
import { changedClauses } from "./changed-only.js";
import { redlineDocx, type Revision } from "./docx-redline.js";
import { redlineLines, type RedlineLine } from "./redline-lines.js";
import type { ProseSyntax } from "./syntax.js";
import type { ReferenceDocx } from "@covenant/compiler/docx";

export type RedlineFormat = "markdown" | "html";

export interface RedlineOptions {
  /** Show only the clauses that changed, each with its number and heading, under the document's title. */
  readonly changedOnly?: boolean;
}

export interface Redline {
  readonly text: string;
  /** False when the two versions compile to the same prose. */
  readonly changed: boolean;
}

/** Redline styles added to the compiled HTML's own (print) CSS. */
const redlineCss = `ins { color: #0b5394; text-decoration: underline; text-decoration-thickness: 0.08em; }
del { color: #a61c00; text-decoration: line-through; }
.redline-removed { margin: 0 0 0.6em; }
.redline-note { font-size: 9pt; color: #444; border-bottom: 0.6pt solid #777; margin: 0 0 1.5em; padding: 0 0 0.4em; }
@media print { ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
`;

/** The lines of the changed clauses, under the title. */
function onlyChangedLines(lines: readonly RedlineLine[], syntax: ProseSyntax): RedlineLine[] {
  const shown = changedClauses(lines.map((l) => ({ changed: l.changed, outline: syntax.outline(l.text), blank: l.text.trim() === "" })));
  return lines.filter((_, i) => shown[i]);
}

/**
 * The prose redline between two versions of a contract, as a lawyer reviews a turn of the draft:
 * both are compiled, and the new version's prose is shown with deleted words struck and inserted
 * words marked, clause numbers kept. Markdown marks `~~deleted~~` and `**inserted**`; HTML marks
 * `<del>` and `<ins>` and keeps the compiler's print CSS. Replaced words are grouped by phrase
 * (`~~ninety (90)~~ **one hundred and twenty (120)**`).
 */
export function redlineProse(
  before: CheckedDocument,
  after: CheckedDocument,
  format: RedlineFormat,
  names: { old: string; new: string },
  options: RedlineOptions = {},
): Redline {
  const oldText = compile(before, { to: format });
  const newText = compile(after, { to: format });
  const redline = (syntax: ProseSyntax): { text: string; changed: boolean } => {
    const lines = redlineLines(oldText, newText, syntax);
    const shown: readonly RedlineLine[] = options.changedOnly ? onlyChangedLines(lines, syntax) : lines;
    return { text: shown.map((l) => l.text).join("\n"), changed: oldText !== newText };
  };
  const only = options.changedOnly
    ? { markdown: " Only the changed clauses are shown.", html: " Only the changed clauses are shown." }
    : { markdown: "", html: "" };
  if (format === "markdown") {
    const { text, changed } = redline(markdownSyntax);
    return {
      text: `> Redline: ${markdownInline(names.old)} → ${markdownInline(names.new)}. ~~Struck~~ text is deleted, **bold** text inserted.${only.markdown}\n\n${text}`,
      changed,
    };
  }
  const { text, changed } = redline(htmlSyntax);
  const withCss = text.replace("</style>", `${redlineCss}</style>`);
  const note = `<p class="redline-note">Redline: ${htmlText(names.old)} → ${htmlText(names.new)}. <del>Struck</del> text is deleted, <ins>underlined</ins> text inserted.${only.html}</p>`;
  return { text: withCss.replace(/<main>\n?/, (m) => `${m}${note}\n`), changed };
}

export interface WordRedlineOptions extends RedlineOptions {
  /** Who the tracked changes are by, and when (ISO 8601). */
  readonly revision: Revision;
  /** The paper size of the Word document (default A4), as for `build --to docx`. */
  readonly paper?: "a4" | "letter";
  /** A firm's reference document (`readReferenceDocx`): its styles and page setup, as for `build --to docx`. */
  readonly reference?: ReferenceDocx;
}

/**
 * The redline as a Word document with real tracked changes: the new version's Word document, as
 * `build --to docx` writes it (same styles, clause numbering, header and footer), with the changes
 * from the old version tracked (`w:ins` and `w:del` with the revision's author and date), grouped by
 * phrase as in the other formats. `changed` is false when the two versions compile to the same prose.
 */
export async function redlineWord(
  before: CheckedDocument,
  after: CheckedDocument,
  options: WordRedlineOptions,
): Promise<{ readonly bytes: Uint8Array; readonly changed: boolean }> {
  // The Word renderer is large: it loads only when a Word redline is asked for.
  const { renderDocx } = await import("@covenant/compiler/docx");
  const docxOptions = { paper: options.paper ?? "a4", ...(options.reference ? { reference: options.reference } : {}) };
  const oldDocx = await renderDocx(proseDocument(before), docxOptions);
  const newDocx = await renderDocx(proseDocument(after), docxOptions);
  const bytes = redlineDocx(oldDocx, newDocx, options.revision, { changedOnly: options.changedOnly ?? false });
  return { bytes, changed: compile(before, { to: "markdown" }) !== compile(after, { to: "markdown" }) };
}
