/**
 * Query `funnel_steps`: for the journeys started in a window, per service ×
 * step × position, how many journeys reached the step at that position
 * (1 = the first step the journey reached, by first arrival; ties by step
 * name) and how many of them left there: did not complete, and this step
 * was the last one they reached (the latest first arrival).
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
  const steps =
    (opts.source ?? 'rollup') === 'rollup'
      ? `SELECT service, journey, step, min(first_ts) AS first_ts FROM ${store.table('rollup_journey_step_days')}
         WHERE ${byService} AND day >= {j_since:Date} GROUP BY service, journey, step`
      : `SELECT service, journey, step, min(ts) AS first_ts FROM ${store.table('events')}
         WHERE type = 'journey_step' AND journey != ${ZERO_UUID} AND step != '' AND excluded = '' AND ${byService} GROUP BY service, journey, step`
  const sql = `
SELECT service, step, position, count() AS journeys, countIf(is_last = 1 AND completed = 0) AS n_left
FROM (
  SELECT st.service AS service, st.journey AS journey, st.step AS step, j.completed AS completed,
    row_number() OVER (PARTITION BY st.service, st.journey ORDER BY st.first_ts ASC, st.step ASC) AS position,
    row_number() OVER (PARTITION BY st.service, st.journey ORDER BY st.first_ts DESC, st.step DESC) AS is_last
  FROM (${steps}) AS st
  INNER JOIN (SELECT service, journey, completed FROM (${relation})) AS j ON st.service = j.service AND st.journey = j.journey
)
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
