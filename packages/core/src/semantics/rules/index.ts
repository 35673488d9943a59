import type { RuleContext } from "./context.js";
import { checkBandTables } from "./tiers.js";
import { checkPercentages } from "./indexation.js";
import { checkDatesAndTerms } from "./dates.js";
import { checkLicences } from "./licences.js";
import { checkObjectivity } from "./objectivity.js";
import { checkUnitsAndMoney } from "./units.js";
import { checkUnused } from "./usage.js";

export type { RuleContext } from "./context.js";

/** The document-wide rules, run after every declaration has been read against its schema. */
export function runRules(context: RuleContext): void {
  checkBandTables(context);
  checkPercentages(context);
  checkDatesAndTerms(context);
  checkLicences(context);
  checkObjectivity(context);
  checkUnitsAndMoney(context);
  checkUnused(context);
}
