import type { CalendarDate, Decimal } from "@covenant/core";
import { kpiPeriodLabels, kpiPeriodOrdinal, type KpiPeriod } from "./kpi-periods.js";
import { exactDecimal, factNumberProblem, nodeAt, problemAt, type FactsFile, type FactsProblem } from "./facts-json.js";

/** Facts after validation: exact decimals and calendar dates, keyed by the contract's names. */
export interface Facts {
  readonly asOf: CalendarDate | undefined;
  readonly volumes: ReadonlyMap<string, Decimal>;
  readonly indices: ReadonlyMap<string, Decimal>;
  readonly royalties: ReadonlyMap<string, Decimal>;
  readonly kpis: ReadonlyMap<string, readonly KpiMeasurement[]>;
  readonly events: ReadonlyMap<string, EventMeasurement>;
  readonly milestones: ReadonlyMap<string, { readonly delivered: CalendarDate | undefined }>;
  readonly purchases: ReadonlyMap<string, Decimal>;
  readonly parties: ReadonlyMap<string, { readonly insolvent: boolean; readonly changeOfControl: boolean }>;
  readonly obligations: ReadonlyMap<string, { readonly breaches: number; readonly missed: boolean }>;
  readonly escalations: ReadonlyMap<string, { readonly started: CalendarDate }>;
}

export interface KpiMeasurement {
  /** The period as the facts name it (`2026-05`). */
  readonly period: string;
  /** Its place on the calendar, in periods of the KPI (kpi-periods.ts): adjacent periods differ by one. */
  readonly ordinal: number;
  readonly value: Decimal;
  readonly invoice: Decimal | undefined;
}

export interface EventMeasurement {
  readonly value: Decimal;
  readonly since: CalendarDate | undefined;
}

type Json = Record<string, unknown>;

/**
 * Reads facts that passed schema validation into typed facts. Numbers come from their source text;
 * dates are checked against the calendar (2027-02-30 is reported at its position), and KPIs whose
 * amounts are a share of invoice (`invoiceKpis`) need each period's invoice. Each KPI measurement
 * names a period of the KPI's own (`kpiPeriods`, written as kpi-periods.ts says), each period once.
 */
export function readFacts(
  file: FactsFile,
  invoiceKpis: ReadonlySet<string>,
  kpiPeriods: ReadonlyMap<string, KpiPeriod>,
): { facts: Facts; problems: FactsProblem[] } {
  const problems: FactsProblem[] = [];
  const root = (file.value ?? {}) as Json;
  // JSON numbers were bounded when the file was parsed; a decimal string is bounded here, where it is known to be one.
  const decimal = (path: (string | number)[]): Decimal => {
    const value = exactDecimal(file, path)!;
    const node = nodeAt(file, path);
    const outOfBounds = node?.type === "string" ? factNumberProblem(String(node.value)) : undefined;
    if (outOfBounds) problems.push(problemAt(file, path, `'${path.join(".")}' ${outOfBounds}`));
    return value;
  };
  const date = (path: (string | number)[], text: string): CalendarDate | undefined => {
    const parsed = calendarDate(text);
    if (!parsed) problems.push(problemAt(file, path, `'${path.join(".")}' is not a calendar date: ${text}`));
    return parsed;
  };
  // A KPI period is named in the KPI's form and measured once; the first measurement of each period, by place on the calendar.
  const measured = new Map<string, Map<number, number>>();
  const periodOrdinal = (kpi: string, index: number, label: string): number => {
    const period = kpiPeriods.get(kpi) ?? "monthly";
    const ordinal = kpiPeriodOrdinal(period, label);
    const path = ["kpis", kpi, index, "period"];
    if (ordinal === undefined) {
      const { form, example, one } = kpiPeriodLabels[period];
      problems.push(
        problemAt(
          file,
          path,
          `'${path.join(".")}' is not ${one}: it is "${label}"; ${kpi} is measured ${period.replace("_", "-")}, so write ${form}, such as ${example}`,
        ),
      );
      return Number.NaN;
    }
    const seen = measured.get(kpi) ?? new Map<number, number>();
    measured.set(kpi, seen);
    const first = seen.get(ordinal);
    if (first === undefined) seen.set(ordinal, index);
    else {
      const at = problemAt(file, ["kpis", kpi, first, "period"], "");
      problems.push(
        problemAt(
          file,
          path,
          `'${path.join(".")}' measures ${label} again (first at line ${at.line}, column ${at.column}, as 'kpis.${kpi}.${first}'); give each period once`,
        ),
      );
    }
    return ordinal;
  };
  const entries = (key: string): [string, unknown][] => Object.entries((root[key] ?? {}) as Json);
  const numbers = (key: string): Map<string, Decimal> => new Map(entries(key).map(([name]) => [name, decimal([key, name])]));

  const facts: Facts = {
    asOf: typeof root["as_of"] === "string" ? date(["as_of"], root["as_of"]) : undefined,
    volumes: numbers("volumes"),
    indices: numbers("indices"),
    royalties: numbers("royalties"),
    purchases: numbers("purchases"),
    kpis: new Map(
      entries("kpis").map(([name, periods]) => [
        name,
        (periods as Json[]).map((p, i) => {
          if (p["invoice"] === undefined && invoiceKpis.has(name)) {
            problems.push(
              problemAt(file, ["kpis", name, i], `'kpis.${name}.${i}' needs 'invoice': ${name}'s penalty or bonus is a share of invoice`),
            );
          }
          return {
            period: String(p["period"]),
            ordinal: periodOrdinal(name, i, String(p["period"])),
            value: decimal(["kpis", name, i, "value"]),
            invoice: p["invoice"] !== undefined ? decimal(["kpis", name, i, "invoice"]) : undefined,
          };
        }),
      ]),
    ),
    events: new Map(
      entries("events").map(([name, fact]) => {
        if (typeof fact !== "object" || fact === null) return [name, { value: decimal(["events", name]), since: undefined }];
        const since = (fact as Json)["since"];
        return [
          name,
          {
            value: decimal(["events", name, "value"]),
            since: typeof since === "string" ? date(["events", name, "since"], since) : undefined,
          },
        ];
      }),
    ),
    milestones: new Map(
      entries("milestones").map(([name, fact]) => {
        const delivered = (fact as Json)["delivered"];
        return [name, { delivered: typeof delivered === "string" ? date(["milestones", name, "delivered"], delivered) : undefined }];
      }),
    ),
    parties: new Map(
      entries("parties").map(([name, fact]) => [
        name,
        { insolvent: (fact as Json)["insolvent"] === true, changeOfControl: (fact as Json)["change_of_control"] === true },
      ]),
    ),
    obligations: new Map(
      entries("obligations").map(([name, fact]) => [
        name,
        { breaches: Number((fact as Json)["breaches"] ?? 0), missed: (fact as Json)["missed"] === true },
      ]),
    ),
    escalations: new Map(
      entries("escalations").flatMap(([name, fact]) => {
        const started = date(["escalations", name, "started"], String((fact as Json)["started"]));
        return started ? [[name, { started }] as const] : [];
      }),
    ),
  };
  return { facts, problems };
}

/** `2026-10-01` as a calendar date, or undefined when there is no such day. */
export function calendarDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { year, month, day };
}
