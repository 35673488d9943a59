import { currencyInfo, type CheckedDocument } from "@covenant/core";
import { parseFactsFile, problemAt, type FactsFile, type FactsProblem } from "./facts-json.js";
import { factsSchema, needsInvoice } from "./facts-schema.js";
import { readFacts, type Facts } from "./facts.js";
import { validateFacts } from "./validate-facts.js";

/**
 * Reads a facts file for a contract: JSON syntax, then the contract's facts schema, then calendar
 * dates and the invoices that shares of invoice need (in the contract currency's minor units). The first stage with problems stops the reading; every problem has a line and column.
 */
export function readFactsFor(document: CheckedDocument, text: string): { facts: Facts } | { problems: readonly FactsProblem[] } {
  const file = parseFactsFile(text);
  if (file.problems.length > 0) return { problems: file.problems };
  const invalid = validateFacts(file, factsSchema(document));
  if (invalid.length > 0) return { problems: invalid };
  const invoiceKpis = new Set(document.declarations.filter((d) => d.kind === "kpi" && d.name && needsInvoice(d)).map((d) => d.name!));
  const { facts, problems } = readFacts(file, invoiceKpis);
  if (problems.length > 0) return { problems };
  const finer = invoicesFinerThanCurrency(file, document, facts);
  return finer.length > 0 ? { problems: finer } : { facts };
}

/** Invoices are in the contract currency: one with more decimals than it has minor units was never invoiced. */
function invoicesFinerThanCurrency(file: FactsFile, document: CheckedDocument, facts: Facts): FactsProblem[] {
  const currencyValue = document.contract?.fields.get("currency");
  const currency = currencyValue?.kind === "code" ? currencyValue.code : undefined;
  const digits = currency ? currencyInfo(currency)?.digits : undefined;
  if (currency === undefined || digits === undefined) return [];
  const problems: FactsProblem[] = [];
  for (const [name, periods] of facts.kpis) {
    periods.forEach((period, i) => {
      if (period.invoice === undefined || period.invoice.decimalPlaces() <= digits) return;
      const allowed = digits === 0 ? `${currency} has no minor unit` : `${currency} has ${digits} decimal places`;
      problems.push(
        problemAt(file, ["kpis", name, i, "invoice"], `'kpis.${name}.${i}.invoice' is finer than an invoice can be: ${allowed}`),
      );
    });
  }
  return problems;
}
