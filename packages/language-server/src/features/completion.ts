import {
  actionSpec,
  actionVerbs,
  actionVocabulary,
  allCountryCodes,
  allCurrencies,
  countryName,
  escalationActions,
  kindSchemas,
  partyRoles,
  quantityUnits,
  roundingModes,
  shareBases,
  topLevelKinds,
  type CheckedDocument,
  type Declaration,
  type KindSchema,
  type ReferenceKind,
  type SourceFile,
  type ValueType,
} from "@covenant/core";
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from "vscode-languageserver";
import type { CheckedView } from "../documents.js";
import { typeName } from "../describe.js";
import { lastStartingBefore, lspRangeOf, offsetAt, wordRangeAt } from "../positions.js";
import { schemaOf } from "./schema-lookup.js";

/**
 * Completion: what may be written at the cursor. At the top level, the declaration kinds and
 * `import`; at the start of a member, the fields the kind allows and has not used yet, its rows
 * and nested blocks; after `field:`, what the field's type accepts: references of the kinds it
 * expects, enum values, units, ISO currency and country codes, and the connecting words of its
 * phrase. Each item carries a one-line description from the kind schemas or the code tables.
 *
 * The line before the cursor decides the place (editing text is mostly incomplete and may not
 * parse); the syntax tree decides which declaration the cursor is in and which fields it has.
 */

export interface CompletionOptions {
  /** The client accepts snippets (declaration templates with tab stops). */
  readonly snippets: boolean;
}

export function completion(view: CheckedView, params: CompletionParams, options: CompletionOptions): CompletionList {
  const { text, lines, file } = view.parsed;
  const offset = offsetAt(lines, params.position);
  const word = wordRangeAt(text, offset);
  const lineStart = lines.offsetAt(params.position.line + 1, 1);
  const before = text.slice(lineStart, word.start);
  if (inComment(file, offset) || inText(before)) return { isIncomplete: false, items: [] };

  const context = new Candidates(view.checked, options);
  const place = placeAt(text, file, offset);
  let items: CompletionItem[];
  if (place.chain.length === 0) items = /^\s*$/.test(before) ? context.topLevel() : [];
  else if (place.inHeader) items = context.header(place.chain, before);
  else items = context.body(place.chain, before, offset);

  const range = lspRangeOf(lines, word.start, offset);
  // Right after `field:` (completion is triggered by the colon), the value gets its space.
  const space = before.endsWith(":") ? " " : "";
  return {
    isIncomplete: false,
    items: items.map((item) => {
      const { insertText, ...rest } = item;
      return { ...rest, textEdit: { range, newText: `${space}${insertText ?? item.label}` } };
    }),
  };
}

function inComment(file: SourceFile, offset: number): boolean {
  const comment = lastStartingBefore(file.comments, offset - 1);
  return (
    comment !== undefined &&
    offset > comment.range.start.offset &&
    offset <= comment.range.end.offset &&
    (comment.style !== "block" || offset < comment.range.end.offset)
  );
}

/** True when the line before the cursor has an open quote. */
function inText(before: string): boolean {
  let open = false;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (ch === "\\" && open) i++;
    else if (ch === '"') open = !open;
  }
  return open;
}

interface Place {
  /** The declarations around the cursor, outermost first; empty at the top level. */
  readonly chain: readonly Declaration[];
  /** The cursor is in the innermost one's header (before its `{`). */
  readonly inHeader: boolean;
}

/** Which declaration the cursor is in. A declaration without its `}` yet runs on to the next one. */
function placeAt(text: string, file: SourceFile, offset: number): Place {
  const chain: Declaration[] = [];
  let candidates: readonly Declaration[] = file.declarations;
  for (;;) {
    const declaration = lastStartingBefore(candidates, offset - 1);
    if (!declaration || (declaration.closed && offset >= declaration.range.end.offset)) return { chain, inHeader: false };
    // A word being typed where a declaration may start is parsed as one: the place is the one around it.
    if (offset <= declaration.keyword.range.end.offset) return { chain, inHeader: false };
    chain.push(declaration);
    const brace = openingBrace(text, declaration);
    if (brace < 0 || offset <= brace) return { chain, inHeader: true };
    candidates = declaration.members.filter((m): m is Declaration => m.type === "Declaration");
  }
}

function openingBrace(text: string, declaration: Declaration): number {
  const after = (declaration.subject ?? declaration.title ?? declaration.name ?? declaration.keyword).range.end.offset;
  const brace = text.indexOf("{", after);
  const limit = declaration.members[0]?.range.start.offset ?? (declaration.closed ? declaration.range.end.offset : Infinity);
  return brace >= 0 && brace < limit ? brace : -1;
}

const words = /"(?:[^"\\]|\\.)*"?|-?\d[\d_]*(?:\.\d[\d_]*)?%?|[A-Za-z_]\w*|>=|<=|\.\.|[<>=[\](),:]/g;
const isNumber = (token: string | undefined): boolean => token !== undefined && /^-?\d[\d_.]*$/.test(token);
const isPercent = (token: string | undefined): boolean => token !== undefined && /%$/.test(token);
const isComparator = (token: string | undefined): boolean => token !== undefined && /^(>=|<=|>|<|=)$/.test(token);

const durationItems = ["hours", "days", "business_days", "weeks", "months", "years"];

const symbolKinds: Partial<Record<ReferenceKind, CompletionItemKind>> = {
  party: CompletionItemKind.Class,
  product: CompletionItemKind.Struct,
  event: CompletionItemKind.Event,
  escalation: CompletionItemKind.Function,
  milestone: CompletionItemKind.Constant,
  committee: CompletionItemKind.Module,
  kpi: CompletionItemKind.Interface,
};

/** The candidates at each kind of place, for one checked document. */
class Candidates {
  constructor(
    private readonly checked: CheckedDocument,
    private readonly options: CompletionOptions,
  ) {}

  topLevel(): CompletionItem[] {
    const items = topLevelKinds.map((kind): CompletionItem => {
      const schema = kindSchemas[kind];
      return {
        label: kind,
        kind: CompletionItemKind.Keyword,
        detail: "declaration",
        documentation: schema.doc,
        ...(this.options.snippets ? { insertText: declarationSnippet(kind, schema), insertTextFormat: InsertTextFormat.Snippet } : {}),
      };
    });
    items.push({
      label: "import",
      kind: CompletionItemKind.Keyword,
      detail: "import a clause library",
      documentation: "Imports the declarations of another .contract file (a path relative to this one).",
      ...(this.options.snippets
        ? { insertText: 'import "${1:../library/standard-terms}.contract"', insertTextFormat: InsertTextFormat.Snippet }
        : {}),
    });
    return items;
  }

  header(chain: readonly Declaration[], before: string): CompletionItem[] {
    const declaration = chain[chain.length - 1]!;
    const schema = schemaOf(chain);
    if (!schema?.subject) return [];
    const tokens: string[] = before.match(words) ?? [];
    if (tokens[tokens.length - 1] === "for") return this.references(schema.subject.kinds);
    if (!declaration.subject && declaration.name && tokens.length >= 2)
      return [keyword("for", `The ${schema.subject.kinds.join(" or ")} this ${schema.kind} is for`)];
    return [];
  }

  body(chain: readonly Declaration[], before: string, offset: number): CompletionItem[] {
    const declaration = chain[chain.length - 1]!;
    const schema = schemaOf(chain);
    if (!schema) return [];
    if (/^\s*$/.test(before)) return this.members(declaration, schema, offset);
    const field = /^\s*([A-Za-z_]\w*)\s*:(.*)$/.exec(before);
    if (field) {
      const spec = schema.fields[field[1]!];
      return spec ? this.values(spec.value, field[2]!, schema) : [];
    }
    const row = /^\s*(tier|royalty|trigger|step)\b(.*)$/.exec(before);
    if (row) return this.row(row[1]!, row[2]!);
    return [];
  }

  /** Fields not given yet (required first), rows, and nested blocks not given yet (or that may repeat). */
  private members(declaration: Declaration, schema: KindSchema, offset: number): CompletionItem[] {
    const used = new Set<string>();
    const usedBlocks = new Set<string>();
    for (const member of declaration.members) {
      // The field whose name is under the cursor is being written, not given.
      if (member.type === "Field" && !(member.name.range.start.offset <= offset && offset <= member.name.range.end.offset))
        used.add(member.name.text);
      if (
        member.type !== "Field" &&
        member.type !== "Row" &&
        !(member.keyword.range.start.offset <= offset && offset <= member.keyword.range.end.offset)
      )
        usedBlocks.add(member.keyword.text);
    }
    const items: CompletionItem[] = [];
    for (const [name, spec] of Object.entries(schema.fields)) {
      if (used.has(name) && !spec.repeatable) continue;
      items.push({
        label: name,
        kind: CompletionItemKind.Field,
        detail: `${typeName(spec.value)}${spec.required ? " · required" : ""}`,
        documentation: spec.doc,
        insertText: `${name}: `,
        sortText: `${spec.required ? "0" : "1"}${name}`,
      });
    }
    for (const [name, spec] of Object.entries(schema.rows ?? {})) {
      items.push({
        label: name,
        kind: CompletionItemKind.Keyword,
        detail: "row",
        documentation: spec.doc,
        insertText: `${name} `,
        sortText: `2${name}`,
      });
    }
    for (const [name, block] of Object.entries(schema.blocks ?? {})) {
      if (usedBlocks.has(name) && !block.repeatable) continue;
      items.push({
        label: name,
        kind: CompletionItemKind.Module,
        detail: "block",
        documentation: block.doc,
        sortText: `3${name}`,
        ...(this.options.snippets ? { insertText: declarationSnippet(name, block), insertTextFormat: InsertTextFormat.Snippet } : {}),
      });
    }
    return items;
  }

  private row(row: string, rest: string): CompletionItem[] {
    const tokens: string[] = rest.match(words) ?? [];
    const last = tokens[tokens.length - 1];
    switch (row) {
      case "tier":
        return last === ":" ? this.currencies() : [];
      case "trigger":
        return tokens.length === 0 ? this.references(["event"]) : [];
      case "step": {
        if (tokens.length === 0) return [keyword("day", "The day after the failure this step is taken")];
        const colon = tokens.indexOf(":");
        if (colon < 0) return [];
        const action = tokens.slice(colon + 1);
        if (action.length === 0)
          return escalationActions.map((v) => ({ ...enumItem(v, "escalation action"), documentation: actionVocabulary[v].doc }));
        if (action[action.length - 1] === "by" || action.length === 1)
          return [
            ...this.references(["party", "committee"]),
            ...(action.length === 1 ? [keyword("by", "The party that takes the step")] : []),
          ];
        return [];
      }
      default:
        return [];
    }
  }

  /** What a value of `type` accepts after the words already written (`rest`). */
  private values(type: ValueType, rest: string, schema: KindSchema): CompletionItem[] {
    const open = rest.lastIndexOf("[");
    if (open > rest.lastIndexOf("]")) {
      const inner = rest.slice(Math.max(open, rest.lastIndexOf(",")) + 1);
      if (type.type === "list") return this.values(type.of, inner, schema);
      if (type.type === "territory") return this.values({ type: "country" }, inner, schema);
      if (type.type === "allocation") return (inner.match(words) ?? []).length === 0 ? this.references(["party"]) : [];
      return [];
    }
    const tokens: string[] = rest.match(words) ?? [];
    const n = tokens.length;
    const last = tokens[n - 1];
    const first = tokens[0];
    switch (type.type) {
      case "reference":
        return n === 0 ? this.references(type.kinds) : [];
      case "list":
        return n === 0 ? this.values(type.of, "", schema) : [];
      case "enum":
        return n === 0 ? type.values.map((v) => enumItem(v, "option")) : [];
      case "bool":
        return n === 0 ? [enumItem("true", "yes"), enumItem("false", "no")] : [];
      case "currency":
        return n === 0 ? this.currencies() : [];
      case "country":
        return n === 0 ? this.countries() : [];
      case "territory":
        return n === 0 ? [keyword("worldwide", "Every country"), ...this.countries()] : [];
      case "unit":
        return n === 0 ? this.units(true) : [];
      case "quantity":
        return n === 1 && isNumber(last) ? this.units(false) : [];
      case "duration":
        if (n === 0) return type.allowPerpetual ? [keyword("perpetual", "Without end")] : [];
        return n === 1 && isNumber(last) ? durations() : [];
      case "money":
        return n === 0 ? this.currencies() : [];
      case "amount":
        if (n === 0) return this.currencies();
        if (n === 1 && isPercent(last)) return [keyword("of", "A share of a base amount")];
        return last === "of" ? shareBases.map((b) => enumItem(b, "base of the share")) : [];
      case "step":
        if ((n === 1 && isPercent(last)) || (n === 2 && isNumber(first)))
          return [keyword("below", "Shortfall under the target"), keyword("above", "Excess over the target")];
        if (n === 1 && isNumber(last)) return this.units(false);
        return last === "below" || last === "above" ? [keyword("target", "The KPI's target")] : [];
      case "target":
        return n === 2 && isComparator(first) && isNumber(last) ? this.units(false) : [];
      case "condition":
      case "cause":
        return this.condition(tokens, type.type === "cause");
      case "convenience":
        if (n === 0) return this.references(["party"]);
        if (n === 1) return [keyword("with", "with notice DURATION")];
        if (last === "with") return [keyword("notice", "The notice period")];
        if (n === 4 && isNumber(last)) return durations();
        if (n === 5) return [keyword("paying", "A termination fee: paying USD 2_000_000")];
        return [];
      case "action":
        return this.action(tokens);
      case "rounding":
        if (n === 0) return roundingModes.map((m) => enumItem(m, "rounding mode"));
        if (n === 1) return [keyword("to", "to N decimals")];
        return n === 3 && isNumber(last) ? [keyword("decimals", "decimal places")] : [];
      case "every":
        if (n === 0) return [keyword("every", "every DURATION")];
        return n === 2 && isNumber(last) ? durations() : [];
      case "payment":
        if (n === 0) return this.currencies();
        if (n === 1 && isPercent(last)) return [keyword("of", "A share of a base amount")];
        if (last === "of") return shareBases.map((b) => enumItem(b, "base of the share"));
        if (last === "to") return this.references(["party"]);
        return n === 2 || (n === 3 && tokens[1] === "of") ? [keyword("to", "The party paid")] : [];
      case "volume":
        if (n === 1 && isNumber(last)) return this.units(false);
        if (n === 2) return [keyword("per", "per period")];
        return last === "per" ? ["month", "quarter", "year"].map((p) => enumItem(p, "period")) : [];
      case "shortfall":
        if (n === 0) return [...this.currencies(), keyword("credit", "A credit against future orders")];
        if (n === 1 && isPercent(last)) return [keyword("of", "of price")];
        if (last === "of") return [enumItem("price", "the unit price")];
        if (last === "per") return this.units(false);
        return n === 2 && isNumber(last) ? [keyword("per", "per unit short")] : [];
      case "allocation":
        return n === 0 ? [keyword("by fault", "Each party bears costs by its share of fault")] : [];
      default:
        return [];
    }
  }

  private condition(tokens: readonly string[], cause: boolean): CompletionItem[] {
    const n = tokens.length;
    const last = tokens[n - 1];
    const first = tokens[0];
    if (n === 0 || last === "and" || last === "or" || last === "not" || last === "(") {
      return [
        keyword("breach of", "breach of a KPI or obligation, optionally for N consecutive periods"),
        keyword("insolvency of", "insolvency of a party"),
        keyword("change_of_control of", "change of control of a party"),
        keyword("missed", "a milestone or obligation missed"),
        keyword("not", "the condition does not hold"),
        ...this.references(["event", "force_majeure"]),
      ];
    }
    if (last === "of" && first === "breach")
      return this.references(["kpi", "obligation", "commitment", "warranty", "milestone", "license"]);
    if (last === "of") return [...this.references(["party"]), keyword("any party", "whichever party")];
    if (first === "missed" && n === 1) return this.references(["milestone", "obligation"]);
    if (n === 3 && first === "breach") return [keyword("for", "for N (consecutive) periods")];
    if (first === "breach" && tokens[3] === "for" && n === 5 && isNumber(last))
      return [keyword("consecutive", "one after another"), keyword("periods", "measurement periods")];
    if (last === "consecutive") return [keyword("periods", "measurement periods")];
    if (n === 1 && /^[a-z_]\w*$/.test(first!)) return [keyword("lasting", "NAME lasting DURATION")];
    if (n >= 2 && isNumber(last) && (tokens[n - 2] === "lasting" || tokens[n - 2] === "cure")) return durations();
    if (cause && n >= 3) return [keyword("cure", "cure DURATION: the time allowed to remedy")];
    return [];
  }

  private action(tokens: readonly string[]): CompletionItem[] {
    const n = tokens.length;
    const last = tokens[n - 1];
    if (n === 0) return actionVerbs.map((v) => ({ ...enumItem(v, "action"), documentation: actionVocabulary[v].doc }));
    const spec = n === 1 ? actionSpec(tokens[0]!) : undefined;
    if (spec && spec.objects.length > 0) {
      const objects = spec.objects.map((o) => enumItem(o, `what '${tokens[0]}' applies to`));
      return spec.objectOptional ? [...objects, keyword("by", "by PARTY"), keyword("within", "within DURATION")] : objects;
    }
    if (last === "by") return this.references(["party", "committee"]);
    if (isNumber(last) && (tokens[n - 2] === "within" || tokens[n - 2] === "for")) return durations();
    if (last !== "within" && last !== "for")
      return [keyword("by", "by PARTY"), keyword("within", "within DURATION"), keyword("for", "for DURATION")];
    return [];
  }

  /** Declarations of the expected kinds (and, where a party is expected, the party roles). */
  private references(kinds: readonly ReferenceKind[]): CompletionItem[] {
    const items: CompletionItem[] = [];
    for (const symbol of this.checked.symbols.values()) {
      if (!kinds.includes(symbol.kind)) continue;
      const title = symbol.declaration.title?.value;
      items.push({
        label: symbol.name,
        kind: symbolKinds[symbol.kind] ?? CompletionItemKind.Reference,
        detail: `${symbol.kind.replace("_", " ")}${title ? ` — ${title}` : ""}`,
        ...(symbol.declaration.doc ? { documentation: symbol.declaration.doc } : {}),
        sortText: `0${symbol.name}`,
      });
    }
    if (kinds.includes("party")) {
      for (const role of partyRoles) {
        if (this.checked.symbols.has(role)) continue;
        items.push({ label: role, kind: CompletionItemKind.EnumMember, detail: `the party whose role is ${role}`, sortText: `1${role}` });
      }
    }
    return items;
  }

  private currencies(): CompletionItem[] {
    const contract = this.checked.contract?.fields.get("currency");
    const preferred = contract?.kind === "code" ? contract.code : undefined;
    return allCurrencies().map((c) => ({
      label: c.code,
      kind: CompletionItemKind.Unit,
      detail: c.name,
      documentation: `ISO 4217 currency; ${c.digits} decimal${c.digits === 1 ? "" : "s"}`,
      sortText: c.code === preferred ? `0${c.code}` : `1${c.code}`,
      ...(c.code === preferred ? { preselect: true } : {}),
    }));
  }

  private countries(): CompletionItem[] {
    return allCountryCodes().map((code) => ({
      label: code,
      kind: CompletionItemKind.EnumMember,
      detail: countryName(code) ?? "country",
      documentation: "ISO 3166-1 alpha-2 country code",
    }));
  }

  /** Built-in units and those declared by products and events; with duration units where a unit may be a duration. */
  private units(withDurations: boolean): CompletionItem[] {
    const declared = new Set<string>();
    for (const model of this.checked.declarations) {
      const unit = model.fields.get("unit");
      if (unit?.kind === "unit") declared.add(unit.unit);
    }
    const items = [...new Set([...declared, ...quantityUnits])].map((u) => ({
      label: u,
      kind: CompletionItemKind.Unit,
      detail: declared.has(u) ? "unit used in this document" : "unit",
      sortText: `${declared.has(u) ? "0" : "1"}${u}`,
    }));
    return withDurations ? [...items, ...durations()] : items;
  }
}

function keyword(label: string, documentation: string): CompletionItem {
  return { label, kind: CompletionItemKind.Keyword, detail: "keyword", documentation };
}

function enumItem(label: string, detail: string): CompletionItem {
  return { label, kind: CompletionItemKind.EnumMember, detail };
}

function durations(): CompletionItem[] {
  return durationItems.map((u) => ({ label: u, kind: CompletionItemKind.Unit, detail: "duration unit" }));
}

/** A template for a declaration or nested block of `kind`, with tab stops for its header parts and required fields. */
export function declarationSnippet(kind: string, schema: KindSchema): string {
  const parts = [kind];
  let stop = 1;
  if (schema.name !== "forbidden") parts.push(`\${${stop++}:name}`);
  if (schema.title === "required") parts.push(`"\${${stop++}:Title}"`);
  if (schema.subject) parts.push(`for \${${stop++}:${schema.subject.kinds[0]}}`);
  const required = Object.entries(schema.fields).filter(([, spec]) => spec.required);
  const body = required.length ? required.map(([name, spec]) => `\t${name}: ${placeholder(spec.value, stop++)}`).join("\n") : "\t$0";
  return `${parts.join(" ")} {\n${body}\n}`;
}

/** A tab stop shaped like the value: a choice of enum values, quotes around text, an example date or code. */
function placeholder(type: ValueType, stop: number): string {
  switch (type.type) {
    case "enum":
      return `\${${stop}|${type.values.join(",")}|}`;
    case "bool":
      return `\${${stop}|false,true|}`;
    case "text":
      return `"\${${stop}}"`;
    case "date":
      return `\${${stop}:2026-01-01}`;
    case "currency":
      return `\${${stop}:USD}`;
    case "country":
      return `\${${stop}:JP}`;
    case "territory":
      return `[\${${stop}:JP}]`;
    default:
      return `\${${stop}}`;
  }
}
