import type * as A from "../syntax/ast.js";
import type { SourceRange } from "../syntax/position.js";
import { Codes, codeCatalogue, type DiagnosticCode } from "../diagnostics/codes.js";
import type { Diagnostic, Fix, RelatedLocation } from "../diagnostics/diagnostic.js";
import { isTopLevelKind, topLevelKinds } from "../syntax/keywords.js";
import { bindDocument } from "./binder.js";
import { toDecimal } from "./decimal.js";
import type { BandRow, DeclarationModel, ReferenceSite, RowModel, SymbolInfo } from "./model.js";
import { ValueReader, describeExpression, type ReadContext } from "./read-value.js";
import {
  kindSchemas,
  partyRoles,
  type EntryKey,
  type PercentRange,
  type FieldSpec,
  type KindSchema,
  type ReferenceKind,
  type SignPart,
  type SignRules,
  type ValueType,
} from "./schema.js";
import { signViolations } from "./signs.js";
import { entryIdentity } from "./entries.js";
import { percentBounds, percentsOutOfRange } from "./percents.js";
import { closest } from "./suggest.js";
import type * as V from "./values.js";
import { runRules } from "./rules/index.js";
import { contractTerms } from "./terms.js";

export interface CheckInput {
  readonly rootUri: string;
  /** The document's files, imports first, the root last. */
  readonly files: readonly A.SourceFile[];
  /** Source text by uri, used to shape quick fixes. */
  readonly texts: ReadonlyMap<string, string>;
}

export interface CheckOutput {
  readonly declarations: readonly DeclarationModel[];
  readonly contract: DeclarationModel | undefined;
  readonly symbols: ReadonlyMap<string, SymbolInfo>;
  readonly references: readonly ReferenceSite[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Extra parts of a finding besides code, range and message. */
export interface FindingExtras {
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
  readonly unnecessary?: boolean;
}

/** Collects diagnostics with each code's catalogue severity. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  report(uri: string, code: DiagnosticCode, range: SourceRange, message: string, extras: FindingExtras = {}): void {
    this.diagnostics.push({ code, severity: codeCatalogue[code].severity, message, uri, range, ...extras });
  }
}

const article = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
/** `An escalation`, `A party`: for the start of a message. */
const Article = (word: string): string => {
  const text = article(word);
  return text[0]!.toUpperCase() + text.slice(1);
};

/** Days in one of each unit a step's time may be written in; months and years have no fixed number. */
const daysPerUnit: Readonly<Record<string, { readonly times: number; readonly per: number }>> = {
  day: { times: 1, per: 1 },
  days: { times: 1, per: 1 },
  week: { times: 7, per: 1 },
  weeks: { times: 7, per: 1 },
  hour: { times: 1, per: 24 },
  hours: { times: 1, per: 24 },
};

/**
 * The day a step head written otherwise means (`week 6` and `6 weeks` are day 42, `60 days` and a
 * bare `60` are day 60, `48 hours` is day 2), when that is a whole day of zero or more; otherwise why
 * there is none to offer (a month has no fixed number of days; 1.5 days is no whole day).
 */
function stepDays(terms: readonly A.Term[]): { readonly day?: string; readonly why?: string } {
  const numbers = terms.filter((t): t is A.NumberLiteral => t.type === "Number");
  const words = terms.filter((t): t is A.Word => t.type === "Word").map((t) => t.text);
  const count = numbers.length === 1 ? toDecimal(numbers[0]!.digits) : undefined;
  if (!count || words.length > 1 || numbers.length + words.length !== terms.length) return {};
  const unit = words[0] ?? "day";
  const perDay = daysPerUnit[unit];
  if (!perDay)
    return /^(months?|quarters?|years?)$/.test(unit)
      ? { why: `a ${unit.replace(/s$/, "")} has no fixed number of days: write the day the step starts ('day N')` }
      : {};
  const day = count.mul(perDay.times).div(perDay.per);
  if (!day.isInteger() || day.isNegative()) return { why: `a step starts on a whole day of zero or more: write it as 'day N'` };
  return { day: day.toFixed() };
}

/** Checks one document (a root file and its imports) against the kind schemas and the rules. */
export function checkDocument(input: CheckInput): CheckOutput {
  return new DocumentChecker(input).run();
}

class DocumentChecker {
  private readonly sink = new DiagnosticSink();
  private readonly references: ReferenceSite[] = [];
  private symbols: Map<string, SymbolInfo> = new Map();
  private uri = "";
  private readonly declaredUnits = new Set<string>();

  constructor(private readonly input: CheckInput) {}

  run(): CheckOutput {
    const bound = bindDocument(this.input.files);
    this.symbols = bound.symbols;
    // Not push(...list): a file of 200,000 duplicate names would pass more arguments than the stack holds.
    for (const d of bound.diagnostics) this.sink.diagnostics.push(d);
    this.collectDeclaredUnits();

    const reader = new ValueReader(this.readContext());
    const declarations: DeclarationModel[] = [];
    let contract: DeclarationModel | undefined;
    for (const file of this.input.files) {
      this.uri = file.uri;
      const isRoot = file.uri === this.input.rootUri;
      for (const node of file.declarations) {
        const kind = node.keyword.text;
        if (!isTopLevelKind(kind)) {
          this.unknownKind(node);
          continue;
        }
        const model = this.declaration(node, kindSchemas[kind], reader);
        declarations.push(model);
        if (kind === "contract") {
          if (!isRoot) {
            this.report(
              Codes.ContractHeader,
              node.keyword.range,
              "An imported file holds declarations only; move this contract header to the root file",
            );
          } else if (contract) {
            this.report(Codes.ContractHeader, node.keyword.range, "A document has one contract header; remove this one", {
              related: [{ uri: contract.uri, range: contract.node.keyword.range, message: "The contract header is here" }],
            });
          } else contract = model;
        }
      }
    }
    this.checkRoles(contract);
    runRules({
      declarations,
      contract,
      terms: contractTerms({ rootUri: this.input.rootUri, declarations, references: this.references }),
      rootUri: this.input.rootUri,
      symbols: this.symbols,
      references: this.references,
      texts: this.input.texts,
      report: (uri, code, range, message, extras) => this.sink.report(uri, code, range, message, extras),
    });
    return { declarations, contract, symbols: this.symbols, references: this.references, diagnostics: this.sink.diagnostics };
  }

  private report(code: DiagnosticCode, range: SourceRange, message: string, extras?: FindingExtras): void {
    this.sink.report(this.uri, code, range, message, extras);
  }

  /**
   * CV209. A line of three or more words with no brace on it or after it is prose pasted into the
   * file rather than a misspelt declaration: the fix makes it a comment.
   */
  private unknownKind(node: A.Declaration): void {
    const kind = node.keyword.text;
    const suggestion = closest(kind, topLevelKinds);
    const text = this.input.texts.get(this.uri) ?? "";
    const lineStart = node.keyword.range.start.offset - (node.keyword.range.start.column - 1);
    const lineEnd = text.slice(lineStart).search(/\r|\n|$/) + lineStart;
    const line = text.slice(lineStart, lineEnd);
    const keywordLine = node.keyword.range.start.line;
    const prose =
      !node.closed &&
      node.members.every((member) => member.range.end.line === keywordLine) &&
      !line.includes("{") &&
      line.trim().split(/\s+/).length >= 3;
    const at = { line: node.keyword.range.start.line, column: 1, offset: lineStart };
    this.report(
      Codes.UnknownKind,
      node.keyword.range,
      `'${kind}' is not a kind of declaration${prose ? "; if this line is a note, start it with '//'" : suggestion ? `; did you mean '${suggestion}'?` : ""}`,
      {
        fixes: prose
          ? [{ title: "Make this line a comment", edits: [{ uri: this.uri, range: { start: at, end: at }, newText: "// " }] }]
          : suggestion
            ? [this.replaceFix(node.keyword.range, suggestion)]
            : undefined,
      },
    );
  }

  private replaceFix(range: SourceRange, newText: string): Fix {
    return { title: `Change to '${newText}'`, edits: [{ uri: this.uri, range, newText }] };
  }

  private collectDeclaredUnits(): void {
    for (const file of this.input.files) {
      for (const declaration of file.declarations) {
        if (declaration.keyword.text !== "product" && declaration.keyword.text !== "event") continue;
        for (const member of declaration.members) {
          if (member.type === "Field" && member.name.text === "unit" && member.value?.type === "Phrase") {
            const [word] = member.value.terms;
            if (word?.type === "Word") this.declaredUnits.add(word.text);
          }
        }
      }
    }
  }

  private readContext(): ReadContext {
    const currentUri = (): string => this.uri;
    return {
      get uri() {
        return currentUri();
      },
      declaredUnits: this.declaredUnits,
      contractCurrency: this.writtenContractCurrency(),
      report: (code, range, message, fixes) => this.report(code, range, message, { fixes }),
      reference: (name, range, kinds) => this.resolve(name, range, kinds),
      measurementPeriod: (name) => this.measurementPeriod(name),
    };
  }

  /** The word written in the `period` field of the declaration called `name` (`quarterly`), read from its syntax. */
  private measurementPeriod(name: string): string | undefined {
    const declaration = this.symbols.get(name)?.declaration;
    const field = declaration?.members.find((m): m is A.Field => m.type === "Field" && m.name.text === "period");
    const term = field?.value?.type === "Phrase" && field.value.terms.length === 1 ? field.value.terms[0] : undefined;
    return term?.type === "Word" ? term.text : undefined;
  }

  /** The currency code written in the root file's contract header, before any value is read (for `$ 5`). */
  private writtenContractCurrency(): string | undefined {
    const root = this.input.files.find((f) => f.uri === this.input.rootUri);
    const contract = root?.declarations.find((d) => d.keyword.text === "contract");
    const field = contract?.members.find((m): m is A.Field => m.type === "Field" && m.name.text === "currency");
    const term = field?.value?.type === "Phrase" && field.value.terms.length === 1 ? field.value.terms[0] : undefined;
    return term?.type === "Word" ? term.text : undefined;
  }

  /** Resolves a name used where one of `kinds` is expected, recording the use. */
  private resolve(name: string, range: SourceRange, kinds: readonly ReferenceKind[]): V.ReferenceValue {
    const symbol = this.symbols.get(name);
    const site = (target: SymbolInfo | undefined, role: string | undefined): void => {
      this.references.push({ uri: this.uri, name, range, expected: kinds, target, role });
    };
    const wanted = kinds.map((k) => k.replace("_", " ")).join(" or ");
    if (symbol) {
      site(symbol, undefined);
      if (!kinds.includes(symbol.kind)) {
        this.report(
          Codes.WrongReferenceKind,
          range,
          `'${name}' is ${article(symbol.kind.replace("_", " "))}, but ${article(wanted)} is expected here`,
          {
            related: [{ uri: symbol.uri, range: symbol.nameRange, message: `'${name}' is declared here` }],
          },
        );
      }
      return { kind: "reference", name, byRole: false, range };
    }
    if (kinds.includes("party") && (partyRoles as readonly string[]).includes(name)) {
      site(undefined, name);
      return { kind: "reference", name, byRole: true, range };
    }
    site(undefined, undefined);
    const candidates = [...this.symbols.values()].filter((s) => kinds.includes(s.kind)).map((s) => s.name);
    const suggestion = closest(name, candidates);
    this.report(Codes.UnknownReference, range, `No ${wanted} is called '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ""}`, {
      fixes: suggestion ? [this.replaceFix(range, suggestion)] : undefined,
    });
    return { kind: "reference", name, byRole: false, range };
  }

  /** A reference by role (`supplier`) needs a party with that role, once the document has its parties. */
  private checkRoles(contract: DeclarationModel | undefined): void {
    if (!contract) return;
    const roles = new Set<string>();
    for (const symbol of this.symbols.values()) {
      if (symbol.kind !== "party") continue;
      // A party skipped unread (CV104) may have any role: a role reference is not also reported as unknown.
      if (symbol.skipped) return;
      for (const member of symbol.declaration.members) {
        if (member.type === "Field" && member.name.text === "role" && member.value?.type === "Phrase") {
          const [word] = member.value.terms;
          if (word?.type === "Word") roles.add(word.text);
        }
      }
    }
    for (const site of this.references) {
      if (site.role && !roles.has(site.role)) {
        this.sink.report(
          site.uri,
          Codes.UnknownReference,
          site.range,
          `No party is called '${site.role}' and no party has the role '${site.role}'; declare one or use a party's name`,
        );
      }
    }
  }

  private declaration(node: A.Declaration, schema: KindSchema, reader: ValueReader): DeclarationModel {
    const label = node.keyword.text;
    this.checkHeader(node, schema);
    let subject: V.ReferenceValue | undefined;
    if (node.subject && schema.subject) subject = this.resolve(node.subject.text, node.subject.range, schema.subject.kinds);

    const fields = new Map<string, V.Value>();
    const repeated = new Map<string, V.Value[]>();
    const firstSeen = new Map<string, A.Field>();
    const rows: RowModel[] = [];
    const blocks: DeclarationModel[] = [];
    const firstBlock = new Map<string, A.Declaration>();
    const unread = new Set<string>();
    /** The first entry of each repeatable field or row word, by its identity (`entryIdentity`). */
    const entries = new Map<string, SourceRange>();

    for (const member of this.joinSplitRows(node.members, schema)) {
      if (member.type === "Field") {
        const name = member.name.text;
        const spec = schema.fields[name];
        if (!spec) {
          this.unknownField(member, schema);
          continue;
        }
        const first = firstSeen.get(name);
        if (first && !spec.repeatable) {
          this.report(Codes.DuplicateField, member.name.range, `'${name}' is already given in this ${label}; remove one of them`, {
            related: [{ uri: this.uri, range: first.range, message: `'${name}' is first given here` }],
            fixes: [{ title: `Remove this '${name}'`, edits: [{ uri: this.uri, range: this.lineRange(member.range), newText: "" }] }],
          });
          continue;
        }
        firstSeen.set(name, member);
        const value = member.value ? reader.read(spec.value, member.value, name) : undefined;
        if (!value) {
          unread.add(name);
          continue;
        }
        // A value breaking its sign rule is reported once and kept out of the model, so no rule
        // downstream (tier order, ladder against notice) reasons from a number nobody agreed.
        if (!this.checkSigns(value, spec.signs, name) || !this.checkPercents(value, spec.percents, name)) {
          unread.add(name);
          continue;
        }
        this.checkItemsOnce(value, name);
        if (spec.unique && !this.firstEntry(entries, name, label, spec.unique, value, member.range)) continue;
        if (spec.repeatable) {
          const values = repeated.get(name);
          if (values) values.push(value);
          else repeated.set(name, [value]);
        } else fields.set(name, value);
      } else if (member.type === "Row") {
        const row = this.row(member, schema, reader);
        const unique = schema.rows?.[member.keyword.text]?.unique;
        if (row?.row === "trigger" && unique) {
          const value: V.Value = { kind: "condition", condition: row.condition, range: member.range };
          if (!this.firstEntry(entries, member.keyword.text, label, unique, value, member.range)) continue;
        }
        if (row) rows.push(row);
        else unread.add(member.keyword.text);
      } else {
        const blockSchema = schema.blocks?.[member.keyword.text];
        if (!blockSchema) {
          const names = Object.keys(schema.blocks ?? {});
          const suggestion = closest(member.keyword.text, names);
          const where = isTopLevelKind(member.keyword.text)
            ? `; ${article(member.keyword.text)} declaration belongs at the top level, not inside ${article(label)}`
            : suggestion
              ? `; did you mean '${suggestion}'?`
              : names.length
                ? ` (blocks allowed: ${names.join(", ")})`
                : "";
          this.report(
            Codes.MisplacedDeclarationPart,
            member.keyword.range,
            `${Article(label)} has no '${member.keyword.text}' block${where}`,
            {
              fixes: suggestion ? [this.replaceFix(member.keyword.range, suggestion)] : undefined,
            },
          );
          continue;
        }
        const block = this.declaration(member, blockSchema, reader);
        const first = firstBlock.get(member.keyword.text);
        if (first && !blockSchema.repeatable) {
          // Checked for its own faults, but kept out of the model: every consumer sees the first one only.
          const word = member.keyword.text;
          this.report(
            Codes.DuplicateField,
            member.keyword.range,
            `${Article(label)} has one '${word}' block; this is a second one: remove one of them`,
            {
              related: [{ uri: this.uri, range: first.keyword.range, message: `The first '${word}' block is here` }],
              fixes: [
                { title: `Remove this '${word}' block`, edits: [{ uri: this.uri, range: this.lineRange(member.range), newText: "" }] },
              ],
            },
          );
          continue;
        }
        firstBlock.set(member.keyword.text, member);
        blocks.push(block);
      }
    }

    // A declaration cut short by a syntax error (already reported) may have lost its fields in the error.
    if (node.closed) {
      for (const [name, spec] of Object.entries(schema.fields)) {
        if (spec.required && !firstSeen.has(name)) this.missingField(node, name, spec);
      }
    }

    return {
      kind: label,
      name: node.name?.text,
      title: node.title?.value,
      subject,
      doc: node.doc,
      uri: this.uri,
      node,
      fields,
      repeated,
      rows,
      blocks,
      unread,
    };
  }

  /**
   * True for the first entry of a repeatable field or row about its thing (a party, a ground); a later
   * one is CV302 with both places, and stays out of the model: the prose, the JSON and eval would
   * otherwise each pick one of the two.
   */
  private firstEntry(
    entries: Map<string, SourceRange>,
    word: string,
    label: string,
    key: EntryKey,
    value: V.Value,
    range: SourceRange,
  ): boolean {
    const identity = entryIdentity(
      key,
      value,
      (role) => this.partyOfRole(role),
      (r) => this.sourceText(r),
    );
    if (!identity) return true;
    const slot = `${word}\u0000${identity.key}`;
    const first = entries.get(slot);
    if (!first) {
      entries.set(slot, range);
      return true;
    }
    this.report(
      Codes.DuplicateField,
      range,
      `This ${label.replace("_", " ")} already has a '${word}' for ${identity.label}; keep one of them${key === "party" ? " (one per party)" : ""}`,
      {
        related: [{ uri: this.uri, range: first, message: `The first '${word}' for ${identity.label}` }],
        fixes: [{ title: `Remove this '${word}'`, edits: [{ uri: this.uri, range: this.lineRange(range), newText: "" }] }],
      },
    );
    return false;
  }

  /** The name of the one party whose role is `role`, if exactly one has it. */
  private partyOfRole(role: string): string | undefined {
    const names: string[] = [];
    for (const symbol of this.symbols.values()) {
      if (symbol.kind !== "party") continue;
      const field = symbol.declaration.members.find((m): m is A.Field => m.type === "Field" && m.name.text === "role");
      const word = field?.value?.type === "Phrase" ? field.value.terms[0] : undefined;
      if (word?.type === "Word" && word.text === role) names.push(symbol.name);
    }
    return names.length === 1 ? names[0] : undefined;
  }

  /**
   * Reports each percentage of a field's or row's value outside the range its schema declares (CV602):
   * a share of a whole above 100% (`declining 125% per year`, `150% of contract_value`), a price
   * movement beyond ±100%. True when there is none; a value out of range stays out of the model.
   */
  private checkPercents(value: V.Value, range: PercentRange | undefined, field: string): boolean {
    const outside = percentsOutOfRange(value, range);
    for (const percent of outside) {
      const whole = percent.range.start.offset === value.range.start.offset && percent.range.end.offset === value.range.end.offset;
      const subject = whole ? `'${field}'` : `The percentage in '${field}'`;
      const { low, high } = percentBounds[range!];
      const need = range === "share" ? `at most ${high}% (a share of a whole)` : `between ${low}% and ${high}%`;
      this.report(
        Codes.PercentOutOfRange,
        percent.range,
        `${subject} must be ${need}, but is ${this.sourceText(percent.range) || percent.written}`,
      );
    }
    return outside.length === 0;
  }

  /** Reports each number of a field's or row's value outside the sign rule its schema declares (CV307); true when there is none. */
  private checkSigns(value: V.Value, rules: SignRules | undefined, field: string): boolean {
    const violations = signViolations(value, rules);
    for (const { number, rule } of violations) {
      const whole = number.range.start.offset === value.range.start.offset && number.range.end.offset === value.range.end.offset;
      const subject = whole ? `'${field}'` : `The ${partWords[number.part]} in '${field}'`;
      const written = this.sourceText(number.range);
      // A written minus is dropped by the fix, except where the number would still be zero and zero is not allowed (`-0 days`).
      const minus =
        number.amount.isNegative() && !(rule === "positive" && number.amount.isZero()) ? this.minusSign(number.range) : undefined;
      const need = rule === "positive" ? "more than zero" : "zero or more";
      this.report(Codes.WrongSign, number.range, `${subject} must be ${need}, but is ${written}${minus ? "; remove the minus sign" : ""}`, {
        fixes: minus ? [{ title: "Remove the minus sign", edits: [{ uri: this.uri, range: minus, newText: "" }] }] : undefined,
      });
    }
    return violations.length === 0;
  }

  /**
   * A list names each country, party or option once (`territory: [JP, JP]`, `recall_costs: [supplier 70%,
   * supplier 30%]`): a second mention would leave readers to pick the first or the last (CV302).
   */
  private checkItemsOnce(value: V.Value, field: string): void {
    const items: { key: string; range: SourceRange }[] =
      value.kind === "territory"
        ? value.countries.map((c) => ({ key: c.code, range: c.range }))
        : value.kind === "allocation"
          ? value.shares.map((s) => ({ key: s.party.name, range: s.party.range }))
          : value.kind === "list"
            ? value.items.flatMap((item) =>
                item.kind === "enum"
                  ? [{ key: item.value, range: item.range }]
                  : item.kind === "reference"
                    ? [{ key: item.name, range: item.range }]
                    : item.kind === "text"
                      ? [{ key: item.value, range: item.range }]
                      : [],
              )
            : [];
    const first = new Map<string, SourceRange>();
    for (const item of items) {
      const earlier = first.get(item.key);
      if (!earlier) {
        first.set(item.key, item.range);
        continue;
      }
      this.report(Codes.DuplicateField, item.range, `'${item.key}' is already given in '${field}'; name it once`, {
        related: [{ uri: this.uri, range: earlier, message: `'${item.key}' is first given here` }],
      });
    }
  }

  private sourceText(range: SourceRange): string {
    return this.input.texts.get(this.uri)?.slice(range.start.offset, range.end.offset) ?? "";
  }

  /** The range of the first minus sign before a digit inside `range` (`USD -1_000` has it after the currency). */
  private minusSign(range: SourceRange): SourceRange | undefined {
    const text = this.sourceText(range);
    const at = text.search(/-\d/);
    if (at < 0) return undefined;
    const start = { offset: range.start.offset + at, line: range.start.line, column: range.start.column + at };
    return { start, end: { offset: start.offset + 1, line: start.line, column: start.column + 1 } };
  }

  private checkHeader(node: A.Declaration, schema: KindSchema): void {
    const label = node.keyword.text;
    if (schema.name === "required" && !node.name)
      this.report(
        Codes.MissingField,
        node.keyword.range,
        `${Article(label)} needs a name after '${label}', such as '${label} ${exampleName(label)}'`,
      );
    if (schema.name === "forbidden" && node.name)
      this.report(Codes.MisplacedDeclarationPart, node.name.range, `${Article(label)} takes no name; remove '${node.name.text}'`);
    if (schema.title === "required" && !node.title)
      this.report(
        Codes.MissingField,
        (node.name ?? node.keyword).range,
        `${Article(label)} needs a title in quotes after ${node.name ? "its name" : `'${label}'`}`,
      );
    if (schema.title === "forbidden" && node.title)
      this.report(Codes.MisplacedDeclarationPart, node.title.range, `${Article(label)} takes no title; remove it`);
    if (schema.subject?.required && !node.subject)
      this.report(
        Codes.MissingField,
        (node.name ?? node.keyword).range,
        `${Article(label)} needs a subject: '${label} ${node.name?.text ?? "name"} for ${schema.subject.kinds[0]}_name'`,
      );
    if (!schema.subject && node.subject)
      this.report(
        Codes.MisplacedDeclarationPart,
        node.subject.range,
        `${Article(label)} takes no 'for' subject; remove 'for ${node.subject.text}'`,
      );
  }

  private unknownField(member: A.Field, schema: KindSchema): void {
    const name = member.name.text;
    const label = schema.kind;
    if (schema.blocks?.[name]) {
      this.report(Codes.MisplacedDeclarationPart, member.name.range, `'${name}' is a block: write '${name} { ... }' without the colon`);
      return;
    }
    const suggestion = closest(name, Object.keys(schema.fields));
    this.report(
      Codes.UnknownField,
      member.name.range,
      `${Article(label)} has no field '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ` (fields: ${Object.keys(schema.fields).join(", ")})`}`,
      {
        fixes: suggestion ? [this.replaceFix(member.name.range, suggestion)] : undefined,
      },
    );
  }

  private missingField(node: A.Declaration, name: string, spec: FieldSpec): void {
    const label = node.keyword.text;
    const example = this.exampleValue(spec.value);
    const fix = this.insertMemberFix(node, `${name}: ${example}`);
    this.report(
      Codes.MissingField,
      (node.name ?? node.keyword).range,
      `${Article(label)} needs '${name}': ${lowerFirst(spec.doc.replace(/\.$/, ""))}`,
      {
        fixes: fix ? [{ title: `Add '${name}: ${example}'`, edits: [fix] }] : undefined,
      },
    );
  }

  /** An edit that inserts a member line just before the declaration's closing brace. */
  private insertMemberFix(node: A.Declaration, member: string): { uri: string; range: SourceRange; newText: string } | undefined {
    const text = this.input.texts.get(this.uri);
    if (!node.closed || text === undefined) return undefined;
    const brace = node.range.end;
    const closeOffset = brace.offset - 1;
    const lineStart = closeOffset - (brace.column - 2);
    const before = text.slice(lineStart, closeOffset);
    const indent = " ".repeat(node.keyword.range.start.column - 1);
    if (/^[ \t]*$/.test(before)) {
      const at = { offset: lineStart, line: brace.line, column: 1 };
      return { uri: this.uri, range: { start: at, end: at }, newText: `${indent}  ${member}\n` };
    }
    const at = { offset: closeOffset, line: brace.line, column: brace.column - 1 };
    return { uri: this.uri, range: { start: at, end: at }, newText: `\n${indent}  ${member}\n${indent}` };
  }

  private lineRange(range: SourceRange): SourceRange {
    const text = this.input.texts.get(this.uri) ?? "";
    let start = range.start.offset;
    while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
    let end = range.end.offset;
    if (text[end] === "\r") end++;
    if (text[end] === "\n") end++;
    return {
      start: { offset: start, line: range.start.line, column: range.start.column - (range.start.offset - start) },
      end:
        end > range.end.offset && text[end - 1] === "\n"
          ? { offset: end, line: range.end.line + 1, column: 1 }
          : { offset: end, line: range.end.line, column: range.end.column + (end - range.end.offset) },
    };
  }

  private exampleValue(type: ValueType): string {
    switch (type.type) {
      case "text":
        return '""';
      case "date":
        return "2026-01-01";
      case "bool":
        return "false";
      case "integer":
        return "1";
      case "percent":
        return "0%";
      case "duration":
        return "1 year";
      case "money":
        return "USD 0.00";
      case "currency":
        return "USD";
      case "country":
        return "US";
      case "territory":
        return "[US]";
      case "unit":
        return "unit";
      case "enum":
        return type.values[0] ?? "";
      case "reference": {
        const symbol = [...this.symbols.values()].find((s) => type.kinds.includes(s.kind));
        return symbol?.name ?? (type.kinds.includes("party") ? "supplier" : `${type.kinds[0]}_name`);
      }
      case "list":
        return `[${this.exampleValue(type.of)}]`;
      case "target":
        return ">= 0%";
      case "amount":
        return "0% of invoice";
      case "step":
        return "1% below target";
      case "condition":
      case "cause":
        return "insolvency of any party";
      case "convenience":
        return "buyer with notice 90 days";
      case "action":
        return "notify";
      case "rounding":
        return "half_up to 2 decimals";
      case "every":
        return "every 12 months";
      case "payment":
        return "USD 0.00 to supplier";
      case "volume":
        return "1 unit per year";
      case "shortfall":
        return "0% of price";
      case "allocation":
        return "by fault";
      case "quantity":
        return "1 unit";
    }
  }

  /**
   * `step 60 days: notify supplier` parses as a row `step 60` and a field `days: notify supplier`,
   * because a word before a colon starts a field. A row that needs a value but has none, followed on
   * the same line by such a field, is one row written wrongly: it is read as one, so the row's own
   * finding says what is wrong and no "unknown field" follows.
   */
  private joinSplitRows(members: readonly A.Member[], schema: KindSchema): A.Member[] {
    const joined: A.Member[] = [];
    for (let i = 0; i < members.length; i++) {
      const member = members[i]!;
      const next = members[i + 1];
      if (
        member.type === "Row" &&
        !member.value &&
        member.head?.type === "Phrase" &&
        schema.rows?.[member.keyword.text]?.value &&
        next?.type === "Field" &&
        !schema.fields[next.name.text] &&
        next.range.start.line === member.range.end.line
      ) {
        const word: A.Word = { type: "Word", text: next.name.text, range: next.name.range };
        const terms = [...member.head.terms, word];
        const head: A.Phrase = { type: "Phrase", terms, range: { start: member.head.range.start, end: word.range.end } };
        joined.push({ ...member, head, value: next.value, range: { start: member.range.start, end: next.range.end } });
        i++;
      } else joined.push(member);
    }
    return joined;
  }

  private row(member: A.Row, schema: KindSchema, reader: ValueReader): RowModel | undefined {
    const word = member.keyword.text;
    const spec = schema.rows?.[word];
    if (!spec) {
      const owner = Object.values(kindSchemas).find((k) => k.rows?.[word]);
      this.report(
        Codes.MisplacedDeclarationPart,
        member.keyword.range,
        `${Article(schema.kind)} has no '${word}' rows${owner ? `; they belong in ${article(owner.kind)}` : ""}`,
      );
      return undefined;
    }
    if (!member.head) return undefined;
    switch (spec.head) {
      case "range": {
        const band = this.band(member.head);
        if (!band) return undefined;
        if (!member.value) {
          this.report(
            Codes.WrongType,
            member.range,
            `A ${word} row needs its ${word === "tier" ? "price" : "rate"} after a colon: '${word} 1 .. 9_999: ${word === "tier" ? "USD 100.00" : "3%"}'`,
          );
          return undefined;
        }
        const bandSigned = this.checkSigns(band, spec.signs, word);
        const price = reader.read(spec.value === "money" ? { type: "money" } : { type: "percent" }, member.value, word);
        if (!price || (price.kind !== "money" && price.kind !== "percent")) return undefined;
        if (!this.checkSigns(price, spec.signs, word) || !bandSigned || !this.checkPercents(price, spec.percents, word)) return undefined;
        return { row: word as BandRow["row"], band, price, node: member } satisfies BandRow;
      }
      case "trigger": {
        if (member.value)
          this.report(Codes.WrongType, member.value.range, "A trigger is a single condition; remove the colon and what follows");
        const condition = reader.condition(member.head);
        if (!condition || !this.checkSigns({ kind: "condition", condition, range: member.head.range }, spec.signs, word)) return undefined;
        return { row: "trigger", condition, node: member };
      }
      case "day": {
        const terms = member.head.type === "Phrase" ? member.head.terms : [];
        const [dayWord, number] = terms;
        const day = number?.type === "Number" ? toDecimal(number.digits) : undefined;
        if (terms.length === 2 && dayWord?.type === "Word" && dayWord.text === "day" && day?.isNegative() && number) {
          // `step day -15:` is written right but counts backwards from the start of the ladder (CV307, as every sign rule).
          const minus = this.minusSign(number.range);
          this.report(
            Codes.WrongSign,
            number.range,
            `The day of a step must be zero or more, but is ${this.sourceText(number.range)}; remove the minus sign`,
            {
              fixes: minus ? [{ title: "Remove the minus sign", edits: [{ uri: this.uri, range: minus, newText: "" }] }] : undefined,
            },
          );
          return undefined;
        }
        if (terms.length !== 2 || dayWord?.type !== "Word" || dayWord.text !== "day" || !day || !day.isInteger() || day.isNegative()) {
          const days = stepDays(terms);
          const written = days.day !== undefined ? `day ${days.day}` : undefined;
          this.report(
            Codes.WrongType,
            member.head.range,
            `A step starts with its day, such as 'step day 15: notify supplier', but found ${describeExpression(member.head)}${written ? `; write '${written}'` : days.why ? `; ${days.why}` : ""}`,
            {
              fixes: written
                ? [{ title: `Write '${written}'`, edits: [{ uri: this.uri, range: member.head.range, newText: written }] }]
                : undefined,
            },
          );
          return undefined;
        }
        if (!member.value || member.value.type !== "Phrase") {
          this.report(
            Codes.WrongType,
            member.range,
            "A step needs an action after a colon, such as 'notify supplier' or 'review by steering_committee'",
          );
          return undefined;
        }
        const action = reader.action(member.value.terms, "step", true);
        if (!action || !this.checkSigns(action, spec.signs, word)) return undefined;
        return { row: "step", day, action, node: member };
      }
    }
  }

  private band(head: A.Expression): V.RangeValue | undefined {
    const terms = head.type === "Phrase" ? head.terms : [];
    const [range] = terms;
    if (terms.length !== 1 || range?.type !== "Range") {
      this.report(
        Codes.WrongType,
        head.range,
        `A band is a range of volume such as '1 .. 9_999' or '50_000 ..', but found ${describeExpression(head)}`,
      );
      return undefined;
    }
    const low = toDecimal(range.low.digits);
    const high = range.high ? toDecimal(range.high.digits) : undefined;
    if (!low || (range.high && !high)) return undefined;
    return { kind: "range", low, high, lowWritten: range.low.text, highWritten: range.high?.text, range: range.range };
  }
}

/** How a message names the part of a value a number belongs to. */
const partWords: Readonly<Record<SignPart, string>> = { amount: "amount", time: "duration", level: "level", band: "band" };

function exampleName(kind: string): string {
  return (
    {
      party: "supplier",
      product: "airbag",
      pricing: "airbag_price",
      kpi: "on_time",
      event: "port_closure",
      milestone: "sop",
      escalation: "ladder",
    }[kind] ?? `my_${kind}`
  );
}

/** Lower-cases the first letter only, so codes such as ISO or CO2e keep their capitals. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
