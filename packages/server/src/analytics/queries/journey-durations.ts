/**
 * Query `journey_durations`: the durations (ms) of the completed journeys
 * started in a window, per service — the samples the `slower_completion`
 * flag compares with a rank test.
 */
import { toNumber } from '../../storage/int64.js'
import type { QueryParams, Store } from '../../storage/store.js'
import type { Scope } from '../filters.js'
import { run } from '../sql.js'
import type { Source, TimeWindow } from '../window.js'
import { journeyRelation } from './journey-relation.js'

export const NAME = 'journey_durations'

export async function journeyDurations(store: Store, scope: Scope, window: TimeWindow, source?: Source): Promise<Map<string, number[]>> {
  const params: QueryParams = {}
  const relation = journeyRelation(store, scope, params, { window, source })
  const sql = `SELECT service, groupArray(duration_ms) AS durations FROM (${relation}) WHERE duration_ms IS NOT NULL GROUP BY service`
  const rows = await run<{ service: string; durations: unknown[] }>(store, NAME, sql, params)
  return new Map(rows.map((r) => [r.service, r.durations.map(toNumber)]))
}
