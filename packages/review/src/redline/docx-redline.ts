import { diffArrays } from "diff";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { changedClauses } from "./changed-only.js";
import { phraseChanges, type PhraseChange } from "./phrases.js";
import { pairVersions } from "./redline-lines.js";
import type { OutlineMark, Token } from "./syntax.js";
import { paragraphNumbers, type ParagraphNumber } from "./word-numbering.js";
import { childElements, escapeXml, openAndInner, unescapeXml, valueOf, type XmlElement } from "./word-xml.js";

/** Who made the changes of a tracked-change redline, and when (ISO 8601, `2026-05-01T09:00:00Z`). */
export interface Revision {
  readonly author: string;
  readonly date: string;
}

export interface DocxRedlineOptions {
  /**
   * Only the changed clauses, under the title: the rest is left out, and the numbers of what is
   * shown are written out as text (`12.5`, `(c)`), since Word would renumber a list with gaps.
   */
  readonly changedOnly?: boolean;
}

/**
 * A tracked-change redline between two Word documents the compiler rendered from two versions of
 * a contract: the new version's document, with everything the old one had and the new one has not
 * as tracked deletions (`w:del`) and everything new as tracked insertions (`w:ins`), each with the
 * revision's author and date, so a reviewer accepts or rejects them in Word or LibreOffice.
 * Accepting all gives the new version's text, rejecting all the old one's.
 *
 * Paragraphs and table rows are aligned as the prose redline aligns lines; a paragraph and its new
 * version are compared word by word, replaced words grouped by phrase (one deletion, one
 * insertion). A paragraph added is inserted whole, its paragraph mark too (`w:rPr/w:ins`); one
 * removed is deleted whole; a row added or removed is a tracked row (`w:trPr/w:ins`, `w:del`), and a
 * changed cell is tracked inside the cell. Styles, numbering, header and footer are the new
 * document's, so clause numbers stay Word's own.
 */
export function redlineDocx(before: Uint8Array, after: Uint8Array, revision: Revision, options: DocxRedlineOptions = {}): Uint8Array {
  const oldParts = unzipSync(before);
  const newParts = unzipSync(after);
  const oldXml = strFromU8(oldParts["word/document.xml"]!);
  const newXml = strFromU8(newParts["word/document.xml"]!);
  const numberingOf = (parts: Record<string, Uint8Array>): string =>
    parts["word/numbering.xml"] ? strFromU8(parts["word/numbering.xml"]) : "";
  const numbering = new NumberingMerge(numberingOf(oldParts), numberingOf(newParts));
  const marks = new RevisionMarks(revision, Math.max(largestId(oldXml), largestId(newXml)) + 1, numbering);
  const oldBody = bodyElements(oldXml);
  const newBody = bodyElements(newXml);
  const items = trackSequence(oldBody, newBody, marks);
  let body = items.map((item) => item.xml).join("");
  if (options.changedOnly) {
    const numbers = {
      old: paragraphNumbers(
        oldBody.map((e) => e.source),
        numberingOf(oldParts),
      ),
      new: paragraphNumbers(
        newBody.map((e) => e.source),
        numberingOf(newParts),
      ),
    };
    // A clause renumbered (one inserted or removed before it) shows its old number struck, as in the prose redline.
    const oldNumber = (item: TrackedElement): string | undefined => {
      const was = item.before && numbers.old.get(item.before)?.label;
      return was !== undefined && was !== numbers.new.get(item.source)?.label ? was : undefined;
    };
    const shown = changedClauses(items.map((item) => ({ ...item, changed: item.changed || oldNumber(item) !== undefined, blank: false })));
    body = items
      .map((item, i) => {
        // Section properties always stay; so does every shown element, its number written out.
        if (item.source.name !== "w:p" && item.source.name !== "w:tbl") return item.xml;
        if (!shown[i]) return "";
        const number = (item.kind === "del" ? numbers.old : numbers.new).get(item.source);
        return number ? marks.numberWrittenOut(item.xml, number, item.kind, oldNumber(item)) : item.xml;
      })
      .join("");
  }
  const start = newXml.indexOf("<w:body>") + "<w:body>".length;
  const end = newXml.lastIndexOf("</w:body>");
  const parts: Zippable = {};
  for (const [name, data] of Object.entries(newParts)) {
    if (name === "word/document.xml") parts[name] = strToU8(newXml.slice(0, start) + body + newXml.slice(end));
    else if (name === "word/numbering.xml" && numbering.changed) parts[name] = strToU8(numbering.xml());
    else parts[name] = data;
  }
  // Fixed times in the zip entries: the same versions, author and date give the same bytes.
  return zipSync(parts, { mtime: new Date(Date.UTC(1980, 0, 1)) });
}

/** One element of the redline's body (or of a table cell), with what the changed-clauses view needs. */
interface TrackedElement {
  readonly xml: string;
  /** The element of the version it comes from (the old one for a deletion), and how it is tracked. */
  readonly source: XmlElement;
  readonly kind: "equal" | "ins" | "del" | "paired";
  /** The old version of a kept or paired element. */
  readonly before?: XmlElement;
  readonly changed: boolean;
  readonly outline: OutlineMark | undefined;
}

/** A body element read for comparison: its text as tokens (paragraphs) and the keys it aligns by. */
interface Element {
  readonly source: XmlElement;
  /** Equal keys: the element is unchanged. */
  readonly key: string;
  /** Elements of the same shape (paragraph style, a table) can be compared as versions of one another. */
  readonly shape: string;
  readonly words: readonly string[];
}

function bodyElements(documentXml: string): Element[] {
  const start = documentXml.indexOf("<w:body>") + "<w:body>".length;
  const end = documentXml.lastIndexOf("</w:body>");
  return childElements(documentXml.slice(start, end)).map(readElement);
}

function readElement(source: XmlElement): Element {
  if (source.name === "w:p") {
    const paragraph = readParagraph(source);
    return {
      source,
      key: source.xml,
      shape: `p ${valueOf(paragraph.pPr, "w:pStyle") ?? ""}`,
      words: paragraph.tokens.filter((t) => t.kind === "word").map((t) => t.text),
    };
  }
  if (source.name === "w:tbl") {
    const words = tableRows(source).flatMap((row) => rowCells(row).flatMap((cell) => cellElements(cell).flatMap((e) => e.words)));
    return { source, key: source.xml, shape: "table", words };
  }
  return { source, key: source.xml, shape: source.name, words: [] };
}

/** A token of a paragraph's text, with the pieces of runs (formatting and text) it is made of. */
interface WordToken extends Token {
  readonly pieces: readonly Piece[];
}

/** Text of one run (`text`), or a run's other content (`content`: a tab, a break) or a paragraph's non-run child (`bare`). */
interface Piece {
  readonly rPr: string;
  readonly text?: string;
  readonly content?: string;
  readonly bare?: string;
}

interface Paragraph {
  readonly open: string;
  readonly pPr: string;
  readonly tokens: readonly WordToken[];
}

/**
 * A paragraph's properties and its text as tokens. Words are found in the paragraph's whole text,
 * across run boundaries (`Buyer` then `.` in two runs is the word `Buyer.`), so the words compared
 * are those a reader sees; each token keeps the runs' formatting of its characters.
 */
function readParagraph(element: XmlElement): Paragraph {
  const { open, inner } = openAndInner(element);
  let pPr = "";
  const chars: { char: string; rPr: string }[] = [];
  const tokens: WordToken[] = [];
  const flushText = (): void => {
    const text = chars.map((c) => c.char).join("");
    let offset = 0;
    for (const match of text.matchAll(/\s+|\S+/g)) {
      const pieces: Piece[] = [];
      for (let k = offset; k < offset + match[0].length; k++) {
        const last = pieces[pieces.length - 1];
        if (last && last.rPr === chars[k]!.rPr) pieces[pieces.length - 1] = { rPr: last.rPr, text: last.text! + chars[k]!.char };
        else pieces.push({ rPr: chars[k]!.rPr, text: chars[k]!.char });
      }
      tokens.push({ text: match[0], kind: /^\s/.test(match[0]) ? "space" : "word", pieces });
      offset += match[0].length;
    }
    chars.length = 0;
  };
  for (const child of childElements(inner)) {
    if (child.name === "w:pPr") {
      pPr = child.xml;
      continue;
    }
    if (child.name !== "w:r") {
      flushText();
      tokens.push({ text: child.xml, kind: "tag", pieces: [{ rPr: "", bare: child.xml }] });
      continue;
    }
    let rPr = "";
    for (const part of childElements(openAndInner(child).inner)) {
      if (part.name === "w:rPr") rPr = part.xml;
      else if (part.name === "w:t") for (const char of unescapeXml(openAndInner(part).inner)) chars.push({ char, rPr });
      else {
        flushText();
        tokens.push({ text: part.xml, kind: "tag", pieces: [{ rPr, content: part.xml }] });
      }
    }
  }
  flushText();
  return { open, pPr, tokens };
}

function tableRows(table: XmlElement): XmlElement[] {
  return childElements(openAndInner(table).inner).filter((e) => e.name === "w:tr");
}

function rowCells(row: XmlElement): XmlElement[] {
  return childElements(openAndInner(row).inner).filter((e) => e.name === "w:tc");
}

/** A cell's paragraphs (and nested tables), without its properties. */
function cellElements(cell: XmlElement): Element[] {
  return childElements(openAndInner(cell).inner)
    .filter((e) => e.name !== "w:tcPr")
    .map(readElement);
}

/**
 * The redline of two sequences of elements (the body, or a table cell): unchanged elements as the
 * new version has them; in a changed stretch, versions of one element paired and compared, the
 * others deleted or inserted whole.
 */
function trackSequence(before: readonly Element[], after: readonly Element[], marks: RevisionMarks): TrackedElement[] {
  const steps: Step[] = [];
  const parts = diffArrays(before as Element[], after as Element[], { comparator: (a, b) => a.key === b.key });
  let oldIndex = 0;
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i]!.added && !parts[i]!.removed) {
      for (const element of parts[i]!.value) steps.push({ kind: "equal", element, before: before[oldIndex++]! });
      continue;
    }
    const removed: Element[] = [];
    const added: Element[] = [];
    for (; i < parts.length && (parts[i]!.added || parts[i]!.removed); i++) (parts[i]!.added ? added : removed).push(...parts[i]!.value);
    i--;
    oldIndex += removed.length;
    const pairs = pairVersions(
      removed.map((e) => e.shape),
      added.map((e) => e.shape),
      removed.map((e) => e.words),
      added.map((e) => e.words),
    );
    let r = 0;
    let a = 0;
    const flushTo = (rEnd: number, aEnd: number): void => {
      for (; r < rEnd; r++) steps.push({ kind: "del", element: removed[r]! });
      for (; a < aEnd; a++) steps.push({ kind: "ins", element: added[a]! });
    };
    for (const [ri, ai] of pairs) {
      flushTo(ri, ai);
      steps.push(pairedStep(removed[ri]!, added[ai]!));
      r = ri + 1;
      a = ai + 1;
    }
    flushTo(removed.length, added.length);
  }
  const out: TrackedElement[] = [];
  for (const [i, step] of steps.entries()) {
    const source = step.element.source;
    const outline = outlineOf(source);
    if (step.kind === "paired") {
      const xml = step.paragraph
        ? marks.pairedParagraph(step.paragraph, startingChange(steps[i + 1]))
        : marks.pairedTable(step.before.source, step.element.source);
      out.push({ xml, changed: true, outline, source, kind: "paired", before: step.before.source });
    } else if (step.kind === "equal")
      out.push({ xml: source.xml, changed: false, outline, source, kind: "equal", before: step.before.source });
    else if (step.kind === "ins") out.push({ xml: marks.insertedElement(step.element), changed: true, outline, source, kind: "ins" });
    else {
      const xml = marks.deletedElement(step.element);
      if (xml !== undefined) out.push({ xml, changed: true, outline, source, kind: "del" });
    }
  }
  return out;
}

/** One element of a redlined sequence: kept, inserted or deleted whole, or paired with its old version. */
type Step =
  | { readonly kind: "equal"; readonly before: Element; readonly element: Element }
  | { readonly kind: "ins" | "del"; readonly element: Element }
  | { readonly kind: "paired"; readonly before: Element; readonly element: Element; readonly paragraph?: PairedParagraph };

/** A paragraph and its new version, compared: the new paragraph's properties and the phrase changes of its text. */
interface PairedParagraph {
  readonly after: Paragraph;
  readonly changes: readonly PhraseChange[];
}

function pairedStep(before: Element, after: Element): Step {
  if (after.source.name !== "w:p") return { kind: "paired", before, element: after };
  const newParagraph = readParagraph(after.source);
  const changes = phraseChanges(readParagraph(before.source).tokens, newParagraph.tokens);
  return { kind: "paired", before, element: after, paragraph: { after: newParagraph, changes } };
}

/** Whether a step's element begins with an insertion or a deletion (a whole paragraph, or its first phrase). */
function startingChange(step: Step | undefined): "ins" | "del" | undefined {
  if (step === undefined || step.element.source.name !== "w:p") return undefined;
  if (step.kind === "ins" || step.kind === "del") return step.kind;
  const first = step.kind === "paired" ? step.paragraph?.changes[0] : undefined;
  if (first?.kind !== "changed") return undefined;
  return first.deleted.length > 0 ? "del" : "ins";
}

/** The renderer's paragraph styles that open parts of the outline: the title, a clause, a sub-clause. */
function outlineOf(element: XmlElement): OutlineMark | undefined {
  if (element.name !== "w:p") return undefined;
  const style = valueOf(element.xml, "w:pStyle");
  return style === "Title" ? "title" : style === "Heading1" ? "clause" : style === "SubClause" ? "subclause" : undefined;
}

/**
 * Writes tracked changes: numbers each `w:ins` and `w:del` (ids unique in the document), and gives
 * each the revision's author and date.
 */
class RevisionMarks {
  private readonly attributes: string;
  constructor(
    revision: Revision,
    private nextId: number,
    private readonly numbering: NumberingMerge,
  ) {
    this.attributes = `w:author="${escapeXml(xmlChars(revision.author))}" w:date="${escapeXml(revision.date)}"`;
  }

  /** The attributes of one change: a fresh id, the author and the date. */
  change(): string {
    return `w:id="${this.nextId++}" ${this.attributes}`;
  }

  insertedElement(element: Element): string {
    if (element.source.name === "w:p") return this.wholeParagraph(readParagraph(element.source), "ins");
    if (element.source.name === "w:tbl") return this.wholeTable(element.source, "ins");
    return element.source.xml;
  }

  /** A deleted paragraph or table, in the old version's numbering; other old elements (section properties) are dropped. */
  deletedElement(element: Element): string | undefined {
    if (element.source.name === "w:p") return this.wholeParagraph(readParagraph(this.renumbered(element.source)), "del");
    if (element.source.name === "w:tbl") return this.wholeTable(this.renumbered(element.source), "del");
    return undefined;
  }

  private renumbered(element: XmlElement): XmlElement {
    return { name: element.name, xml: this.numbering.oldInNew(element.xml) };
  }

  /**
   * A paragraph and its new version: each replaced phrase as one deletion and one insertion.
   * LibreOffice joins a change at a paragraph's end with a change of the same kind that starts the
   * next paragraph, paragraph mark and all (accepting or rejecting it would then merge the two
   * paragraphs); so when the next paragraph starts with a change of one kind (`next`), this one
   * ends with the other: a replacement puts that kind last, and a lone insertion or deletion takes
   * the last unchanged token in, as a replacement of it.
   */
  pairedParagraph(paired: PairedParagraph, next: "ins" | "del" | undefined): string {
    const changes = [...paired.changes];
    let lastFirst: "ins" | "del" = "del";
    const last = changes[changes.length - 1];
    if (next !== undefined && last?.kind === "changed") {
      const kinds = (last.deleted.length > 0 ? 1 : 0) + (last.inserted.length > 0 ? 1 : 0);
      const only = last.deleted.length > 0 ? "del" : "ins";
      const before = changes[changes.length - 2];
      if (kinds === 1 && only === next && before?.kind === "equal" && before.tokens.length > 0) {
        const borrowed = before.tokens[before.tokens.length - 1]!;
        changes.splice(
          changes.length - 2,
          2,
          { kind: "equal", tokens: before.tokens.slice(0, -1) },
          { kind: "changed", deleted: [borrowed, ...last.deleted], inserted: [borrowed, ...last.inserted] },
        );
      }
      // The kind written last is the one the next paragraph does not start with.
      lastFirst = next === "ins" ? "ins" : "del";
    }
    let runs = "";
    for (const [i, change] of changes.entries()) {
      if (change.kind === "equal") runs += this.runs(change.tokens as WordToken[], "equal");
      else {
        const deleted = change.deleted.length > 0 ? this.runs(change.deleted as WordToken[], "del") : "";
        const inserted = change.inserted.length > 0 ? this.runs(change.inserted as WordToken[], "ins") : "";
        runs += i === changes.length - 1 && lastFirst === "ins" ? inserted + deleted : deleted + inserted;
      }
    }
    return `${paired.after.open}${paired.after.pPr}${runs}</w:p>`;
  }

  /** A paragraph inserted or deleted whole: its runs and its paragraph mark. */
  private wholeParagraph(paragraph: Paragraph, kind: "ins" | "del"): string {
    return `${paragraph.open}${this.markedParagraphMark(paragraph.pPr, kind)}${this.runs(paragraph.tokens, kind)}</w:p>`;
  }

  /** `w:pPr` with the paragraph mark inserted or deleted (`w:rPr/w:ins`, first in the mark's properties). */
  private markedParagraphMark(pPr: string, kind: "ins" | "del"): string {
    const mark = `<w:${kind} ${this.change()}/>`;
    if (pPr === "") return `<w:pPr><w:rPr>${mark}</w:rPr></w:pPr>`;
    const { open, inner } = openAndInner({ name: "w:pPr", xml: pPr });
    const children = childElements(inner);
    const rPr = children.find((c) => c.name === "w:rPr");
    if (rPr) {
      const { open: rOpen, inner: rInner } = openAndInner(rPr);
      return `${open}${children.map((c) => (c === rPr ? `${rOpen}${mark}${rInner}</w:rPr>` : c.xml)).join("")}</w:pPr>`;
    }
    // The mark's properties come after every other paragraph property but a section's and a change's.
    const at = children.findIndex((c) => c.name === "w:sectPr" || c.name === "w:pPrChange");
    const before = at < 0 ? children : children.slice(0, at);
    const after = at < 0 ? [] : children.slice(at);
    return `${open}${before.map((c) => c.xml).join("")}<w:rPr>${mark}</w:rPr>${after.map((c) => c.xml).join("")}</w:pPr>`;
  }

  /** Tokens as runs (consecutive pieces of one formatting in one run), wrapped in one `w:ins` or `w:del`. */
  private runs(tokens: readonly WordToken[], kind: "equal" | "ins" | "del"): string {
    const textTag = kind === "del" ? "w:delText" : "w:t";
    let out = "";
    let run: { rPr: string; content: string } | undefined;
    const flush = (): void => {
      if (run) out += `<w:r>${run.rPr}${run.content}</w:r>`;
      run = undefined;
    };
    for (const piece of tokens.flatMap((t) => t.pieces)) {
      if (piece.bare !== undefined) {
        flush();
        out += piece.bare;
        continue;
      }
      const content = piece.text !== undefined ? `<${textTag} xml:space="preserve">${escapeXml(piece.text)}</${textTag}>` : piece.content!;
      if (run && run.rPr === piece.rPr) {
        // Adjacent text of one run merges: `<w:t>a</w:t><w:t> b</w:t>` reads the same as one.
        const merged = run.content.endsWith(`</${textTag}>`) && content.startsWith(`<${textTag} `);
        run.content = merged
          ? run.content.slice(0, -`</${textTag}>`.length) + content.slice(content.indexOf(">") + 1)
          : run.content + content;
      } else {
        flush();
        run = { rPr: piece.rPr, content };
      }
    }
    flush();
    if (kind === "equal" || out === "") return out;
    return `<w:${kind} ${this.change()}>${out}</w:${kind}>`;
  }

  /** A table and its new version: rows aligned as paragraphs are; a changed row is tracked cell by cell. */
  /**
   * A paragraph of the changed-clauses view with its list number written out: the number as text
   * and a tab (inserted or deleted with the paragraph; an old number that differs struck before the
   * new one), the list level's indents in place of the numbering.
   */
  numberWrittenOut(xml: string, number: ParagraphNumber, kind: TrackedElement["kind"], oldLabel?: string): string {
    const { open, inner } = openAndInner({ name: "w:p", xml });
    const children = childElements(inner);
    const pPr = children.find((c) => c.name === "w:pPr");
    const pPrChildren = pPr ? childElements(openAndInner(pPr).inner).filter((c) => c.name !== "w:numPr") : [];
    for (const property of number.paragraph) {
      const at = pPrChildren.findIndex((c) => c.name === property.name);
      if (at >= 0) pPrChildren[at] = property;
      else pPrChildren.push(property);
    }
    pPrChildren.sort((a, b) => paragraphPropertyOrder(a.name) - paragraphPropertyOrder(b.name));
    const textTag = kind === "del" ? "w:delText" : "w:t";
    const run = `<w:r><${textTag} xml:space="preserve">${escapeXml(number.label)}</${textTag}><w:tab/></w:r>`;
    const renumbered =
      oldLabel === undefined
        ? undefined
        : `<w:del ${this.change()}><w:r><w:delText xml:space="preserve">${escapeXml(oldLabel)}</w:delText></w:r></w:del>` +
          `<w:ins ${this.change()}><w:r><w:t xml:space="preserve">${escapeXml(number.label)}</w:t></w:r></w:ins><w:r><w:tab/></w:r>`;
    const label = renumbered ?? (kind === "ins" || kind === "del" ? `<w:${kind} ${this.change()}>${run}</w:${kind}>` : run);
    const rest = children.filter((c) => c !== pPr).map((c) => c.xml);
    return `${open}<w:pPr>${pPrChildren.map((c) => c.xml).join("")}</w:pPr>${label}${rest.join("")}</w:p>`;
  }

  pairedTable(before: XmlElement, after: XmlElement): string {
    const { open, inner } = openAndInner(after);
    const head = childElements(inner)
      .filter((e) => e.name !== "w:tr")
      .map((e) => e.xml)
      .join("");
    const row = (source: XmlElement): Element => {
      const cells = rowCells(source).map((cell) => cellElements(cell));
      return {
        source,
        key: source.xml,
        shape: `row ${cells.length}`,
        words: cells.flatMap((cell) => cell.flatMap((e) => e.words)),
      };
    };
    const oldRows = tableRows(before).map((r) => ({ ...row(r), source: this.renumbered(r) }));
    const newRows = tableRows(after).map(row);
    let rows = "";
    const parts = diffArrays(oldRows, newRows, { comparator: (a, b) => a.key === b.key });
    for (let i = 0; i < parts.length; i++) {
      if (!parts[i]!.added && !parts[i]!.removed) {
        rows += parts[i]!.value.map((r) => r.source.xml).join("");
        continue;
      }
      const removed: Element[] = [];
      const added: Element[] = [];
      for (; i < parts.length && (parts[i]!.added || parts[i]!.removed); i++) (parts[i]!.added ? added : removed).push(...parts[i]!.value);
      i--;
      const pairs = pairVersions(
        removed.map((e) => e.shape),
        added.map((e) => e.shape),
        removed.map((e) => e.words),
        added.map((e) => e.words),
      );
      let r = 0;
      let a = 0;
      const flushTo = (rEnd: number, aEnd: number): void => {
        for (; r < rEnd; r++) rows += this.wholeRow(removed[r]!.source, "del");
        for (; a < aEnd; a++) rows += this.wholeRow(added[a]!.source, "ins");
      };
      for (const [ri, ai] of pairs) {
        flushTo(ri, ai);
        rows += this.pairedRow(removed[ri]!.source, added[ai]!.source);
        r = ri + 1;
        a = ai + 1;
      }
      flushTo(removed.length, added.length);
    }
    return `${open}${head}${rows}</w:tbl>`;
  }

  private pairedRow(before: XmlElement, after: XmlElement): string {
    const { open, inner } = openAndInner(after);
    const oldCells = rowCells(before);
    let index = 0;
    const children = childElements(inner).map((child) => {
      if (child.name !== "w:tc") return child.xml;
      const oldCell = oldCells[index++]!;
      const { open: cellOpen, inner: cellInner } = openAndInner(child);
      const tcPr = childElements(cellInner).find((e) => e.name === "w:tcPr")?.xml ?? "";
      const content = trackSequence(cellElements(oldCell), cellElements(child), this);
      return `${cellOpen}${tcPr}${content.map((c) => c.xml).join("")}</w:tc>`;
    });
    return `${open}${children.join("")}</w:tr>`;
  }

  /** A row inserted or deleted whole: the row itself is tracked (`w:trPr/w:ins`), and the text of its cells. */
  private wholeRow(row: XmlElement, kind: "ins" | "del"): string {
    const { open, inner } = openAndInner(row);
    const mark = `<w:${kind} ${this.change()}/>`;
    const children = childElements(inner);
    let hasTrPr = false;
    const out = children.map((child) => {
      if (child.name === "w:trPr") {
        hasTrPr = true;
        const { open: trOpen, inner: trInner } = openAndInner(child);
        return `${trOpen}${trInner}${mark}</w:trPr>`;
      }
      if (child.name !== "w:tc") return child.xml;
      const { open: cellOpen, inner: cellInner } = openAndInner(child);
      const content = childElements(cellInner).map((e) => {
        if (e.name === "w:p") return this.wholeParagraph(readParagraph(e), kind);
        if (e.name === "w:tbl") return this.wholeTable(e, kind);
        return e.xml;
      });
      return `${cellOpen}${content.join("")}</w:tc>`;
    });
    if (!hasTrPr) {
      const at = children[0]?.name === "w:tblPrEx" ? 1 : 0;
      out.splice(at, 0, `<w:trPr>${mark}</w:trPr>`);
    }
    return `${open}${out.join("")}</w:tr>`;
  }

  private wholeTable(table: XmlElement, kind: "ins" | "del"): string {
    const { open, inner } = openAndInner(table);
    const children = childElements(inner).map((e) => (e.name === "w:tr" ? this.wholeRow(e, kind) : e.xml));
    return `${open}${children.join("")}</w:tbl>`;
  }
}

/**
 * A deleted paragraph keeps the old version's numbering: where the new numbering part gives its
 * list instance (`w:numId`) a different definition, or none, the old definition is added to the
 * new part under a fresh id (the abstract definitions are the renderer's own, the same in both).
 */
class NumberingMerge {
  private readonly oldNums: Map<string, string>;
  private readonly newNums: Map<string, string>;
  private readonly mapped = new Map<string, string>();
  private readonly added: string[] = [];
  private nextId: number;
  constructor(
    oldXml: string,
    private readonly newXml: string,
  ) {
    this.oldNums = numDefinitions(oldXml);
    this.newNums = numDefinitions(newXml);
    this.nextId = Math.max(0, ...[...this.newNums.keys()].map(Number)) + 1;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** An old element's XML with each list instance it names mapped to one of the same definition in the new part. */
  oldInNew(xml: string): string {
    return xml.replace(/<w:numId w:val="(\d+)"\/>/g, (tag, id: string) => `<w:numId w:val="${this.map(id)}"/>`);
  }

  private map(id: string): string {
    const old = this.oldNums.get(id);
    if (old === undefined || old === this.newNums.get(id)) return id;
    let mapped = this.mapped.get(id);
    if (mapped === undefined) {
      mapped = String(this.nextId++);
      this.mapped.set(id, mapped);
      this.added.push(old.replace(/^<w:num w:numId="\d+"/, `<w:num w:numId="${mapped}"`));
    }
    return mapped;
  }

  /** The new numbering part with the old definitions added (list instances come last in it). */
  xml(): string {
    const end = this.newXml.lastIndexOf("</w:numbering>");
    return this.newXml.slice(0, end) + this.added.join("") + this.newXml.slice(end);
  }
}

/** Each list instance's definition (`<w:num w:numId="2">…</w:num>`) by its id. */
function numDefinitions(numberingXml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of numberingXml.matchAll(/<w:num w:numId="(\d+)"[^>]*>.*?<\/w:num>/gs)) out.set(match[1]!, match[0]);
  return out;
}

/** The largest `w:id` in a document part (bookmarks, earlier changes): revision ids start above it. */
function largestId(xml: string): number {
  let largest = 0;
  for (const match of xml.matchAll(/w:id="(\d+)"/g)) largest = Math.max(largest, Number(match[1]));
  return largest;
}

/** The order of paragraph properties the schema requires (CT_PPr). */
const paragraphProperties = [
  "w:pStyle",
  "w:keepNext",
  "w:keepLines",
  "w:pageBreakBefore",
  "w:framePr",
  "w:widowControl",
  "w:numPr",
  "w:suppressLineNumbers",
  "w:pBdr",
  "w:shd",
  "w:tabs",
  "w:suppressAutoHyphens",
  "w:kinsoku",
  "w:wordWrap",
  "w:overflowPunct",
  "w:topLinePunct",
  "w:autoSpaceDE",
  "w:autoSpaceDN",
  "w:bidi",
  "w:adjustRightInd",
  "w:snapToGrid",
  "w:spacing",
  "w:ind",
  "w:contextualSpacing",
  "w:mirrorIndents",
  "w:suppressOverlap",
  "w:jc",
  "w:textDirection",
  "w:textAlignment",
  "w:textboxTightWrap",
  "w:outlineLvl",
  "w:divId",
  "w:cnfStyle",
  "w:rPr",
  "w:sectPr",
  "w:pPrChange",
];

function paragraphPropertyOrder(name: string): number {
  const at = paragraphProperties.indexOf(name);
  return at < 0 ? paragraphProperties.length : at;
}

/** Characters XML 1.0 allows (an author name is text from the command line or git). */
function xmlChars(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}
