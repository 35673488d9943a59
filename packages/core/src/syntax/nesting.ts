import { isTopLevelKind, maxNestingDepth } from "./keywords.js";

/** A top-level item whose brackets nest deeper than the parser accepts. */
export interface DeepRegion {
  /** Where the item starts (its first significant character). */
  readonly start: number;
  /** The opening bracket that went past the limit. */
  readonly at: number;
  /** Just after the bracket that closes the item, the start of the line of the next declaration, or the end of the text. */
  readonly end: number;
}

/**
 * Finds top-level items nested deeper than `maxNestingDepth`, scanning characters (strings and
 * comments skipped) before any token exists. Such input is hostile or broken; blanking it before
 * lexing keeps megabytes of brackets from becoming millions of tokens. Brackets that are never
 * closed would blank the rest of the file, so a deep item also ends where a line starts with a
 * declaration keyword, as the segmenter splits items when braces do not balance.
 */
export function findDeepRegions(text: string): DeepRegion[] {
  const regions: DeepRegion[] = [];
  let depth = 0;
  let itemStart = -1;
  let deepAt = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      if (itemStart < 0) itemStart = i;
      i++;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (c === 92 /* \ */) i++;
        else if (c === 34 || c === 10 || c === 13) break;
        i++;
      }
      continue;
    }
    if (ch === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < length && text.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (ch === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? length : close + 1;
      continue;
    }
    if (ch === 10 && deepAt >= 0 && startsDeclaration(text, i + 1)) {
      regions.push({ start: itemStart, at: deepAt, end: i + 1 });
      depth = 0;
      deepAt = -1;
      itemStart = -1;
      continue;
    }
    // A byte-order mark must survive blanking: the lexer skips it so that it is not counted as a column.
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 0xfeff) continue;
    if (itemStart < 0) itemStart = i;
    if (ch === 123 || ch === 91 || ch === 40) {
      depth++;
      if (depth > maxNestingDepth && deepAt < 0) deepAt = i;
    } else if (ch === 125 || ch === 93 || ch === 41) {
      if (depth > 0) depth--;
      if (depth === 0 && ch === 125) {
        if (deepAt >= 0) regions.push({ start: itemStart, at: deepAt, end: i + 1 });
        deepAt = -1;
        itemStart = -1;
      }
    }
  }
  if (deepAt >= 0) regions.push({ start: itemStart, at: deepAt, end: length });
  return regions;
}

/** True when a declaration keyword (not a field name: no colon follows) starts at `at`. */
function startsDeclaration(text: string, at: number): boolean {
  let end = at;
  while (end < text.length && isWordCharacter(text.charCodeAt(end))) end++;
  if (end === at || end - at > 16 || !isTopLevelKind(text.slice(at, end))) return false;
  while (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9) end++;
  return text.charCodeAt(end) !== 58; /* : */
}

function isWordCharacter(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95;
}

/** Replaces every character of the regions except line breaks with spaces, so positions stay exact. */
export function blankRegions(text: string, regions: readonly DeepRegion[]): string {
  if (regions.length === 0) return text;
  let out = "";
  let from = 0;
  for (const region of regions) {
    out += text.slice(from, region.start) + text.slice(region.start, region.end).replace(/[^\r\n]/g, " ");
    from = region.end;
  }
  return out + text.slice(from);
}
