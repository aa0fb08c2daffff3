/**
 * The flag rules (DESIGN §7), the same for every service, and their
 * constants. Every rule is a one-sided test with a p-value, run only when its
 * samples reach the minimum sizes below.
 *
 * Against a target (low_csat, low_nps, high_ces, low_completion,
 * high_error_rate): flagged when the 95 % interval lies entirely on the bad
 * side of the target (Wilson for shares, normal for NPS, Student t for CES)
 * and the one-sided test (exact binomial for shares, z for NPS, t for CES)
 * is a discovery.
 *
 * Comparisons: csat_decline (Fisher's exact test against the baseline),
 * nps_decline (difference beyond the combined 95 % margin), step_dropoff (a
 * step's drop-off rate against the pooled rate of the other steps,
 * Fisher's exact test), group_gap (a group's CSAT share or completion rate
 * against the rest of the service, Fisher's exact test), slower_completion
 * (Mann–Whitney of durations against the baseline): flagged when the test is
 * a discovery and the effect is material (MIN_EFFECT), so that a large sample
 * does not turn a negligible gap into a flag.
 *
 * False alarms across services × rules: a family is one rule of one service
 * (its steps or groups are the tests inside, combined by Simes); families are
 * selected by Benjamini–Hochberg at q, then the tests inside the R selected
 * of m families by BH at q·R/m (Benjamini & Bogomolov 2014); q = FDR_Q.target
 * for the rules against targets, FDR_Q.comparison for the comparisons, each
 * class its own procedure.
 */
import { FLAG_RULES, GAP_DIMENSIONS } from '@otklik/contract/rules'
export const RULES = FLAG_RULES
export type Rule = (typeof RULES)[number]

/** Dimensions of the equal-access rule. */
export { GAP_DIMENSIONS }
export type GapDimension = (typeof GAP_DIMENSIONS)[number]

/** Rules judged against a target (the others compare two samples). */
export const TARGET_RULES: ReadonlySet<Rule> = new Set(['low_csat', 'low_nps', 'high_ces', 'low_completion', 'high_error_rate'])

/**
 * Expected share of false flags among the flags of each class (Benjamini–
 * Hochberg). Comparisons are stricter: most of them (a healthy service's
 * declines, groups, steps) are true nulls whose p-values fall anywhere in
 * [0, 1], while a healthy service sits far from its targets.
 */
export const FDR_Q = { target: 0.05, comparison: 0.01 } as const
/** Answers of a survey metric a service needs in a window (and in the baseline, for declines). */
export const MIN_ANSWERS = 30
/** Started journeys a service needs for completion and error rate. */
export const MIN_JOURNEYS = 30
/** Journeys that reached a step, and that reached the other steps, for step_dropoff. */
export const MIN_STEP_JOURNEYS = 30
/** Completed journeys with a duration, in each window, for slower_completion. */
export const MIN_DURATIONS = 20
/** Answers (CSAT) or started journeys (completion) in a group, and in the rest of the service, for group_gap. */
export const MIN_GROUP = 30

/** Minimum effects of the comparison rules, on the point estimates. */
export const MIN_EFFECT = {
  /** CSAT share drop against the baseline. */
  csatDecline: 0.03,
  /** NPS points drop against the baseline. */
  npsDecline: 3,
  /** Drop-off rate of a step above the rate of the service's other steps. */
  stepDropoff: 0.05,
  /** CSAT share or completion rate of a group below the rest of the service. */
  groupGap: 0.05,
  /** Relative growth of time to complete. */
  slowdown: 0.1,
} as const

/**
 * Severity: the gap (distance beyond the target, or the effect of a
 * comparison) in units of the metric: high from 2 units, medium from 1, low below.
 */
export const SEVERITY_UNIT = {
  share: 0.1,
  nps: 10,
  ces: 0.5,
  slowdown: 0.25,
} as const

export type Severity = 'high' | 'medium' | 'low'

export function severityOf(gap: number, unit: number): Severity {
  const units = gap / unit
  return units >= 2 ? 'high' : units >= 1 ? 'medium' : 'low'
}

/** What the impact is made of, stated in the response. */
export const IMPACT_DOC =
  'impact of a flag = people affected × gap, where people affected = journeys started in the window (for a group: the group\'s journeys; for a step: journeys that reached it; for time to complete: completed journeys), or the answers of the metric when the service has no journeys; gap = the shortfall as a share of people (CSAT, completion, error rate, drop-off: the difference of shares; NPS: points / 100; CES: points / 6, the width of the 1–7 scale; time to complete: the extra time as a share of the new time, growth / (1 + growth)). A service\'s impact = the sum over metrics of its largest flag impact per metric: roughly, how many people had a worse experience than they should have.'
