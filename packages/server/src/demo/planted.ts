/**
 * The problems planted in the demo data, one service each, named with the
 * flag rules' names, so that a test (and a manager trying the product) can
 * check that the flags find exactly these.
 */
export type PlantedRule =
  | 'low_csat'
  | 'low_nps'
  | 'high_ces'
  | 'csat_decline'
  | 'nps_decline'
  | 'low_completion'
  | 'step_dropoff'
  | 'high_error_rate'
  | 'slower_completion'
  | 'group_gap'

export interface PlantedProblem {
  service: string
  rule: PlantedRule
  step?: string
  dimension?: 'segment' | 'channel' | 'device' | 'locale'
  group?: string
}

export const PLANTED: readonly PlantedProblem[] = [
  { service: 'registration-residence', rule: 'low_csat' },
  { service: 'tax-debt', rule: 'low_nps' },
  { service: 'cadastral-registration', rule: 'high_ces' },
  { service: 'vehicle-registration', rule: 'csat_decline' },
  { service: 'child-allowance', rule: 'nps_decline' },
  { service: 'llc-registration', rule: 'low_completion' },
  { service: 'foreign-passport', rule: 'step_dropoff', step: 'payment' },
  { service: 'pension-assignment', rule: 'high_error_rate' },
  { service: 'egrn-extract', rule: 'slower_completion' },
  { service: 'parking-permit', rule: 'group_gap', dimension: 'segment', group: 'business' },
]

/** A service with only a handful of answers: "insufficient data", never flagged. */
export const INSUFFICIENT_SERVICE = 'hunting-licence'

/** Days in the flags' current window (the baseline is the same length before it). */
export const WINDOW_DAYS = 28
