import type { Comment, Declaration, Node } from "@covenant/core";
import { doc, util, type AstPath, type Doc, type ParserOptions } from "prettier";
import { locStart } from "./parser.js";
import { childAt, nextSibling } from "./visitor-keys.js";

/**
 * Comments go through Prettier's own attachment: every comment becomes a leading, trailing or
 * dangling comment of a syntax node, and Prettier prints leading and trailing ones around the node.
 * This file says which nodes take comments, how a comment is printed, where a comment goes when
 * Prettier's own choice would not survive a second pass (attachComment), and how dangling comments print.
 */

const { hardline, breakParent } = doc.builders;

/** A comment as Prettier decorates it while attaching. */
export interface AttachedComment extends Comment {
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
  placement?: "ownLine" | "endOfLine" | "remaining";
  marker?: string;
  enclosingNode?: PrintedNode;
  precedingNode?: PrintedNode;
  followingNode?: PrintedNode;
}

/** A syntax node as the printer sees it: with the comments Prettier attached to it. */
export type PrintedNode = Node & { readonly comments?: readonly AttachedComment[] };

/** Every node but the file and the comments themselves can carry a comment, down to a single word. */
export function canAttachComment(node: PrintedNode): boolean {
  return node.type !== "Comment" && node.type !== "SourceFile";
}

export function isBlockComment(comment: PrintedNode): boolean {
  return comment.type === "Comment" && comment.style === "block";
}

/** A comment as written; line and doc comments lose trailing whitespace, block comments are kept verbatim. */
export function printComment(path: AstPath<PrintedNode>): Doc {
  const comment = path.node as Comment;
  return comment.style === "block" ? comment.text : comment.text.trimEnd();
}

/** `// prettier-ignore` on the line above a member, declaration or import keeps that node exactly as written. */
export function hasPrettierIgnore(path: AstPath<PrintedNode>): boolean {
  const node = path.node;
  if (node.type !== "Field" && node.type !== "Row" && node.type !== "Declaration" && node.type !== "Import") return false;
  return node.comments?.some((c) => c.leading && c.style === "line" && /^\/\/\s*prettier-ignore\s*$/.test(c.text)) ?? false;
}

function isMember(node: PrintedNode | undefined): boolean {
  return node !== undefined && (node.type === "Field" || node.type === "Row" || node.type === "Declaration");
}

/** The offset just after a declaration's header (`KIND name "Title" for subject`), where its `{` may follow. */
function headerEnd(declaration: Declaration): number {
  const parts = [declaration.keyword, declaration.name, declaration.title, declaration.subject];
  let end = 0;
  for (const part of parts) if (part) end = Math.max(end, part.range.end.offset);
  return end;
}

/** True when the declaration's `{` comes before `offset`: only whitespace and comments lie between header and brace. */
function braceBefore(text: string, from: number, offset: number): boolean {
  let i = from;
  while (i < offset) {
    const ch = text[i];
    if (ch === "{") return true;
    if (ch === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (ch === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
    } else i++;
  }
  return false;
}

/**
 * Where comments go when Prettier's defaults would not give a fixed point. The printer breaks lines
 * only between members, between list items and between the operands of `and` / `or`; everywhere else a
 * value is printed on one line. So a comment that touches a line break (every `//` comment does) is
 * moved to the nearest place where a line may end:
 *
 * - inside a value (a phrase, comparison, range, parentheses, an operand of `and` / `or`, a field's
 *   name and colon): to the end of the line of the list item or member that holds it, or, when it
 *   had a line of its own, to a line of its own above the next item or member (below the last one);
 * - between the operands of `and` / `or`: after the operand before it;
 * - in a declaration's header (`party supplier "S" {`): into the block, on a line of its own above
 *   the first member (inside the braces of an empty block);
 * - after a block's `{` and before any member: a `//` comment on the `{` line stays there; any other
 *   leads the first member; in an empty block it stays inside the braces;
 * - a `///` comment inside a value or a header is the exception. It documents whatever token follows
 *   it (the parser gives it to the declaration whose keyword comes next), so it is never moved past a
 *   token: it stays just before the node that follows it, which then starts a new line; before a `)`
 *   it stays inside the parentheses, and before a `{` it stays before the brace.
 *
 * Comments between members, between list items, between declarations and inline block comments
 * (`/* like this *\/` with code on both sides) keep Prettier's own placement.
 */
function attachComment(comment: AttachedComment, text: string, _options: unknown, ast: PrintedNode): boolean {
  const { enclosingNode: enclosing, precedingNode: preceding, followingNode: following } = comment;
  const touchesLineBreak = comment.style !== "block" || comment.placement !== "remaining";
  if (!enclosing || enclosing.type === "SourceFile" || enclosing.type === "List") return false;

  if (enclosing.type === "Declaration") {
    if (isMember(preceding)) return false;
    if (braceBefore(text, headerEnd(enclosing), locStart(comment))) {
      if (!following) util.addDanglingComment(enclosing, comment, undefined);
      else if (comment.placement === "endOfLine" && comment.style !== "block") util.addDanglingComment(enclosing, comment, afterBrace);
      else util.addLeadingComment(following, comment);
      return true;
    }
    if (!touchesLineBreak) return false;
    if (comment.style === "doc") {
      if (following && !isMember(following)) util.addLeadingComment(following, comment);
      else util.addDanglingComment(enclosing, comment, beforeBrace);
      return true;
    }
    const firstMember = enclosing.members[0];
    if (firstMember) util.addLeadingComment(firstMember, comment);
    else util.addDanglingComment(enclosing, comment, undefined);
    return true;
  }

  if (!touchesLineBreak) return false;
  if (comment.style === "doc") {
    if (following) util.addLeadingComment(following, comment);
    else if (enclosing.type === "Group") util.addDanglingComment(enclosing, comment, undefined);
    else return false;
    return true;
  }
  if (enclosing.type === "Logical") {
    if (!preceding) return false;
    util.addTrailingComment(preceding, comment);
    return true;
  }
  const anchor = lineAnchor(ast, enclosing, locStart(comment));
  if (!anchor) return false;
  const next = comment.placement === "ownLine" ? nextSibling(anchor.parent, anchor.node) : undefined;
  if (next) util.addLeadingComment(next, comment);
  else util.addTrailingComment(anchor.node, comment);
  return true;
}

/**
 * The nearest node around `offset`, from `enclosing` outwards, that ends a line whatever the print
 * width: a member, an import or a list item. (Not an operand of `and` / `or`: a comment after an
 * operand would break the condition on one pass and not on the next.)
 */
function lineAnchor(root: PrintedNode, enclosing: PrintedNode, offset: number): { node: PrintedNode; parent: PrintedNode } | undefined {
  const chain: PrintedNode[] = [root];
  let node: PrintedNode | undefined = root;
  while (node && node !== enclosing) {
    node = childAt(node, offset);
    if (node) chain.push(node);
  }
  for (let i = chain.length - 1; i > 0; i--) {
    const current = chain[i]!;
    const parent = chain[i - 1]!;
    if (current.type === "Field" || current.type === "Row" || current.type === "Import" || parent.type === "List")
      return { node: current, parent };
  }
  return undefined;
}

/** Marks a `///` comment that sits between a declaration's header and its `{`. */
export const beforeBrace = "before-brace";

/** Marks a `//` comment on the line of a block's `{`, before the first member. */
export const afterBrace = "after-brace";

export const handleComments = {
  ownLine: attachComment,
  endOfLine: attachComment,
  remaining: attachComment,
};

/**
 * Prints the comments left dangling on a node (an empty block's, an empty list's, a file of nothing but
 * comments) as they were laid out: block comments that shared a line still do, every other comment
 * starts a line, and one blank line is kept where the author left one or more.
 */
export function printDanglingComments(path: AstPath<PrintedNode>, options: ParserOptions<PrintedNode>, marker?: string): Doc[] {
  const parts: Doc[] = [];
  const text = options.originalText;
  let previous: AttachedComment | undefined;
  path.each((commentPath) => {
    const comment = commentPath.node as AttachedComment;
    if (comment.leading || comment.trailing || comment.marker !== marker) return;
    comment.printed = true;
    if (previous) {
      const sameLine = previous.style === "block" && !util.hasNewlineInRange(text, previous.range.end.offset, locStart(comment));
      if (sameLine) parts.push(" ");
      else parts.push(hardline, util.isPreviousLineEmpty(text, locStart(comment)) ? hardline : "");
    }
    parts.push(printComment(commentPath), comment.style === "block" ? "" : breakParent);
    previous = comment;
  }, "comments");
  return parts;
}

/** True when a node has comments that are neither leading nor trailing (with the given marker, if any). */
export function hasDanglingComments(node: PrintedNode, marker?: string): boolean {
  return node.comments?.some((c) => !c.leading && !c.trailing && c.marker === marker) ?? false;
}
