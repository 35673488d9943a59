import { dateOf, type CalendarDate, type Condition, type DeclarationModel, type SourceRange, type Value } from "@covenant/core";
import { InlayHintKind, type InlayHint, type InlayHintParams } from "vscode-languageserver";
import type { CheckedView } from "../documents.js";
import { daysFrom, daysText, effectiveDate, grouped } from "../describe.js";
import { offsetAt, toLspPosition } from "../positions.js";
import { pricedUnit } from "./hover.js";

/**
 * Inlay hints where a value is derived rather than written: a duration in weeks, months or years
 * counted in days (months and years from the effective date), the width of a closed tier band in
 * the product's unit, and how many days after the effective date a dated deliverable falls.
 */
export function inlayHints(view: CheckedView, params: InlayHintParams): InlayHint[] {
  const from = offsetAt(view.parsed.lines, params.range.start);
  const to = offsetAt(view.parsed.lines, params.range.end);
  const effective = effectiveDate(view.checked);
  const hints: InlayHint[] = [];
  const hint = (at: SourceRange, label: string): void => {
    if (at.end.offset < from || at.end.offset > to) return;
    hints.push({ position: toLspPosition(at.end), label, kind: InlayHintKind.Type, paddingLeft: true });
  };

  const durations = (value: Value): void => {
    switch (value.kind) {
      case "duration":
        if (value.unit !== "days") {
          const days = daysText(value, effective);
          if (days) hint(value.range, `= ${days}`);
        }
        return;
      case "list":
        value.items.forEach(durations);
        return;
      case "comparison":
        durations(value.operand);
        return;
      case "condition":
        conditionDurations(value.condition);
        return;
      case "cause":
        conditionDurations(value.condition);
        if (value.cure) durations(value.cure);
        return;
      case "convenience":
        durations(value.notice);
        return;
      case "action":
        if (value.within) durations(value.within);
        if (value.for) durations(value.for);
        return;
      case "every":
        durations(value.interval);
        return;
      case "credit":
        durations(value.expires);
        return;
      default:
    }
  };
  const conditionDurations = (condition: Condition): void => {
    if (condition.form === "all" || condition.form === "any") condition.operands.forEach(conditionDurations);
    else if (condition.form === "not") conditionDurations(condition.operand);
    else if (condition.form === "lasting") durations(condition.duration);
  };

  const visit = (model: DeclarationModel, pricing: DeclarationModel | undefined): void => {
    for (const [name, value] of model.fields) {
      durations(value);
      if (value.kind === "date" && effective && !(model.kind === "contract" && name === "effective"))
        dated(value.range, dateOf(value), effective);
    }
    for (const values of model.repeated.values()) values.forEach(durations);
    for (const row of model.rows) {
      if ((row.row === "tier" || row.row === "royalty") && row.band.high) {
        const unit = (pricing && pricedUnit(pricing, view)) ?? "units";
        hint(row.band.range, `${grouped(row.band.high.minus(row.band.low).plus(1))} ${unit}`);
      } else if (row.row === "step") durations(row.action);
      else if (row.row === "trigger") conditionDurations(row.condition);
    }
    for (const block of model.blocks) visit(block, pricing);
  };
  const dated = (range: SourceRange, date: CalendarDate, start: CalendarDate): void => {
    const days = daysFrom(start, date);
    hint(range, days >= 0 ? `day ${grouped(String(days))}` : `${grouped(String(-days))} days before the effective date`);
  };

  for (const model of view.checked.declarations) {
    if (model.uri !== view.path) continue;
    const range = model.node.range;
    if (range.end.offset < from || range.start.offset > to) continue;
    visit(model, model.kind === "pricing" ? model : undefined);
  }
  return hints;
}
