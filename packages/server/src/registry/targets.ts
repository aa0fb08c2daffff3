/**
 * Portfolio-wide default targets, the same for every service unless the
 * registry sets its own (DESIGN §7: the same rules for every service).
 */
export interface Targets {
  /** Minimum share of CSAT answers of 4-5 (0..1). */
  csat: number
  /** Minimum NPS (-100..100). */
  nps: number
  /** Maximum mean CES (1 = very easy .. 7 = very difficult). */
  ces: number
  /** Minimum share of started journeys that complete (0..1). */
  completion: number
  /** Maximum share of journeys that hit an error (0..1). */
  errorRate: number
}

export const DEFAULT_TARGETS: Readonly<Targets> = Object.freeze({
  csat: 0.8,
  nps: 30,
  ces: 3,
  completion: 0.7,
  errorRate: 0.05,
})

/** The stored per-service targets (nullable columns) over the defaults. */
export function targetsOf(row: {
  target_csat?: number | null
  target_nps?: number | null
  target_ces?: number | null
  target_completion?: number | null
  target_error_rate?: number | null
}): Targets {
  return {
    csat: row.target_csat ?? DEFAULT_TARGETS.csat,
    nps: row.target_nps ?? DEFAULT_TARGETS.nps,
    ces: row.target_ces ?? DEFAULT_TARGETS.ces,
    completion: row.target_completion ?? DEFAULT_TARGETS.completion,
    errorRate: row.target_error_rate ?? DEFAULT_TARGETS.errorRate,
  }
}
