import { clause, paragraph } from "../blocks.js";
import type { BuildContext } from "../context.js";
import type { Clause } from "../model.js";

/** The law that governs the agreement: the last clause, where a lawyer looks for it. */
export function buildGoverningLaw(context: BuildContext): Clause[] {
  const law = context.contract && context.text(context.contract.fields.get("governing_law"));
  if (!law) return [];
  return [clause("governing_law", context.w.governingLaw.title, [paragraph(context.w.governingLaw.law(law))])];
}
