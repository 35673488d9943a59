import { currencyInfo, type CheckedDocument } from "@covenant/core";
import { firstProblems, parseFactsFile, problemAt, type FactsFile, type FactsProblem } from "./facts-json.js";
import { factsSchema, needsInvoice } from "./facts-schema.js";
import { kpiPeriodOf } from "./kpi-periods.js";
import { readFacts, type Facts } from "./facts.js";
import { validateFacts } from "./validate-facts.js";

/**
 * Reads a facts file for a contract: JSON syntax, then the contract's facts schema, then calendar
 * dates, KPI periods (each in the KPI's form, each once) and the invoices that shares of invoice need, then amounts: no negative volume, purchase or
 * invoice, no invoice finer than the contract currency's minor units. The first stage with problems
 * stops the reading; every problem has a line and column, and at most `maxFactsProblems` are reported.
 */
export function readFactsFor(document: CheckedDocument, text: string): { facts: Facts } | { problems: readonly FactsProblem[] } {
  const file = parseFactsFile(text);
  if (file.problems.length > 0) return { problems: firstProblems(file.problems) };
  const invalid = validateFacts(file, factsSchema(document));
  if (invalid.length > 0) return { problems: firstProblems(invalid) };
  const invoiceKpis = new Set(document.declarations.filter((d) => d.kind === "kpi" && d.name && needsInvoice(d)).map((d) => d.name!));
  const kpiPeriods = new Map(
    document.declarations.filter((d) => d.kind === "kpi" && d.name).map((d) => [d.name!, kpiPeriodOf(d)] as const),
  );
  const { facts, problems } = readFacts(file, invoiceKpis, kpiPeriods);
  if (problems.length > 0) return { problems: firstProblems(problems) };
  const amounts = [...negativeQuantities(file, facts), ...invoicesFinerThanCurrency(file, document, facts)];
  return amounts.length > 0 ? { problems: firstProblems(amounts.sort((a, b) => a.line - b.line || a.column - b.column)) } : { facts };
}

/**
 * Volumes, purchases and invoices are counts and amounts of what happened: never below zero (a
 * negative purchase would inflate a shortfall). Index movements and measurements may be negative.
 */
function negativeQuantities(file: FactsFile, facts: Facts): FactsProblem[] {
  const problems: FactsProblem[] = [];
  for (const key of ["volumes", "royalties", "purchases"] as const) {
    for (const [name, value] of facts[key]) {
      if (value.isNegative()) problems.push(problemAt(file, [key, name], `'${key}.${name}' cannot be negative: it is ${value.toFixed()}`));
    }
  }
  for (const [name, periods] of facts.kpis) {
    periods.forEach((period, i) => {
      if (period.invoice?.isNegative())
        problems.push(
          problemAt(
            file,
            ["kpis", name, i, "invoice"],
            `'kpis.${name}.${i}.invoice' cannot be negative: it is ${period.invoice.toFixed()}`,
          ),
        );
    });
  }
  return problems;
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
