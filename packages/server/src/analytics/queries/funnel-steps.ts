/**
 * Query `funnel_steps`: for the journeys started in a window, per service ×
 * step × position, how many journeys reached the step at that position
 * (1 = the first step the journey reached, by first arrival; ties by step
 * name) and how many of them left there: did not complete, and this step
 * was the last one they reached (the latest first arrival; ties: the last
 * step name).
 */
import { toNumber } from '../../storage/int64.js'
import type { QueryParams, Store } from '../../storage/store.js'
import type { Scope } from '../filters.js'
import { run } from '../sql.js'
import type { Source } from '../window.js'
import { journeyRelation } from './journey-relation.js'

export const NAME = 'funnel_steps'

export interface FunnelStepRow {
  service: string
  step: string
  position: number
  journeys: number
  left: number
}

export async function funnelSteps(store: Store, scope: Scope, opts: { source?: Source } = {}): Promise<FunnelStepRow[]> {
  const params: QueryParams = {}
  const relation = journeyRelation(store, scope, params, { source: opts.source, steps: true })
  // Per journey, its steps sorted by (first arrival, name): position = index, the last = left there.
  const sql = `
SELECT service, step_at.2 AS step, position, count() AS journeys, countIf(position = length(ordered) AND completed = 0) AS n_left
FROM (
  SELECT service, completed, arraySort(arrayZip(mapValues(steps), mapKeys(steps))) AS ordered
  FROM (${relation})
  WHERE NOT empty(steps)
)
ARRAY JOIN ordered AS step_at, arrayEnumerate(ordered) AS position
GROUP BY service, step, position
ORDER BY service, step, position`
  const rows = await run<Record<string, unknown>>(store, NAME, sql, params)
  return rows.map((r) => ({
    service: String(r.service),
    step: String(r.step),
    position: toNumber(r.position),
    journeys: toNumber(r.journeys),
    left: toNumber(r.n_left),
  }))
}
