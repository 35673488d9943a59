import type { Declaration, Expression, Term } from "@covenant/core";
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from "vscode-languageserver";
import type { ParsedView } from "../documents.js";

/**
 * Folding ranges from the parse alone: declarations and nested blocks (the closing brace stays
 * visible), lists over several lines, block comments, runs of line comments, runs of imports.
 * Lines here are 0-based, as the protocol counts them.
 */
export function foldingRanges(view: ParsedView, _params: FoldingRangeParams): FoldingRange[] {
  const file = view.parsed.file;
  const ranges: FoldingRange[] = [];
  const fold = (startLine: number, endLine: number, kind?: FoldingRangeKind): void => {
    if (endLine > startLine) ranges.push({ startLine, endLine, ...(kind ? { kind } : {}) });
  };
  const lists = (e: Expression | Term): void => {
    switch (e.type) {
      case "Logical":
        e.operands.forEach(lists);
        return;
      case "Not":
        lists(e.operand);
        return;
      case "Comparison":
        if (e.left) lists(e.left);
        if (e.right) lists(e.right);
        return;
      case "Phrase":
        e.terms.forEach(lists);
        return;
      case "List":
        fold(e.range.start.line - 1, e.range.end.line - 2);
        e.items.forEach(lists);
        return;
      case "Group":
        if (e.expression) lists(e.expression);
        return;
      default:
    }
  };
  const declaration = (d: Declaration): void => {
    // A closed block ends on its `}` line, which stays visible; an unclosed one folds to its last line.
    fold(d.range.start.line - 1, d.range.end.line - (d.closed ? 2 : 1));
    for (const member of d.members) {
      if (member.type === "Declaration") declaration(member);
      else if (member.value) lists(member.value);
    }
  };

  const imports = file.imports;
  if (imports.length > 1) fold(imports[0]!.range.start.line - 1, imports[imports.length - 1]!.range.end.line - 1, FoldingRangeKind.Imports);
  let runStart: number | undefined;
  let runEnd = -2;
  for (const comment of file.comments) {
    if (comment.style === "block") fold(comment.range.start.line - 1, comment.range.end.line - 1, FoldingRangeKind.Comment);
    else {
      const line = comment.range.start.line - 1;
      if (runStart !== undefined && line === runEnd + 1) runEnd = line;
      else {
        if (runStart !== undefined) fold(runStart, runEnd, FoldingRangeKind.Comment);
        runStart = line;
        runEnd = line;
      }
    }
  }
  if (runStart !== undefined) fold(runStart, runEnd, FoldingRangeKind.Comment);
  for (const d of file.declarations) declaration(d);
  return ranges;
}
