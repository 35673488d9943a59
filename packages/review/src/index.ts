/**
 * @covenant/review: reading contracts as a reviewer does. `diffDocuments` compares two checked
 * contracts as terms (renderers for a terminal, a pull request and JSON; a terms listing for git's
 * textconv); `redline` marks up the compiled prose word by word; `evaluate` applies a contract to
 * facts (volumes, index movements, KPI measurements, events, dates) with exact decimals.
 */
export type * from "./diff/model.js";
export { isEmptyDiff } from "./diff/model.js";
export { diffDocuments } from "./diff/compare.js";
export { flattenDocument, type DeclarationTerms, type Term } from "./diff/terms.js";
export { renderDiffText, summaryText } from "./diff/render-text.js";
export { renderDiffMarkdown } from "./diff/render-markdown.js";
export { renderDiffJson } from "./diff/render-json.js";
export { renderTermsListing } from "./diff/listing.js";
export { renderLineDiff } from "./diff/line-diff.js";
export { valueText, conditionText } from "./diff/value-text.js";
export type * from "./eval/model.js";
export { evaluate } from "./eval/evaluate.js";
export { readFactsFor } from "./eval/apply-facts.js";
export { factsSchema, type JsonSchema } from "./eval/facts-schema.js";
export type { Facts } from "./eval/facts.js";
export { maxFactsBytes, maxFactsProblems, type FactsProblem } from "./eval/facts-json.js";
export { renderEvalText } from "./eval/render-text.js";
export { renderEvalJson } from "./eval/render-json.js";
export {
  redlineProse,
  redlineWord,
  type Redline,
  type RedlineFormat,
  type RedlineOptions,
  type WordRedlineOptions,
} from "./redline/redline.js";
export { redlineDocx, type Revision, type DocxRedlineOptions } from "./redline/docx-redline.js";
