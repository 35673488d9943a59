/** A point in a source text. `line` and `column` are 1-based; `column` counts UTF-16 code units, as editors do. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open span of source text: `start` is the first character, `end` the one after the last. */
export interface SourceRange {
  readonly start: Position;
  readonly end: Position;
}

/** The range covering both `a` and `b` (which must be in order). */
export function spanRanges(a: SourceRange, b: SourceRange): SourceRange {
  return { start: a.start, end: b.end };
}

/** Maps offsets to line/column in one text; built once per text. */
export class LineMap {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    // Line 1 starts after a byte-order mark, which editors do not count as a column.
    const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  /** The position of `offset`, clamped to the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { offset: clamped, line: low + 1, column: Math.max(1, clamped - this.lineStarts[low]! + 1) };
  }

  /** The offset of a 1-based line and column, clamped to the text. */
  offsetAt(line: number, column: number): number {
    const index = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    const start = this.lineStarts[index]!;
    const next = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1]! : this.text.length;
    return Math.max(start, Math.min(start + column - 1, next));
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    const index = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    const start = this.lineStarts[index]!;
    const next = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1]! : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, "");
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  rangeOf(startOffset: number, endOffset: number): SourceRange {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}
