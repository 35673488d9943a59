import { compareDates, isoDate, type CalendarDate, type DeclarationModel, type StepRow } from "@covenant/core";
import { valueText } from "../diff/value-text.js";
import { addDays } from "./amounts.js";
import type { EscalationResult } from "./model.js";

/**
 * An escalation ladder from the day a failure occurred (day 0): each step's date, and whether
 * `as_of` has reached it.
 */
export function evaluateEscalation(
  ladder: DeclarationModel,
  started: CalendarDate,
  startedBy: string,
  asOf: CalendarDate | undefined,
): EscalationResult {
  const steps = ladder.rows
    .filter((r): r is StepRow => r.row === "step")
    .map((row) => {
      const date = addDays(started, row.day.toNumber());
      return {
        day: row.day,
        date: isoDate(date),
        action: valueText(row.action),
        reached: asOf !== undefined && compareDates(asOf, date) >= 0,
      };
    });
  const trace = [`day 0 is ${isoDate(started)}: ${startedBy}`];
  if (!asOf) trace.push("no as_of given: the step dates are listed, none is marked reached");
  for (const step of steps)
    trace.push(`day ${step.day.toString()} (${step.date}): ${step.action} — ${step.reached ? "reached" : "not reached"}`);
  return { escalation: ladder.name ?? "?", started: isoDate(started), startedBy, steps, trace };
}
