import type { Decimal } from "@covenant/core";

/**
 * What `evaluate` finds when a contract meets facts: plain data with exact decimals (serialised as
 * strings) and, on every result, the trace of how it was reached, in the words a reviewer checks
 * it against the contract with ("tier 2 applies: 23,000 is within 10,000–49,999").
 */

export interface Money {
  readonly currency: string;
  readonly amount: Decimal;
}

/** A condition's truth: `unknown` when the facts do not say (a duration with no start date). */
export type Truth = "true" | "false" | "unknown";

export interface PriceResult {
  readonly pricing: string;
  readonly product: string;
  readonly volume: Decimal;
  /** 1-based tier number; undefined when no band holds the volume. */
  readonly tier: number | undefined;
  readonly band: string | undefined;
  readonly unitPrice: Money | undefined;
  /** The price after indexation and rounding; the unit price when the pricing has no index. */
  readonly indexedPrice: Money | undefined;
  /** The lowest and highest price the floors and ceilings allow (after rounding); open ends undefined. */
  readonly priceBand: { readonly low: Money | undefined; readonly high: Money | undefined } | undefined;
  readonly trace: readonly string[];
}

export interface RoyaltyResult {
  readonly license: string;
  readonly volume: Decimal;
  readonly tier: number | undefined;
  readonly band: string | undefined;
  readonly rate: Decimal | undefined;
  readonly trace: readonly string[];
}

export interface KpiPeriodResult {
  readonly period: string;
  readonly value: Decimal;
  readonly met: boolean;
  readonly penalty: Money | undefined;
  /** True when the cap cut the penalty. */
  readonly capped: boolean;
  readonly cap: Money | undefined;
  readonly bonus: Money | undefined;
  readonly trace: readonly string[];
}

export interface KpiResult {
  readonly kpi: string;
  readonly periods: readonly KpiPeriodResult[];
  readonly totalPenalty: Money | undefined;
  readonly totalBonus: Money | undefined;
  /** The longest run of misses in adjacent periods (a right that arose on it does not lapse when a later period is met). */
  readonly consecutiveMisses: number;
  readonly misses: number;
}

export interface CommitmentResult {
  readonly commitment: string;
  /** The minimum for one measurement period; undefined when the declared rate has no exact amount per period. */
  readonly minimum: Decimal | undefined;
  readonly purchased: Decimal;
  /** Undefined when the minimum could not be stated for the period (see the trace). */
  readonly shortfall: Decimal | undefined;
  /** What is owed (or credited) for the shortfall; undefined when nothing is short or the price is unknown. */
  readonly payment: Money | undefined;
  readonly credit: boolean;
  readonly trace: readonly string[];
}

export interface ForceMajeureResult {
  readonly forceMajeure: string;
  readonly triggered: Truth;
  readonly triggers: readonly { readonly trigger: string; readonly holds: Truth; readonly why: string }[];
  readonly relief: string | undefined;
  readonly contingency: string | undefined;
  /** The day the earliest triggering event started, when the facts say. */
  readonly since: string | undefined;
  /** Days the event has lasted by `as_of`, when the facts give its start. */
  readonly lastingDays: number | undefined;
  /** Whether the right to terminate after `terminate_after` has arisen. */
  readonly terminationRight: Truth | undefined;
  readonly trace: readonly string[];
}

export interface MilestoneResult {
  readonly milestone: string;
  readonly due: string;
  readonly status: "met" | "late" | "missed" | "pending" | "unknown";
  readonly delivered: string | undefined;
  readonly payment: (Money & { readonly to: string }) | undefined;
  readonly trace: readonly string[];
}

export interface EscalationStepResult {
  readonly day: Decimal;
  readonly date: string;
  readonly action: string;
  readonly reached: boolean;
}

export interface EscalationResult {
  readonly escalation: string;
  /** Day 0: the day the failure occurred. */
  readonly started: string;
  readonly startedBy: string;
  readonly steps: readonly EscalationStepResult[];
  readonly trace: readonly string[];
}

export interface TerminationResult {
  readonly right: "cause" | "convenience";
  readonly text: string;
  /** For causes: whether it has arisen. A right to terminate for convenience is always there. */
  readonly arisen: Truth;
  readonly party: string | undefined;
  readonly notice: string | undefined;
  readonly cure: string | undefined;
  readonly fee: Money | undefined;
  readonly trace: readonly string[];
}

export interface EvalResult {
  readonly contract: string | undefined;
  readonly asOf: string | undefined;
  readonly currency: string | undefined;
  readonly prices: readonly PriceResult[];
  readonly royalties: readonly RoyaltyResult[];
  readonly kpis: readonly KpiResult[];
  readonly commitments: readonly CommitmentResult[];
  readonly forceMajeure: readonly ForceMajeureResult[];
  readonly milestones: readonly MilestoneResult[];
  readonly escalations: readonly EscalationResult[];
  readonly termination: readonly TerminationResult[];
}
