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

/** Largest facts file read (16 MiB); real facts are a few kilobytes. */
export const maxFactsBytes = 16 * 1024 * 1024;

/** Deepest nesting of arrays and objects in facts; the facts schema needs four levels. */
export const maxFactsDepth = 64;

/** Most significant digits of a fact's number: the precision Covenant computes with. */
export const maxFactDigits = 50;

/** Facts' numbers are below 10^30 in size and, when not zero, at least 10^-30. */
export const maxFactExponent = 30;

/** Most problems reported for one facts file; a file of a million wrong keys gets the first ones and a note. */
export const maxFactsProblems = 100;

/** The first `maxFactsProblems` problems in file order, and a note at the last of them when there were more. */
export function firstProblems(problems: readonly FactsProblem[]): readonly FactsProblem[] {
  if (problems.length <= maxFactsProblems) return problems;
  const shown = problems.slice(0, maxFactsProblems);
  const last = shown[shown.length - 1]!;
  return [
    ...shown,
    { ...last, pointer: "", message: `More problems follow; these are the first ${maxFactsProblems}. Correct them and run again` },
  ];
}

/**
 * Reads facts as JSON with positions. Before parsing, the size and the nesting depth are bounded
 * (a parser that recurses would overflow the stack on 200,000 nested arrays); after it, every
 * object is checked for keys given twice and every number for digits and size, so that no fact
 * can make the arithmetic or the printing of a result unbounded.
 */
export function parseFactsFile(text: string): FactsFile {
  const lines = new LineMap(text);
  const bounded = boundsProblem(text, lines);
  if (bounded) return { text, tree: undefined, value: undefined, problems: [bounded], lines };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // One syntax error often causes a second at the same place (`, }` is a missing name, then a missing value): report the first.
  const seen = new Set<number>();
  const first = errors.filter((e) => !seen.has(e.offset) && seen.add(e.offset));
  const problems = first.map((e) => {
    const at = lines.positionAt(e.offset);
    const name = printParseErrorCode(e.error);
    return { message: syntaxMessages[name] ?? name, pointer: "", line: at.line, column: at.column };
  });
  const found = problems.length === 0 && tree ? contentProblems(tree, text, lines) : problems;
  return { text, tree, value: tree ? plainOf(tree, text) : undefined, problems: found, lines };
}

/** A file larger than `maxFactsBytes` (at 1:1) or nested deeper than `maxFactsDepth` (at the bracket that goes too deep). */
function boundsProblem(text: string, lines: LineMap): FactsProblem | undefined {
  if (text.length > maxFactsBytes) {
    return {
      message: `The facts file is larger than ${maxFactsBytes / 1024 / 1024} MB, the most Covenant reads`,
      pointer: "",
      line: 1,
      column: 1,
    };
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxFactsDepth) {
        const at = lines.positionAt(i);
        return {
          message: `The facts nest deeper than ${maxFactsDepth} levels of arrays and objects; facts are at most a few levels deep`,
          pointer: "",
          line: at.line,
          column: at.column,
        };
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/** Keys given twice in one object (at the second, naming the first) and numbers out of bounds, in file order. */
function contentProblems(root: Node, text: string, lines: LineMap): FactsProblem[] {
  const problems: FactsProblem[] = [];
  const problem = (offset: number, path: readonly (string | number)[], message: string): void => {
    // One more than are reported, so that the reader knows there were more.
    if (problems.length > maxFactsProblems) return;
    const at = lines.positionAt(offset);
    problems.push({ message, pointer: pointerOf(path), line: at.line, column: at.column });
  };
  // Depth is bounded by `maxFactsDepth` before parsing, so recursion is safe here.
  const visit = (node: Node, path: readonly (string | number)[]): void => {
    if (node.type === "object") {
      const first = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key) continue;
        const name = String(key.value);
        const earlier = first.get(name);
        if (earlier) {
          const at = lines.positionAt(earlier.offset);
          problem(
            key.offset,
            [...path, name],
            `'${[...path, name].join(".")}' is given twice (first at line ${at.line}, column ${at.column}); JSON readers disagree on which one counts, so give each key once`,
          );
        } else first.set(name, key);
        if (value) visit(value, [...path, name]);
      }
    } else if (node.type === "array") (node.children ?? []).forEach((child, i) => visit(child, [...path, i]));
    else if (node.type === "number") {
      const message = factNumberProblem(text.slice(node.offset, node.offset + node.length));
      if (message) problem(node.offset, path, `${path.length > 0 ? `'${path.join(".")}'` : "The facts"} ${message}`);
    }
  };
  visit(root, []);
  return problems;
}

/**
 * Why a number as written (`1e999999999`, a JSON number or a decimal string) is outside what a fact
 * may hold, as the end of a sentence; undefined when it is within the bounds or is not a number.
 */
export function factNumberProblem(written: string): string | undefined {
  let value: Decimal;
  try {
    value = new Decimal(written);
  } catch {
    return undefined;
  }
  if (value.isZero()) return undefined;
  if (!value.isFinite() || value.e >= maxFactExponent || value.e < -maxFactExponent)
    return `is out of range: a fact is a number below 10^${maxFactExponent} in size and, unless zero, at least 10^-${maxFactExponent}`;
  if (value.sd() > maxFactDigits)
    return `has ${value.sd()} significant digits; a fact has at most ${maxFactDigits}, the precision Covenant computes with`;
  return undefined;
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

/**
 * The exact decimal of a number or decimal-string node, read from its source text. Zero has one
 * value: `-0`, `"-0.00"` and `0` all read as 0 (a fact is an amount, and an amount has no signed
 * zero), so a rule on the sign never sees a negative zero and no output prints one.
 */
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
    const value = new Decimal(written);
    return value.isZero() ? new Decimal(0) : value;
  } catch {
    return undefined;
  }
}
