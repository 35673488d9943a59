import type { CheckedDocument } from "@covenant/core";
import { firstProblems, parseFactsFile, type FactsProblem } from "./facts-json.js";
import { factsSchema, needsInvoice } from "./facts-schema.js";
import { readFacts, type Facts } from "./facts.js";
import { validateFacts } from "./validate-facts.js";

/**
 * Reads a facts file for a contract: JSON syntax, then the contract's facts schema, then calendar
 * dates and the invoices that shares of invoice need. The first stage with problems stops the reading; every problem has a line and column,
 * and at most `maxFactsProblems` are reported.
 */
export function readFactsFor(document: CheckedDocument, text: string): { facts: Facts } | { problems: readonly FactsProblem[] } {
  const file = parseFactsFile(text);
  if (file.problems.length > 0) return { problems: firstProblems(file.problems) };
  const invalid = validateFacts(file, factsSchema(document));
  if (invalid.length > 0) return { problems: firstProblems(invalid) };
  const invoiceKpis = new Set(document.declarations.filter((d) => d.kind === "kpi" && d.name && needsInvoice(d)).map((d) => d.name!));
  const { facts, problems } = readFacts(file, invoiceKpis);
  return problems.length > 0 ? { problems: firstProblems(problems) } : { facts };
}
