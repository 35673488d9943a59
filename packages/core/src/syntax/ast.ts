import type { SourceRange } from "./position.js";

/**
 * The syntax tree: plain readonly data with a source range on every node. It records what was
 * written, not what it means: a field value is an expression of phrases, and the checker reads
 * those phrases as typed values (Money, Duration, Condition, ...) against the field's schema.
 */

export interface SourceFile {
  readonly type: "SourceFile";
  readonly uri: string;
  readonly imports: readonly ImportStatement[];
  readonly declarations: readonly Declaration[];
  /** Top-level declarations left unread (nested too deep, CV104): their names still bind. */
  readonly skipped: readonly SkippedDeclaration[];
  readonly comments: readonly Comment[];
  readonly range: SourceRange;
}

/**
 * A top-level declaration the parser skipped (reported). Its header still declares its name, so
 * references to it resolve, and the names written inside it count as used: one fault, one finding.
 */
export interface SkippedDeclaration {
  readonly type: "SkippedDeclaration";
  readonly keyword: Name;
  readonly name: Name | undefined;
  /** Every word written inside the declaration: what it may refer to. */
  readonly mentions: ReadonlySet<string>;
  readonly range: SourceRange;
}

export interface Comment {
  readonly type: "Comment";
  readonly style: "line" | "block" | "doc";
  /** The comment as written, delimiters included. */
  readonly text: string;
  readonly range: SourceRange;
}

export interface ImportStatement {
  readonly type: "Import";
  readonly path: TextLiteral | undefined;
  readonly range: SourceRange;
}

export interface Name {
  readonly type: "Name";
  readonly text: string;
  readonly range: SourceRange;
}

/**
 * `KIND name "Title"? (for subject)? { members }` at the top level, and the same form nested
 * inside a declaration (`penalty { ... }`, `index aluminium "LME Aluminium" { ... }`).
 */
export interface Declaration {
  readonly type: "Declaration";
  readonly keyword: Name;
  readonly name: Name | undefined;
  readonly title: TextLiteral | undefined;
  readonly subject: Name | undefined;
  readonly members: readonly Member[];
  /** The text of the `///` comments just above, without the slashes; never part of the terms. */
  readonly doc: string | undefined;
  readonly range: SourceRange;
  /** True when the closing brace is present. */
  readonly closed: boolean;
}

export type Member = Field | Row | Declaration;

/** `name: value`. `value` is undefined only after a syntax error (reported). */
export interface Field {
  readonly type: "Field";
  readonly name: Name;
  readonly value: Expression | undefined;
  readonly range: SourceRange;
}

/** A row that starts with a row word: `tier 1 .. 9_999: USD 182.00`, `trigger port_closure >= 72 hours`, `step day 15: notify supplier`. */
export interface Row {
  readonly type: "Row";
  readonly keyword: Name;
  readonly head: Expression | undefined;
  readonly value: Expression | undefined;
  readonly range: SourceRange;
}

export type Expression = LogicalExpression | NotExpression | ComparisonExpression | Phrase;

export interface LogicalExpression {
  readonly type: "Logical";
  readonly operator: "and" | "or";
  readonly operands: readonly Expression[];
  readonly range: SourceRange;
}

export interface NotExpression {
  readonly type: "Not";
  readonly operand: Expression;
  readonly range: SourceRange;
}

export type ComparisonOperator = ">=" | "<=" | ">" | "<" | "=";

/** `>= 98%` (no left side) or `port_closure >= 72 hours`. */
export interface ComparisonExpression {
  readonly type: "Comparison";
  readonly operator: ComparisonOperator;
  readonly left: Phrase | undefined;
  readonly right: Phrase | undefined;
  readonly range: SourceRange;
}

/** Juxtaposed terms: `USD 182.00`, `breach of defects for 3 consecutive periods`, `72 hours`. */
export interface Phrase {
  readonly type: "Phrase";
  readonly terms: readonly Term[];
  readonly range: SourceRange;
}

export type Term = NumberLiteral | PercentLiteral | DateLiteral | TextLiteral | Word | ListLiteral | RangeLiteral | Group;

export interface NumberLiteral {
  readonly type: "Number";
  /** As written, digit grouping kept: `1_000`; grouped with commas or dots, in Covenant's spelling (`1,000` → `1_000`). */
  readonly text: string;
  /** Decimal digits without grouping: `1000`. */
  readonly digits: string;
  readonly range: SourceRange;
}

export interface PercentLiteral {
  readonly type: "Percent";
  readonly text: string;
  /** The number before `%`, without grouping. */
  readonly digits: string;
  readonly range: SourceRange;
}

export interface DateLiteral {
  readonly type: "Date";
  readonly text: string;
  readonly range: SourceRange;
}

export interface TextLiteral {
  readonly type: "Text";
  /** The text with escapes resolved. */
  readonly value: string;
  /** As written, quotes included. */
  readonly raw: string;
  readonly range: SourceRange;
}

export interface Word {
  readonly type: "Word";
  readonly text: string;
  readonly range: SourceRange;
}

export interface ListLiteral {
  readonly type: "List";
  readonly items: readonly Expression[];
  readonly range: SourceRange;
}

/** `1 .. 9_999`, or `50_000 ..` with an open upper end. */
export interface RangeLiteral {
  readonly type: "Range";
  readonly low: NumberLiteral;
  readonly high: NumberLiteral | undefined;
  readonly range: SourceRange;
}

export interface Group {
  readonly type: "Group";
  readonly expression: Expression | undefined;
  readonly range: SourceRange;
}

export type Node = SourceFile | Comment | ImportStatement | Name | Declaration | Field | Row | Expression | Term;
