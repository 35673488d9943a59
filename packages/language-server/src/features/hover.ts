import {
  countryName,
  currencyInfo,
  dateOf,
  relativePath,
  resolveImport,
  type BandRow,
  type DeclarationModel,
  type Node,
  type ReferenceSite,
  type SourceRange,
  type SymbolInfo,
  type Value,
} from "@covenant/core";
import { markdownCode, markdownInline, markdownParagraph } from "@covenant/compiler";
import { MarkupKind, type Hover, type HoverParams } from "vscode-languageserver";
import type { CheckedView } from "../documents.js";
import { daysFrom, daysText, describeValue, effectiveDate, grouped, signRulesText, typeName } from "../describe.js";
import { enclosingDeclarations, innermost, nodePathAt, offsetAt, toLspRange } from "../positions.js";
import { semanticIndex, type SemanticIndex } from "../semantic-index.js";
import { clauseProse } from "./preview.js";
import { schemaOf } from "./schema-lookup.js";

/**
 * Hover: what the thing under the cursor is and what it resolves to. A reference shows its
 * declaration (kind, title, doc comment, typed fields); a field shows its type and its value as
 * the checker read it (a duration also in days, a tier its band, width and price); a code its name.
 * What the author wrote (titles, doc comments, text values) is escaped as Markdown text, and every
 * value and the clause's prose are bounded, so a 70,000-term condition gives a screenful.
 */
export function hover(view: CheckedView, params: HoverParams): Hover | null {
  const offset = offsetAt(view.parsed.lines, params.position);
  const index = semanticIndex(view.checked);
  const path = nodePathAt(view.parsed.file, offset);
  const leaf = path[path.length - 1];
  if (!leaf || leaf.type === "SourceFile") return null;
  const answer = (value: string, at: { readonly range: SourceRange }): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: toLspRange(at.range),
  });

  const statement = innermost(path, "Import");
  if (statement?.path) {
    const target = resolveImport(view.path, statement.path.value);
    const file = view.checked.files.find((f) => f.uri === target);
    const summary = file ? `${file.declarations.length} declaration${file.declarations.length === 1 ? "" : "s"}` : "not found";
    return answer(`**import** ${markdownCode(relativePath(view.workspace.root, target))} — ${summary}`, statement.path);
  }

  const site = index.referenceAt(view.path, offset);
  if (site) return answer(referenceHover(site, index, view), site);

  const named = index.symbolNamedAt(view.path, offset);
  if (named) return answer(symbolHover(named, index, view), { range: named.nameRange });

  const chain = enclosingDeclarations(path);
  const declaration = chain[chain.length - 1];
  if (!declaration) return null;
  const schema = schemaOf(chain);
  const model = index.modelOf(declaration);

  if (leaf === declaration.keyword) {
    if (!schema) return null;
    return answer(
      [`**${schema.kind}** — ${schema.doc}`, ...(model ? [modelSummary(model, view), ...prose(model, view)] : [])].join("\n\n"),
      leaf,
    );
  }

  const field = innermost(path, "Field");
  if (field) {
    const spec = schema?.fields[field.name.text];
    if (!spec) return null;
    const value =
      model?.fields.get(field.name.text) ??
      model?.repeated.get(field.name.text)?.find((v) => v.range.start.offset >= field.range.start.offset);
    const signs = signRulesText(spec.signs);
    const lines = [
      `**${field.name.text}**: ${typeName(spec.value)}${spec.required ? " (required)" : ""}`,
      signs ? `${spec.doc} ${signs}` : spec.doc,
    ];
    if (value) lines.push(valueLine(value, view, leaf));
    return answer(lines.join("\n\n"), leaf === field.name ? leaf : field);
  }

  const row = innermost(path, "Row");
  if (row) {
    const spec = schema?.rows?.[row.keyword.text];
    const modelRow = model?.rows.find((r) => r.node === row);
    const signs = spec && signRulesText(spec.signs);
    const lines = [`**${row.keyword.text}** row${spec ? ` — ${spec.doc}${signs ? ` ${signs}` : ""}` : ""}`];
    if (modelRow?.row === "tier" || modelRow?.row === "royalty") lines.push(bandLine(modelRow, model!, view));
    else if (modelRow?.row === "step")
      lines.push(markdownInline(`Day ${grouped(modelRow.day)}: ${bounded(describeValue(modelRow.action))}`));
    else if (modelRow?.row === "trigger")
      lines.push(markdownInline(bounded(describeValue({ kind: "condition", condition: modelRow.condition, range: row.range }))));
    return answer(lines.join("\n\n"), row);
  }
  return null;
}

/** A field's value, and for a code word under the cursor its name. */
function valueLine(value: Value, view: CheckedView, leaf: Node): string {
  if (leaf.type === "Word" && /^[A-Z]{2,3}$/.test(leaf.text)) {
    const name = currencyInfo(leaf.text)?.name ?? countryName(leaf.text);
    if (name) return `\`${leaf.text}\`: ${name}`;
  }
  const from = effectiveDate(view.checked);
  let line = `Value: ${markdownInline(bounded(describeValue(value)))}`;
  if (value.kind === "duration" && value.unit !== "days") {
    const days = daysText(value, from);
    if (days)
      line += ` = ${days}${value.unit === "months" || value.unit === "years" || value.unit === "business_days" ? " from the effective date" : ""}`;
  }
  if (value.kind === "date" && from) {
    const days = daysFrom(from, dateOf(value));
    if (days !== 0) line += ` — ${grouped(String(Math.abs(days)))} days ${days > 0 ? "after" : "before"} the effective date`;
  }
  return line;
}

/** `1 to 9,999 module (9,999 wide) at USD 182.00 per module`. */
function bandLine(row: BandRow, pricing: DeclarationModel, view: CheckedView): string {
  const unit = pricedUnit(pricing, view) ?? "units";
  const band = describeValue(row.band);
  const width = row.band.high ? ` — ${grouped(row.band.high.minus(row.band.low).plus(1))} ${unit} wide` : "";
  const price = row.price.kind === "money" ? `${describeValue(row.price)} per ${unit}` : `${describeValue(row.price)} royalty`;
  return `Band ${band} ${unit}${width}; price ${price}`;
}

/** The unit a pricing is counted in: its product's `unit`. */
export function pricedUnit(pricing: DeclarationModel, view: CheckedView): string | undefined {
  if (!pricing.subject) return undefined;
  const product = view.checked.symbols.get(pricing.subject.name);
  const model = product && semanticIndex(view.checked).modelOf(product.declaration);
  const unit = model?.fields.get("unit");
  return unit?.kind === "unit" ? unit.unit : undefined;
}

function referenceHover(site: ReferenceSite, index: SemanticIndex, view: CheckedView): string {
  if (site.target) return symbolHover(site.target, index, view);
  if (site.role) {
    const parties = index.partiesWithRole(site.role);
    const who = parties.length
      ? parties.map((p) => `${markdownCode(p.name ?? "")}${p.title ? ` (${markdownInline(p.title)})` : ""}`).join(", ")
      : "no party has this role yet";
    return `**${site.role}** — the party whose role is ${site.role}: ${who}`;
  }
  return `\`${site.name}\` — unknown; a ${site.expected.join(" or ")} is expected here`;
}

function symbolHover(symbol: SymbolInfo, index: SemanticIndex, view: CheckedView): string {
  const model = index.modelOf(symbol.declaration);
  const title = symbol.declaration.title ? ` — "${markdownInline(symbol.declaration.title.value)}"` : "";
  const lines = [`**${symbol.kind.replace("_", " ")}** ${markdownCode(symbol.name)}${title}`];
  if (symbol.declaration.doc) lines.push(docText(symbol.declaration.doc));
  if (model) lines.push(modelSummary(model, view), ...prose(model, view));
  if (symbol.uri !== view.path)
    lines.push(`Declared in ${markdownCode(relativePath(view.workspace.root, symbol.uri))}, line ${symbol.nameRange.start.line}`);
  return lines.join("\n\n");
}

/** The declaration's typed fields and rows, one per line (at most a screenful). */
function modelSummary(model: DeclarationModel, view: CheckedView): string {
  const lines: string[] = [];
  let hidden = 0;
  const item = (text: string): void => {
    if (lines.length < 16) lines.push(`- ${markdownInline(bounded(text))}`);
    else lines[16] = `- … ${++hidden} more`;
  };
  if (model.subject) item(`for: ${model.subject.name}`);
  for (const [name, value] of model.fields) item(`${name}: ${describeValue(value)}${durationSuffix(value, view)}`);
  for (const [name, values] of model.repeated) for (const value of values) item(`${name}: ${describeValue(value)}`);
  for (const row of model.rows) {
    if (row.row === "tier" || row.row === "royalty") item(`${row.row} ${describeValue(row.band)}: ${describeValue(row.price)}`);
    else if (row.row === "step") item(`step day ${grouped(row.day)}: ${describeValue(row.action)}`);
    else if (row.row === "trigger")
      item(`trigger: ${describeValue({ kind: "condition", condition: row.condition, range: row.node.range })}`);
  }
  for (const block of model.blocks)
    item(
      `${block.kind}${block.name ? ` ${block.name}` : ""} { ${[...block.fields].map(([n, v]) => `${n}: ${describeValue(v)}`).join("; ")} }`,
    );
  return lines.join("\n");
}

/** The clause as it will read in the compiled contract (only once the document compiles without errors). */
function prose(model: DeclarationModel, view: CheckedView): string[] {
  const text = clauseProse(view.checked, model);
  return text ? ["---", `*As it will read:*\n\n${boundedProse(text)}`] : [];
}

/** Characters of one value a hover shows; a longer value is cut at a space and ends with "…". */
const valueLimit = 400;
/** Characters of compiled prose a hover shows, whole paragraphs while they fit. */
const proseLimit = 4_000;

/** `text` cut to `limit` characters at a space, with "…", when longer. */
function bounded(text: string, limit = valueLimit): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf(" ", limit);
  return `${text.slice(0, cut > limit / 2 ? cut : limit)} …`;
}

/** Compiled Markdown cut after the last whole paragraph that fits, or its first paragraph bounded at a space. */
function boundedProse(markdown: string): string {
  if (markdown.length <= proseLimit) return markdown;
  const end = markdown.lastIndexOf("\n\n", proseLimit);
  return end > 0 ? `${markdown.slice(0, end)}\n\n…` : bounded(markdown, proseLimit);
}

/** A doc comment as Markdown text: each line escaped, so the author's words cannot add links, HTML or headings. */
function docText(doc: string): string {
  return doc
    .split(/\r?\n/)
    .map((line) => markdownParagraph(markdownInline(line)))
    .join("\n");
}

function durationSuffix(value: Value, view: CheckedView): string {
  if (value.kind !== "duration" || value.unit === "days") return "";
  const days = daysText(value, effectiveDate(view.checked));
  return days ? ` (${days})` : "";
}
