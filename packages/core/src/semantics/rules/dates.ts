import { Codes } from "../../diagnostics/codes.js";
import { addDuration, compareDates, dateOf, isoDate } from "../dates.js";
import type { StepRow } from "../model.js";
import { durationMaxDays } from "../values.js";
import { fieldOf, type RuleContext } from "./context.js";

/**
 * Milestones within the term, licences within the contract, escalation ladders in day order and within
 * the renewal notice. The weighing against the contract covers its terms only (`context.terms`).
 */
export function checkDatesAndTerms(context: RuleContext): void {
  const contract = context.contract;
  const effective = contract ? fieldOf(contract, "effective", "date") : undefined;
  const term = contract ? fieldOf(contract, "term", "duration") : undefined;
  const termEnd = effective && term ? addDuration(dateOf(effective), term) : undefined;
  const renewalNotice = contract ? fieldOf(contract, "renewal_notice", "duration") : undefined;

  const terms = new Set(context.terms);
  for (const model of context.declarations) {
    // Only a declaration of the contract's terms is weighed against its dates; an unused library one is not.
    const inTerms = terms.has(model);
    if (model.kind === "milestone" && inTerms) {
      const due = fieldOf(model, "due", "date");
      if (due && effective && compareDates(dateOf(due), dateOf(effective)) < 0) {
        context.report(
          model.uri,
          Codes.MilestoneBeforeEffective,
          due.range,
          `This milestone is due on ${due.iso}, before the agreement takes effect on ${effective.iso}`,
          {
            related: [{ uri: contract!.uri, range: effective.range, message: "The effective date" }],
          },
        );
      }
      if (due && termEnd && compareDates(dateOf(due), termEnd) > 0) {
        context.report(
          model.uri,
          Codes.MilestoneAfterTerm,
          due.range,
          `This milestone is due on ${due.iso}, after the term ends on ${isoDate(termEnd)}`,
          {
            related: [{ uri: contract!.uri, range: term!.range, message: "The term of the agreement" }],
          },
        );
      }
    }
    if (model.kind === "license" && inTerms && effective && termEnd) {
      const survives = fieldOf(model, "survives", "bool")?.value === true;
      const licenceTerm = model.fields.get("term");
      if (!survives && licenceTerm && !model.unread.has("survives")) {
        const outlives =
          licenceTerm.kind === "perpetual" ||
          (licenceTerm.kind === "duration" && compareDates(addDuration(dateOf(effective), licenceTerm), termEnd) > 0);
        if (outlives) {
          context.report(
            model.uri,
            Codes.LicenceOutlivesContract,
            licenceTerm.range,
            `The licence runs ${licenceTerm.kind === "perpetual" ? "in perpetuity" : `for ${licenceTerm.written}`}, longer than the agreement's ${term!.written}; add 'survives: true' if it is meant to outlive the agreement`,
            {
              related: [{ uri: contract!.uri, range: term!.range, message: "The term of the agreement" }],
            },
          );
        }
      }
    }
    if (model.kind === "escalation") {
      const steps = model.rows.filter((r): r is StepRow => r.row === "step");
      for (let i = 1; i < steps.length; i++) {
        if (steps[i]!.day.lte(steps[i - 1]!.day)) {
          context.report(
            model.uri,
            Codes.EscalationOrder,
            steps[i]!.node.range,
            `Escalation steps must come in increasing day order; day ${steps[i]!.day.toFixed()} follows day ${steps[i - 1]!.day.toFixed()}`,
            {
              related: [{ uri: model.uri, range: steps[i - 1]!.node.range, message: "The step before it" }],
            },
          );
        }
      }
      const last = steps[steps.length - 1];
      if (last && inTerms && renewalNotice && last.day.gt(durationMaxDays(renewalNotice))) {
        context.report(
          model.uri,
          Codes.LadderLongerThanNotice,
          last.node.range,
          `This ladder runs ${last.day.toFixed()} days, longer than the ${renewalNotice.written} renewal notice; a dispute could outlast the notice window`,
          {
            related: [{ uri: contract!.uri, range: renewalNotice.range, message: "The renewal notice" }],
          },
        );
      }
    }
  }
}
