/**
 * Query `journey_durations`: the durations (ms) of the completed journeys
 * started in each of some windows, per service — the samples the `slower_completion`
 * flag compares with a rank test.
 */
import { toNumber } from '../../storage/int64.js'
import type { QueryParams, Store } from '../../storage/store.js'
import type { Scope } from '../filters.js'
import { ms, run } from '../sql.js'
import type { Source, TimeWindow } from '../window.js'
import { journeyRelation } from './journey-relation.js'

export const NAME = 'journey_durations'

/**
 * Per window (the flags' window and baseline), from one pass over the
 * journeys of the span that covers them all.
 */
export async function journeyDurationsOf<W extends readonly TimeWindow[]>(
  store: Store,
  scope: Scope,
  windows: W,
  source?: Source,
): Promise<{ [K in keyof W]: Map<string, number[]> }> {
  const params: QueryParams = {}
  const span = { from: Math.min(...windows.map((w) => w.from)), to: Math.max(...windows.map((w) => w.to)) }
  const relation = journeyRelation(store, scope, params, { window: span, source })
  const lists = windows.map((w, i) => {
    params[`from_${i}`] = w.from
    params[`to_${i}`] = w.to
    return `groupArrayIf(duration_ms, start_ts >= ${ms(`from_${i}`)} AND start_ts < ${ms(`to_${i}`)}) AS durations_${i}`
  })
  const sql = `SELECT service, ${lists.join(', ')} FROM (${relation}) WHERE duration_ms IS NOT NULL GROUP BY service`
  const rows = await run<Record<string, unknown>>(store, NAME, sql, params)
  const perWindow = windows.map(
    (_, i) =>
      new Map(
        rows.flatMap((r) => {
          const list = (r[`durations_${i}`] as unknown[]).map(toNumber)
          return list.length > 0 ? [[String(r.service), list] as const] : []
        }),
      ),
  )
  return perWindow as { [K in keyof W]: Map<string, number[]> }
}
