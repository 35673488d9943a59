import { inertLine } from "@covenant/compiler";
import { createColors } from "picocolors";
import { moneyText, numberText } from "./amounts.js";
import type { EvalResult, Money, Truth } from "./model.js";

type Colors = ReturnType<typeof createColors>;

/**
 * The evaluation for a reader: one section per kind of result, each result on one line with its
 * trace indented below it, so every figure can be checked against the clause it comes from. The
 * contract's own words (its title, free-text conditions, reliefs, traces) are printed inert.
 */
export function renderEvalText(result: EvalResult, options: { color: boolean; heading?: string } = { color: false }): string {
  const c = createColors(options.color);
  const out: string[] = [];
  const heading = options.heading ?? `covenant eval${result.contract ? ` "${inertLine(result.contract)}"` : ""}`;
  out.push(c.bold(`${heading}${result.asOf ? ` as of ${result.asOf}` : ""}`));
  const section = (title: string, lines: string[]): void => {
    if (lines.length === 0) return;
    out.push("", c.bold(title));
    // A loop, not push(...lines): facts with 150,000 periods would overflow the call stack.
    for (const line of lines) out.push(line);
  };
  const item = (head: string, trace: readonly string[]): string[] => [`  ${head}`, ...trace.map((t) => c.dim(`      ${inertLine(t)}`))];
  const money = (m: Money | undefined): string => (m ? moneyText(m) : "—");

  section(
    "Prices",
    result.prices.flatMap((p) =>
      item(
        `${p.pricing} (${p.product}, volume ${numberText(p.volume)}): ${p.indexedPrice ? c.green(moneyText(p.indexedPrice)) : c.yellow("no tier applies")}`,
        p.trace,
      ),
    ),
  );
  section(
    "Royalties",
    result.royalties.flatMap((r) =>
      item(`${r.license} (volume ${numberText(r.volume)}): ${r.rate ? `${numberText(r.rate)}%` : "no band applies"}`, r.trace),
    ),
  );
  section(
    "KPIs",
    result.kpis.flatMap((k) => [
      `  ${k.kpi}: penalties ${money(k.totalPenalty)}, bonuses ${money(k.totalBonus)}; ${k.misses} of ${k.periods.length} period${k.periods.length === 1 ? "" : "s"} missed`,
      ...k.periods.flatMap((p) => [
        `    ${p.period}: ${p.met ? c.green("met") : c.red("missed")}${p.penalty ? `, penalty ${moneyText(p.penalty)}${p.capped ? " (capped)" : ""}` : ""}${p.bonus ? `, bonus ${moneyText(p.bonus)}` : ""}`,
        ...p.trace.map((t) => c.dim(`        ${inertLine(t)}`)),
      ]),
    ]),
  );
  section(
    "Commitments",
    result.commitments.flatMap((m) =>
      item(
        `${m.commitment}: ${m.shortfall ? `shortfall ${numberText(m.shortfall)}` : "not compared: the minimum has no exact amount per period"}${m.payment ? `, ${m.credit ? "credit" : "payment"} ${moneyText(m.payment)}` : ""}`,
        m.trace,
      ),
    ),
  );
  section(
    "Force majeure",
    result.forceMajeure.flatMap((f) =>
      item(
        `${f.forceMajeure}: ${truthText(f.triggered, "triggered", "not triggered", c)}${f.relief ? `; relief: ${inertLine(f.relief)}` : ""}`,
        f.trace,
      ),
    ),
  );
  section(
    "Milestones",
    result.milestones.flatMap((m) =>
      item(`${m.milestone} (due ${m.due}): ${m.status}${m.payment ? `; ${moneyText(m.payment)} to ${m.payment.to}` : ""}`, m.trace),
    ),
  );
  section(
    "Escalations",
    result.escalations.flatMap((e) => {
      const reached = e.steps.filter((s) => s.reached);
      const last = reached[reached.length - 1];
      return item(
        `${e.escalation} from ${e.started}: ${last ? `step day ${last.day.toString()} reached (${inertLine(last.action)})` : "no step reached"}`,
        e.trace,
      );
    }),
  );
  section(
    "Termination rights",
    result.termination.flatMap((t) =>
      t.right === "cause"
        ? item(
            `cause ${inertLine(t.text)}: ${truthText(t.arisen, "has arisen", "has not arisen", c)}${t.cure ? ` (cure ${t.cure})` : ""}`,
            t.trace,
          )
        : item(`convenience: ${inertLine(t.text)}${t.fee ? `; fee now ${moneyText(t.fee)}` : ""}`, t.trace),
    ),
  );
  return out.join("\n") + "\n";
}

function truthText(truth: Truth, yes: string, no: string, c: Colors): string {
  return truth === "true" ? c.red(yes) : truth === "false" ? no : c.yellow("unknown");
}
