import { childElements, openAndInner, valueOf, type XmlElement } from "./word-xml.js";

/** One level of a Word list: where it starts, how its number is written, and the indents it gives a paragraph. */
interface ListLevel {
  readonly start: number;
  readonly format: string;
  /** `%1.%2`: the numbers of the levels down to this one, in their formats. */
  readonly text: string;
  /** The level's paragraph properties (`w:ind`, `w:tabs`), as elements. */
  readonly paragraph: readonly XmlElement[];
}

/** A paragraph's number as Word shows it, and the indents its list level gives it. */
export interface ParagraphNumber {
  readonly label: string;
  readonly paragraph: readonly XmlElement[];
}

/**
 * The numbers Word gives the numbered paragraphs of a body, computed as Word counts them: one
 * counter per list instance (`w:num`) and level, starting at the level's start (or the instance's
 * `w:startOverride`), a level's counter restarting when a higher level's paragraph comes. Only
 * numbering set on the paragraph itself (`w:numPr`) is read: the renderer never numbers through
 * styles. Returns the number of each numbered paragraph element.
 */
export function paragraphNumbers(body: readonly XmlElement[], numberingXml: string): Map<XmlElement, ParagraphNumber> {
  const abstracts = new Map<string, Map<number, ListLevel>>();
  for (const match of numberingXml.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>(.*?)<\/w:abstractNum>/gs)) {
    const levels = new Map<number, ListLevel>();
    for (const level of childElements(match[2]!).filter((e) => e.name === "w:lvl")) {
      const ilvl = Number(/w:ilvl="(\d+)"/.exec(level.xml)?.[1] ?? 0);
      const inner = openAndInner(level).inner;
      const pPr = childElements(inner).find((e) => e.name === "w:pPr");
      levels.set(ilvl, {
        start: Number(valueOf(inner, "w:start") ?? 1),
        format: valueOf(inner, "w:numFmt") ?? "decimal",
        text: valueOf(inner, "w:lvlText") ?? "",
        paragraph: pPr ? childElements(openAndInner(pPr).inner) : [],
      });
    }
    abstracts.set(match[1]!, levels);
  }
  const instances = new Map<string, { levels: Map<number, ListLevel>; starts: Map<number, number> }>();
  for (const match of numberingXml.matchAll(/<w:num w:numId="(\d+)"[^>]*>(.*?)<\/w:num>/gs)) {
    const starts = new Map<number, number>();
    for (const override of match[2]!.matchAll(/<w:lvlOverride w:ilvl="(\d+)"[^>]*>.*?<w:startOverride w:val="(\d+)"\/>/gs))
      starts.set(Number(override[1]), Number(override[2]));
    instances.set(match[1]!, { levels: abstracts.get(valueOf(match[2]!, "w:abstractNumId") ?? "") ?? new Map(), starts });
  }
  const counters = new Map<string, number[]>();
  const out = new Map<XmlElement, ParagraphNumber>();
  for (const element of body) {
    if (element.name !== "w:p") continue;
    const numPr = /<w:numPr>(.*?)<\/w:numPr>/s.exec(element.xml)?.[1];
    if (numPr === undefined) continue;
    const numId = valueOf(numPr, "w:numId") ?? "";
    const ilvl = Number(valueOf(numPr, "w:ilvl") ?? 0);
    const instance = instances.get(numId);
    const level = instance?.levels.get(ilvl);
    if (!instance || !level || numId === "0") continue;
    const start = (k: number): number => instance.starts.get(k) ?? instance.levels.get(k)?.start ?? 1;
    const counter = counters.get(numId) ?? [];
    counter[ilvl] = counter[ilvl] === undefined ? start(ilvl) : counter[ilvl]! + 1;
    counter.length = ilvl + 1;
    counters.set(numId, counter);
    const label = level.text.replace(/%(\d)/g, (_, k: string) => {
      const index = Number(k) - 1;
      return formatNumber(counter[index] ?? start(index), instance.levels.get(index)?.format ?? "decimal");
    });
    out.set(element, { label: level.format === "none" ? "" : label, paragraph: level.paragraph });
  }
  return out;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    default:
      return String(n);
  }
}

/** Word's letters: a … z, then aa … zz. */
function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const numerals: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [value, numeral] of numerals) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}
