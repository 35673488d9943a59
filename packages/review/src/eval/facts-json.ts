import { Decimal, LineMap } from "@covenant/core";
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";

/**
 * A facts file read as JSON with every node's position and every number's source text, so that
 * `0.1` is the decimal 0.1 (not the nearest binary float) and each problem points at its line and
 * column. Comments and trailing commas are not JSON and are reported.
 */

export interface FactsProblem {
  readonly message: string;
  /** JSON Pointer of the value the problem is about (`/volumes/seatbelt`); empty for the whole file. */
  readonly pointer: string;
  readonly line: number;
  readonly column: number;
}

export interface FactsFile {
  readonly text: string;
  readonly tree: Node | undefined;
  /** The value as plain JSON (numbers as JS numbers), for schema validation only. */
  readonly value: unknown;
  readonly problems: readonly FactsProblem[];
  readonly lines: LineMap;
}

const syntaxMessages: Readonly<Record<string, string>> = {
  InvalidSymbol: "Unexpected character",
  InvalidNumberFormat: "Not a JSON number",
  PropertyNameExpected: "Expected a property name in double quotes",
  ValueExpected: "Expected a value",
  ColonExpected: "Expected ':' after the property name",
  CommaExpected: "Expected ',' between members",
  CloseBraceExpected: "Expected '}' to close the object",
  CloseBracketExpected: "Expected ']' to close the array",
  EndOfFileExpected: "Expected the end of the file after the top-level value",
  InvalidCommentToken: "Comments are not allowed in JSON",
  UnexpectedEndOfComment: "Unterminated comment",
  UnexpectedEndOfString: "Unterminated string",
  UnexpectedEndOfNumber: "Unterminated number",
  InvalidUnicode: "Invalid Unicode escape",
  InvalidEscapeCharacter: "Invalid escape character",
  InvalidCharacter: "Invalid character in a string",
};

export function parseFactsFile(text: string): FactsFile {
  const lines = new LineMap(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // One syntax error often causes a second at the same place (`, }` is a missing name, then a missing value): report the first.
  const first = errors.filter((e, i) => errors.findIndex((other) => other.offset === e.offset) === i);
  const problems = first.map((e) => {
    const at = lines.positionAt(e.offset);
    const name = printParseErrorCode(e.error);
    return { message: syntaxMessages[name] ?? name, pointer: "", line: at.line, column: at.column };
  });
  return { text, tree, value: tree ? plainOf(tree, text) : undefined, problems, lines };
}

function plainOf(node: Node, text: string): unknown {
  switch (node.type) {
    case "object":
      return Object.fromEntries(
        (node.children ?? []).flatMap((property) => {
          const [key, value] = property.children ?? [];
          return key && value ? [[String(key.value), plainOf(value, text)]] : [];
        }),
      );
    case "array":
      return (node.children ?? []).map((child) => plainOf(child, text));
    case "number":
      return Number(text.slice(node.offset, node.offset + node.length));
    default:
      return node.value;
  }
}

/** The JSON path of a JSON Pointer (`/kpis/on_time/0` → `["kpis", "on_time", 0]`). */
export function pathOf(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** The node at a path, if the file has one there. */
export function nodeAt(file: FactsFile, path: readonly (string | number)[]): Node | undefined {
  return file.tree ? findNodeAtLocation(file.tree, [...path]) : undefined;
}

/** Where a problem about `path` points: the value there, or `key` as a property name of it. */
export function problemAt(file: FactsFile, path: readonly (string | number)[], message: string, key?: string): FactsProblem {
  const node = nodeAt(file, path);
  let offset = node?.offset ?? 0;
  if (node && key !== undefined && node.type === "object") {
    const property = node.children?.find((p) => p.children?.[0]?.value === key);
    if (property) offset = property.offset;
  }
  const at = file.lines.positionAt(offset);
  return { message, pointer: pointerOf(key !== undefined ? [...path, key] : path), line: at.line, column: at.column };
}

/** The exact decimal of a number or decimal-string node, read from its source text. */
export function exactDecimal(file: FactsFile, path: readonly (string | number)[]): Decimal | undefined {
  const node = nodeAt(file, path);
  if (!node) return undefined;
  const written =
    node.type === "number"
      ? file.text.slice(node.offset, node.offset + node.length)
      : node.type === "string"
        ? String(node.value)
        : undefined;
  if (written === undefined) return undefined;
  try {
    return new Decimal(written);
  } catch {
    return undefined;
  }
}
