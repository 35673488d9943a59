import type { Declaration, ImportStatement, LineMap, Node, Position, SourceFile, SourceRange } from "@covenant/core";
import type { Position as LspPosition, Range as LspRange } from "vscode-languageserver";

/**
 * Conversions between the core's positions (1-based line and UTF-16 column, plus offset) and the
 * protocol's (0-based line and character), and "what is at this offset" lookups over the syntax
 * tree. The tree is plain data with a range on every node, so every lookup is a walk down one path.
 */

export function toLspPosition(position: Position): LspPosition {
  return { line: position.line - 1, character: position.column - 1 };
}

export function toLspRange(range: SourceRange): LspRange {
  return { start: toLspPosition(range.start), end: toLspPosition(range.end) };
}

/** The offset of a protocol position in a text, clamped to the text. */
export function offsetAt(lines: LineMap, position: LspPosition): number {
  return lines.offsetAt(position.line + 1, position.character + 1);
}

/** A protocol range from offsets of one text. */
export function lspRangeOf(lines: LineMap, start: number, end: number): LspRange {
  return toLspRange(lines.rangeOf(start, end));
}

export function contains(range: SourceRange, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

/** True when the protocol ranges overlap or touch. */
export function rangesTouch(a: LspRange, b: LspRange): boolean {
  const before = (p: LspPosition, q: LspPosition): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export type TopLevelItem = ImportStatement | Declaration;

/** Imports and declarations of a file in source order (both lists are already in order: one merge). */
export function topLevelItems(file: SourceFile): TopLevelItem[] {
  const { imports, declarations } = file;
  if (imports.length === 0) return [...declarations];
  const items: TopLevelItem[] = [];
  let i = 0;
  let d = 0;
  while (i < imports.length || d < declarations.length) {
    const nextImport = imports[i];
    const nextDeclaration = declarations[d];
    if (nextImport && (!nextDeclaration || nextImport.range.start.offset < nextDeclaration.range.start.offset)) {
      items.push(nextImport);
      i++;
    } else {
      items.push(nextDeclaration!);
      d++;
    }
  }
  return items;
}

/** Binary search: the last item of `items` (sorted by start) that starts at or before `offset`. */
export function lastStartingBefore<T extends { readonly range: SourceRange }>(items: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = items.length - 1;
  let found: T | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const item = items[mid]!;
    if (item.range.start.offset <= offset) {
      found = item;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The top-level declaration whose range holds `offset`, found by binary search. */
export function declarationAt(file: SourceFile, offset: number): Declaration | undefined {
  const candidate = lastStartingBefore(file.declarations, offset);
  return candidate && contains(candidate.range, offset) ? candidate : undefined;
}

/** The import statement whose range holds `offset`. */
export function importAt(file: SourceFile, offset: number): ImportStatement | undefined {
  const candidate = lastStartingBefore(file.imports, offset);
  return candidate && contains(candidate.range, offset) ? candidate : undefined;
}

/** The child nodes of a node, in source order. */
export function childrenOf(node: Node): readonly Node[] {
  switch (node.type) {
    case "SourceFile":
      return topLevelItems(node);
    case "Import":
      return node.path ? [node.path] : [];
    case "Declaration":
      return [
        node.keyword,
        ...(node.name ? [node.name] : []),
        ...(node.title ? [node.title] : []),
        ...(node.subject ? [node.subject] : []),
        ...node.members,
      ];
    case "Field":
      return node.value ? [node.name, node.value] : [node.name];
    case "Row":
      return [node.keyword, ...(node.head ? [node.head] : []), ...(node.value ? [node.value] : [])];
    case "Logical":
      return node.operands;
    case "Not":
      return [node.operand];
    case "Comparison":
      return [...(node.left ? [node.left] : []), ...(node.right ? [node.right] : [])];
    case "Phrase":
      return node.terms;
    case "List":
      return node.items;
    case "Range":
      return node.high ? [node.low, node.high] : [node.low];
    case "Group":
      return node.expression ? [node.expression] : [];
    default:
      return [];
  }
}

/**
 * The nodes that hold `offset`, outermost (the file) first. Where two siblings touch at `offset`
 * (the end of a word and the colon after it), the one that starts there wins, else the one ending there.
 */
export function nodePathAt(file: SourceFile, offset: number): Node[] {
  const path: Node[] = [file];
  let top: Node | undefined = declarationAt(file, offset) ?? importAt(file, offset);
  while (top) {
    path.push(top);
    top = childAt(childrenOf(top), offset);
  }
  return path;
}

function childAt(children: readonly Node[], offset: number): Node | undefined {
  let touching: Node | undefined;
  for (const child of children) {
    const { start, end } = child.range;
    if (start.offset <= offset && offset < end.offset) return child;
    if (end.offset === offset) touching = child;
    if (start.offset > offset) break;
  }
  return touching;
}

/** The declarations that enclose `offset`, outermost first (a top-level one, then nested blocks). */
export function enclosingDeclarations(path: readonly Node[]): Declaration[] {
  return path.filter((node): node is Declaration => node.type === "Declaration");
}

/** The innermost node of the path that is one of `types`. */
export function innermost<K extends Node["type"]>(path: readonly Node[], ...types: K[]): Extract<Node, { type: K }> | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i]!;
    if ((types as string[]).includes(node.type)) return node as Extract<Node, { type: K }>;
  }
  return undefined;
}

/** The range of the identifier around `offset` in `text` (empty at `offset` when there is none). */
export function wordRangeAt(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  let end = offset;
  while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
  while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
  return { start, end };
}

export function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}
