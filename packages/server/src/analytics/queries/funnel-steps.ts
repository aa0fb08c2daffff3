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
import { and, filterConditions, run } from '../sql.js'
import type { Source } from '../window.js'
import { journeyRelation } from './journey-relation.js'

export const NAME = 'funnel_steps'

const ZERO_UUID = "toUUID('00000000-0000-0000-0000-000000000000')"

export interface FunnelStepRow {
  service: string
  step: string
  position: number
  journeys: number
  left: number
}

export async function funnelSteps(store: Store, scope: Scope, opts: { source?: Source } = {}): Promise<FunnelStepRow[]> {
  const params: QueryParams = {}
  const relation = journeyRelation(store, scope, params, opts)
  const byService = and(filterConditions(scope, ['service'], params))
  // Every arrival at a step (a rollup row holds a day's first), then per journey
  // the steps by first arrival: sorted by (time, step), each step's first
  // occurrence kept. Arrays per journey instead of window functions over
  // every step row: one grouping fewer and no sort of the whole set.
  const arrivals =
    (opts.source ?? 'rollup') === 'rollup'
      ? `SELECT service, journey, step, first_ts FROM ${store.table('rollup_journey_step_days')} WHERE ${byService} AND day >= {j_since:Date}`
      : `SELECT service, journey, step, ts AS first_ts FROM ${store.table('events')}
         WHERE type = 'journey_step' AND journey != ${ZERO_UUID} AND step != '' AND excluded = '' AND ${byService}`
  const sql = `
SELECT service, step_at.2 AS step, position, count() AS journeys, countIf(position = length(ordered) AND completed = 0) AS n_left
FROM (
  SELECT st.service AS service, j.completed AS completed,
    arrayFilter((a, i) -> indexOf(st.sorted.2, a.2) = i, st.sorted, arrayEnumerate(st.sorted)) AS ordered
  FROM (
    SELECT service, journey, arraySort(groupArray((first_ts, step))) AS sorted FROM (${arrivals}) GROUP BY service, journey
  ) AS st
  INNER JOIN (SELECT service, journey, completed FROM (${relation})) AS j ON st.service = j.service AND st.journey = j.journey
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
