/**
 * The thresholds behind the reasons an answer from public web ingestion is
 * left out of the figures (the reasons: EXCLUSION_REASONS in
 * @otklik/contract). An excluded answer is stored with its reason and can be
 * reinstated by an admin; app sites (secret key) and admin imports are
 * trusted and never judged.
 */
import type { EXCLUSION_REASONS } from '@otklik/contract/rules'
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number]

export const RULES = {
  /** A person needs at least this long to see a question and pick an answer. */
  minAnswerMs: 1000,
  /** How far back a `survey_shown` and earlier answers of the session are looked for. */
  lookbackMs: 24 * 60 * 60 * 1000,
  /**
   * Answers per session and service within the lookback: the main question,
   * its criteria ratings and a second survey make a handful; a few more are
   * allowed for surveys asked again.
   */
  maxAnswersPerSession: 12,
  /** The window a source's burst is judged over. */
  burstWindowMs: 10 * 60 * 1000,
  /**
   * Answering sessions one IP may have in a burst window on a quiet site.
   * Low on purpose: each one moves a small service's score, and an answer
   * left out can be reinstated.
   */
  burstFloorSessionsPerIp: 2,
  /** On a busy site one IP (a shared network) may carry this share of its normal answering sessions per window. */
  burstShareOfSite: 0.05,
  /** Answers one session may give across services in a burst window. */
  burstAnswersPerSession: 20,
  /** The site's normal rate is its answering sessions over this long, scaled to one window. */
  baselineMs: 6 * 60 * 60 * 1000,
} as const
