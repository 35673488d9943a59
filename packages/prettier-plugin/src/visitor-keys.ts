import type { Node } from "@covenant/core";

/** Which keys of each syntax node hold its children, in source order; Prettier walks the tree by them. */
export const visitorKeys: Readonly<Record<Node["type"], readonly string[]>> = {
  SourceFile: ["imports", "declarations"],
  Comment: [],
  Import: ["path"],
  Name: [],
  Declaration: ["keyword", "name", "title", "subject", "members"],
  Field: ["name", "value"],
  Row: ["keyword", "head", "value"],
  Logical: ["operands"],
  Not: ["operand"],
  Comparison: ["left", "right"],
  Phrase: ["terms"],
  Number: [],
  Percent: [],
  Date: [],
  Text: [],
  Word: [],
  List: ["items"],
  Range: ["low", "high"],
  Group: ["expression"],
};

export function getVisitorKeys(node: Node): string[] {
  return [...(visitorKeys[node.type] ?? [])];
}

function* children(node: Node): Generator<Node> {
  const record = node as unknown as Record<string, Node | readonly Node[] | undefined>;
  for (const key of visitorKeys[node.type]) {
    const value = record[key];
    if (Array.isArray(value)) yield* value as readonly Node[];
    else if (value) yield value as Node;
  }
}

/** The child of `node` whose range holds `offset`, if any. */
export function childAt(node: Node, offset: number): Node | undefined {
  for (const child of children(node)) {
    if (child.range.start.offset <= offset && offset < child.range.end.offset) return child;
  }
  return undefined;
}

/** The child of `parent` that comes right after `child` in the text, if any. */
export function nextSibling(parent: Node, child: Node): Node | undefined {
  let next: Node | undefined;
  for (const candidate of children(parent)) {
    const start = candidate.range.start.offset;
    if (start >= child.range.end.offset && (!next || start < next.range.start.offset)) next = candidate;
  }
  return next;
}
