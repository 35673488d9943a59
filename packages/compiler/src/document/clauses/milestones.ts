import type { DeclarationModel, PaymentValue } from "@covenant/core";
import { clause, paragraph, table } from "../blocks.js";
import { boundParty } from "../conditions.js";
import { field, type BuildContext } from "../context.js";
import type { Clause, Inline } from "../model.js";
import { runs } from "../phrase.js";

/** Milestones: a payment schedule when there are several, then each milestone with its deliverable, payment and escalation on a miss. */
export function buildMilestones(context: BuildContext): Clause[] {
  const milestones = context.declarations.filter((d) => d.kind === "milestone");
  if (milestones.length === 0) return [];
  const w = context.w;
  const subClauses = milestones.map((m) => milestoneClause(context, m));
  if (milestones.length > 1 && milestones.some((m) => m.fields.has("payment"))) {
    const rows = milestones.map((m) => {
      const payment = field(m, "payment", "payment");
      return [
        runs(m.title ?? m.name ?? ""),
        runs(context.date(m.fields.get("due"))),
        payment ? runs(paymentAmount(context, payment, true)) : runs(w.milestones.noPayment),
        payment ? context.party(payment.to) : runs(w.milestones.noPayment),
      ] as Inline[][];
    });
    subClauses.unshift(
      clause("milestones.schedule", w.milestones.scheduleTitle, [
        paragraph(w.milestones.scheduleIntro()),
        table(w.milestones.scheduleColumns(), rows),
      ]),
    );
  }
  return [clause("milestones", w.milestones.title, [], subClauses)];
}

/** `USD 1,200,000.00`, or for a share: "twenty per cent (20%) of the Contract Value (EUR 3,700,000.00)"; `brief` gives the figure alone. */
function paymentAmount(context: BuildContext, payment: PaymentValue, brief: boolean): string | Inline[] {
  const w = context.w;
  const amount = payment.amount;
  if (amount.kind === "money") return context.money(amount.currency, amount.amount);
  const total = context.contract ? field(context.contract, "total_value", "money") : undefined;
  const computed =
    amount.base === "contract_value" && total ? context.money(total.currency, total.amount.mul(amount.percent).div(100)) : undefined;
  if (brief) return computed ?? `${amount.percent.toFixed()}%`;
  return w.milestones.shareOfValue({
    share: w.values.percent(amount.percent),
    base: w.shareBase(amount.base, { period: undefined, netSales: context.definedTerm("net_sales"), product: undefined }),
    amount: computed,
  });
}

function milestoneClause(context: BuildContext, milestone: DeclarationModel): Clause {
  const w = context.w;
  const title = milestone.title ?? milestone.name ?? "";
  const due = context.date(milestone.fields.get("due"));
  const responsible = boundParty(context, milestone);
  const deliverable = context.text(milestone.fields.get("deliverable"));
  const blocks = [
    paragraph(
      w.milestones.deliver({
        party: responsible ? context.party(responsible) : undefined,
        deliverable: deliverable ? context.prose(deliverable) : undefined,
        title,
        due,
      }),
    ),
  ];
  const payment = field(milestone, "payment", "payment");
  if (payment) {
    blocks.push(
      paragraph(
        w.milestones.payment({
          payer: context.counterparty(payment.to),
          payee: context.party(payment.to),
          amount: paymentAmount(context, payment, false),
        }),
      ),
    );
  }
  const onMiss = field(milestone, "on_miss", "reference");
  const ladder = onMiss ? context.byName.get(onMiss.name) : undefined;
  if (ladder)
    blocks.push(paragraph(w.milestones.onMiss({ title, due, clause: context.ref(ladder), ladder: ladder.title ?? ladder.name ?? "" })));
  return clause(context.clauseId(milestone), title, blocks);
}
