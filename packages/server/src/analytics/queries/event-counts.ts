/**
 * Query `event_counts`: events counted by service × type (and optionally a
 * dimension and a time bucket) in a window — whole UTC days from
 * `rollup_events`, the partial days at the edges from raw events.
 */
import { toNumber } from '../../storage/int64.js'
import type { QueryParams, Store } from '../../storage/store.js'
import { ROLLUP_DIMENSIONS } from '../../storage/rollups.js'
import type { Scope } from '../filters.js'
import { ALL_FILTERS, and, bucketExpr, filterConditions, groupExpr, rawEdges, rollupDays, run, windowParams, type Grouping } from '../sql.js'
import type { Source } from '../window.js'

export const NAME = 'event_counts'

export interface EventCountRow {
  service: string
  group: string
  bucket: string
  type: string
  events: number
}

const COLUMNS = `service, ${ROLLUP_DIMENSIONS.join(', ')}, type`

export async function eventCounts(store: Store, scope: Scope, opts: Grouping & { source?: Source } = {}): Promise<EventCountRow[]> {
  const params: QueryParams = {}
  windowParams(scope.window, opts.source ?? 'rollup', params)
  const where = and(filterConditions(scope, ALL_FILTERS, params))
  const sql = `
SELECT service, ${groupExpr(opts)} AS grp, ${bucketExpr(opts, 'day')} AS bucket, type, sum(events) AS events
FROM (
  SELECT day, ${COLUMNS}, events FROM ${store.table('rollup_events')} WHERE ${rollupDays()} AND ${where}
  UNION ALL
  SELECT toDate(ts) AS day, ${COLUMNS}, toUInt64(1) AS events FROM ${store.table('events')} WHERE ${rawEdges()} AND excluded = '' AND ${where}
)
GROUP BY service, grp, bucket, type
ORDER BY service, grp, bucket, type`
  const rows = await run<Record<string, unknown>>(store, NAME, sql, params)
  return rows.map((r) => ({
    service: String(r.service),
    group: String(r.grp),
    bucket: String(r.bucket),
    type: String(r.type),
    events: toNumber(r.events),
  }))
}
