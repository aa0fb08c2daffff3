/**
 * Query `journey_summary`: journeys started in a window by service (and
 * optionally a dimension of the journey's start and a bucket of its start
 * day): started, completed, errored, and the quantiles of the duration of
 * completed journeys (type 7, `quantilesExactInclusive`, = stats/quantile.ts).
 */
import { toNumber } from '../../storage/int64.js'
import type { QueryParams, Store } from '../../storage/store.js'
import type { Scope } from '../filters.js'
import { bucketExpr, groupExpr, run, type Dimension, type Grouping } from '../sql.js'
import type { Source } from '../window.js'
import { journeyRelation } from './journey-relation.js'

export const NAME = 'journey_summary'
export const COUNTS_NAME = 'journey_counts'

/** Duration quantiles returned, in this order. */
export const DURATION_QUANTILES = [0.25, 0.5, 0.75, 0.9] as const

export interface JourneySummaryRow {
  service: string
  group: string
  bucket: string
  started: number
  completed: number
  errored: number
  /** Completed journeys with a duration. */
  timed: number
  /** Duration quantiles (ms) at DURATION_QUANTILES; null when timed = 0. */
  quantiles: (number | null)[]
  meanDuration: number | null
}

export async function journeySummary(store: Store, scope: Scope, opts: Grouping & { source?: Source } = {}): Promise<JourneySummaryRow[]> {
  const params: QueryParams = {}
  const relation = journeyRelation(store, scope, params, { source: opts.source, dimensions: opts.group ? [opts.group] : [] })
  const sql = `
SELECT service, ${groupExpr(opts)} AS grp, ${bucketExpr(opts, 'start_day')} AS bucket, ${FIGURES}
FROM (${relation})
GROUP BY service, grp, bucket
ORDER BY service, grp, bucket`
  const rows = await run<Record<string, unknown>>(store, NAME, sql, params)
  return rows.map(summaryRow)
}

/** Journeys started, completed and errored, for a service or a group of one of its dimensions. */
export interface JourneyCountRow {
  service: string
  group: string
  started: number
  completed: number
  errored: number
}

/**
 * The journey counts per service and, from the same pass over the journeys,
 * per group of each of `dimensions` (the flags' equal-access groups): the
 * journey relation, the costly part, is computed once instead of once per
 * grouping. Counts only: the flags take durations from `journeyDurationsOf`.
 */
export async function journeyCounts(
  store: Store,
  scope: Scope,
  dimensions: readonly Dimension[],
  opts: { source?: Source } = {},
): Promise<{ all: JourneyCountRow[]; by: Map<Dimension, JourneyCountRow[]> }> {
  const params: QueryParams = {}
  const relation = journeyRelation(store, scope, params, { source: opts.source, dimensions })
  // Each journey once per grouping: (grouping, group); '' = the service as a whole.
  const groupings = [`('', '')`, ...dimensions.map((d) => `('${d}', ${groupExpr({ group: d })})`)].join(', ')
  const sql = `
SELECT service, grouping.1 AS dimension, grouping.2 AS grp, count() AS started, sum(completed) AS n_completed, sum(errored) AS n_errored
FROM (${relation})
ARRAY JOIN [${groupings}] AS grouping
GROUP BY service, dimension, grp
ORDER BY dimension, service, grp`
  const rows = await run<Record<string, unknown>>(store, COUNTS_NAME, sql, params)
  const by = new Map<Dimension, JourneyCountRow[]>(dimensions.map((d) => [d, []]))
  const all: JourneyCountRow[] = []
  for (const r of rows) {
    const row = { service: String(r.service), group: String(r.grp), started: toNumber(r.started), completed: toNumber(r.n_completed), errored: toNumber(r.n_errored) }
    ;(r.dimension === '' ? all : by.get(r.dimension as Dimension))?.push(row)
  }
  return { all, by }
}

const FIGURES = `count() AS started, sum(completed) AS n_completed, sum(errored) AS n_errored, count(duration_ms) AS timed,
  quantilesExactInclusive(${DURATION_QUANTILES.join(', ')})(duration_ms) AS q, avg(duration_ms) AS mean_duration`

function summaryRow(r: Record<string, unknown>): JourneySummaryRow {
  const timed = toNumber(r.timed)
  const q = Array.isArray(r.q) ? r.q : []
  return {
    service: String(r.service),
    group: String(r.grp),
    bucket: String(r.bucket),
    started: toNumber(r.started),
    completed: toNumber(r.n_completed),
    errored: toNumber(r.n_errored),
    timed,
    // Interpolation in floating point leaves noise (7900.000000000001 ms):
    // a microsecond is finer than any duration we measure.
    quantiles: DURATION_QUANTILES.map((_, i) => (timed === 0 ? null : Math.round(toNumber(q[i]) * 1000) / 1000)),
    meanDuration: timed === 0 ? null : toNumber(r.mean_duration),
  }
}
