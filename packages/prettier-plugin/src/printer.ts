import type { Declaration, ImportStatement, ListLiteral, LogicalExpression, Row, SourceFile } from "@covenant/core";
import { doc, util, type AstPath, type Doc, type ParserOptions, type Printer } from "prettier";
import { alignRows, flatWidth, type RowAlignment } from "./alignment.js";
import {
  afterBrace,
  beforeBrace,
  canAttachComment,
  handleComments,
  hasDanglingComments,
  hasPrettierIgnore,
  isBlockComment,
  printComment,
  printDanglingComments,
  type AttachedComment,
  type PrintedNode,
} from "./comments.js";
import { locEnd, locStart } from "./parser.js";
import { getVisitorKeys } from "./visitor-keys.js";

/**
 * The canonical layout. Layout carries no meaning in Covenant (newlines are not significant), so the
 * printer only chooses where lines break; it never reorders, adds or drops a token (a list's trailing
 * comma aside), and the parse of its output is the parse of its input.
 */

const { group, indent, softline, line, hardline, join, ifBreak } = doc.builders;

type Print = (selector?: string | number | (string | number)[] | AstPath<PrintedNode>, args?: unknown) => Doc;
type Options = ParserOptions<PrintedNode>;

function print(path: AstPath<PrintedNode>, options: Options, print: Print, args?: unknown): Doc {
  const node = path.node;
  switch (node.type) {
    case "SourceFile":
      return printSourceFile(path as AstPath<SourceFile>, options, print);
    case "Import":
      return ["import ", print("path")];
    case "Declaration":
      return printDeclaration(path as AstPath<Declaration>, options, print);
    case "Field":
      return node.value ? [print("name"), ": ", print("value")] : [print("name"), ":"];
    case "Row":
      return printRow(path as AstPath<Row>, print, args as RowAlignment | undefined);
    case "Logical":
      return printLogical(path as AstPath<LogicalExpression>, print);
    case "Not":
      return ["not ", print("operand")];
    case "Comparison":
      return node.left ? [print("left"), " ", node.operator, " ", print("right")] : [node.operator, " ", print("right")];
    case "Phrase":
      return join(" ", path.map(print, "terms"));
    case "List":
      return printList(path as AstPath<ListLiteral>, options, print);
    case "Range":
      return node.high ? [print("low"), " .. ", print("high")] : [print("low"), " .."];
    case "Group":
      // A condition in parentheses that breaks is indented one level deeper than the one around it.
      if (hasDanglingComments(node)) return ["(", indent([print("expression"), " ", printDanglingComments(path, options)]), hardline, ")"];
      return ["(", indent(print("expression")), ")"];
    case "Text":
      // As written: the author's escapes are kept, and Covenant text is always in double quotes.
      return node.raw;
    case "Name":
    case "Number":
    case "Percent":
    case "Date":
    case "Word":
      // Numbers and percents keep the digit grouping the author wrote (`1_000`).
      return node.text;
    case "Comment":
      return printComment(path);
  }
}

/**
 * Imports and declarations in the order written. Consecutive imports go one per line (one blank line
 * kept between them where the author left one); every other pair of items is separated by exactly one
 * blank line.
 */
function printSourceFile(path: AstPath<SourceFile>, options: Options, print: Print): Doc {
  const file = path.node;
  const items: { node: ImportStatement | Declaration; doc: Doc }[] = [
    ...path.map((p) => ({ node: p.node, doc: print() }), "imports"),
    ...path.map((p) => ({ node: p.node, doc: print() }), "declarations"),
  ];
  items.sort((a, b) => a.node.range.start.offset - b.node.range.start.offset);
  const parts: Doc[] = [];
  items.forEach((item, index) => {
    if (index > 0) {
      const previous = items[index - 1]!.node;
      const bothImports = previous.type === "Import" && item.node.type === "Import";
      parts.push(hardline, !bothImports || util.isNextLineEmpty(options.originalText, locEnd(previous)) ? hardline : "");
    }
    parts.push(item.doc);
  });
  if (hasDanglingComments(file)) parts.push(printDanglingComments(path, options));
  return parts.length > 0 ? [parts, hardline] : "";
}

/** `KIND name "Title" for subject {`, one member per line, `}`; an empty block is `{}`. */
function printDeclaration(path: AstPath<Declaration>, options: Options, print: Print): Doc {
  const node = path.node;
  const header: Doc[] = [print("keyword")];
  if (node.name) header.push(" ", print("name"));
  if (node.title) header.push(" ", print("title"));
  if (node.subject) header.push(" for ", print("subject"));
  if (hasDanglingComments(node, beforeBrace)) header.push(" ", printDanglingComments(path, options, beforeBrace), hardline, "{");
  else header.push(" {");
  if (hasDanglingComments(node, afterBrace)) header.push(" ", printDanglingComments(path, options, afterBrace));
  if (node.members.length === 0) {
    if (!hasDanglingComments(node)) return [header, "}"];
    return [header, indent([hardline, printDanglingComments(path, options)]), hardline, "}"];
  }
  return [header, indent([hardline, printMembers(path, options, print)]), hardline, "}"];
}

/**
 * The members of a block, one per line, in the author's order (order is meaning in a contract). A blank
 * line is kept where the author left one or more; runs of rows are aligned (see alignment.ts).
 */
function printMembers(path: AstPath<Declaration>, options: Options, print: Print): Doc {
  const members = path.node.members;
  const text = options.originalText;
  const blankAfter = members.map((member, index) => index < members.length - 1 && util.isNextLineEmpty(text, locEnd(member)));
  const ignored = (index: number): boolean => path.call((p) => hasPrettierIgnore(p), "members", index);
  const labelWidth = (index: number): number => flatWidth(path.call((p) => rowLabel(p as AstPath<Row>, print), "members", index));
  const printsBlankLineAfter = (index: number): boolean =>
    blankAfter[index]! || commentsPrintBlankLine(members[index] as PrintedNode, members[index + 1] as PrintedNode | undefined, text);
  const alignment = alignRows(members, labelWidth, printsBlankLineAfter, ignored);
  const parts: Doc[] = [];
  members.forEach((_, index) => {
    if (index > 0) parts.push(hardline, blankAfter[index - 1] ? hardline : "");
    const row = alignment.get(index);
    parts.push(row ? print(["members", index], row) : print(["members", index]));
  });
  return parts;
}

/**
 * True when the comments between two members print a blank line between them: a comment below the
 * first that had a blank line above it, or one above the second that had a blank line below it. (The
 * same comments may sit on either member from one pass to the next, so a run of rows is ended by the
 * blank line the output will show, wherever it comes from.)
 */
function commentsPrintBlankLine(member: PrintedNode, next: PrintedNode | undefined, text: string): boolean {
  const blankAbove = (c: AttachedComment): boolean =>
    c.trailing === true && util.hasNewline(text, locStart(c), { backwards: true }) && util.isPreviousLineEmpty(text, locStart(c));
  const blankBelow = (c: AttachedComment): boolean => {
    if (!c.leading) return false;
    const index = util.skipNewline(text, util.skipSpaces(text, locEnd(c)));
    return index !== false && util.hasNewline(text, index);
  };
  return (member.comments?.some(blankAbove) ?? false) || (next?.comments?.some(blankBelow) ?? false);
}

function rowLabel(path: AstPath<Row>, print: Print): Doc {
  return [print("keyword"), " ", print("head")];
}

/** `tier 1 .. 9_999: USD 182.00`; in a run, the value is padded to start one space after the widest label's colon. */
function printRow(path: AstPath<Row>, print: Print, alignment: RowAlignment | undefined): Doc {
  const node = path.node;
  const label = node.head ? rowLabel(path, print) : print("keyword");
  if (!node.value) return label;
  const padding = alignment ? alignment.runWidth - alignment.labelWidth + 1 : 1;
  return [label, ":", " ".repeat(padding), print("value")];
}

/**
 * `a and b`, `a or b`: on one line when it fits; otherwise one operand per line, each continuation
 * indented and starting with its operator. Parentheses are the author's `Group`s and are kept.
 */
function printLogical(path: AstPath<LogicalExpression>, print: Print): Doc {
  const operator = path.node.operator;
  const operands = path.map(print, "operands");
  return group([operands[0]!, indent(operands.slice(1).map((operand) => [line, operator, " ", operand]))]);
}

/**
 * `[CN, JP]` when it fits in the print width; otherwise one item per line with a trailing comma, and
 * one blank line kept where the author left one or more between two items.
 */
function printList(path: AstPath<ListLiteral>, options: Options, print: Print): Doc {
  const node = path.node;
  if (node.items.length === 0) {
    if (!hasDanglingComments(node)) return "[]";
    return group(["[", indent([softline, printDanglingComments(path, options)]), softline, "]"]);
  }
  const text = options.originalText;
  const items = path.map((item, index) => {
    const isLast = index === node.items.length - 1;
    return isLast ? print() : [print(), ",", line, util.isNextLineEmpty(text, locEnd(item.node)) ? softline : ""];
  }, "items");
  return group(["[", indent([softline, items]), ifBreak(","), softline, "]"]);
}

export const covenantPrinter: Printer<PrintedNode> = {
  print,
  getVisitorKeys,
  canAttachComment,
  isBlockComment,
  printComment,
  handleComments,
  hasPrettierIgnore,
};
