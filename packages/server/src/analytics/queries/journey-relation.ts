/**
 * The journeys of a window as a relation, one row per service × journey,
 * shared by the journey queries. A journey belongs to the window of its
 * first `journey_start` event and takes that event's dimensions; it counts
 * as completed when it has a `journey_complete` event, as errored when it
 * has a `journey_error` event (whenever they arrived). Its duration is
 * first completion − first start, for completed journeys whose completion
 * is not earlier than their start. Journeys without a `journey_start` event
 * are not counted.
 *
 * Columns: service, journey, start_ts, start_day, the ROLLUP_DIMENSIONS,
 * completed (0/1), errored (0/1), duration_ms (Nullable(Int64)).
 */
import type { QueryParams, Store } from '../../storage/store.js'
import type { Scope } from '../filters.js'
import { JOURNEY_LOOKBACK_DAYS } from '../../storage/journey-rollups.js'
import { ROLLUP_DIMENSIONS, START_TUPLE } from '../../storage/rollups.js'
import { DIMENSION_FILTERS, and, filterConditions, ms } from '../sql.js'
import { DAY_MS, isoDay, type Source, type TimeWindow } from '../window.js'

const ZERO_UUID = "toUUID('00000000-0000-0000-0000-000000000000')"

/**
 * The first day of journey rollup rows a window needs: its first day, less
 * the look-back (see JOURNEY_LOOKBACK_DAYS). Later rows are all read, since
 * a journey of the window may complete at any time after it.
 */
export function journeyRowsSince(window: TimeWindow): string {
  return isoDay(Math.floor(window.from / DAY_MS) * DAY_MS - JOURNEY_LOOKBACK_DAYS * DAY_MS)
}

/** SQL of the relation; sets its parameters (`prefix`_from/_to/_since and the filters) in `params`. */
export function journeyRelation(store: Store, scope: Scope, params: QueryParams, opts: { source?: Source; window?: TimeWindow; prefix?: string } = {}): string {
  const prefix = opts.prefix ?? 'j'
  const window = opts.window ?? scope.window
  params[`${prefix}_from`] = window.from
  params[`${prefix}_to`] = window.to
  params[`${prefix}_since`] = journeyRowsSince(window)
  const byService = and(filterConditions(scope, ['service'], params))
  const byDimension = and(filterConditions(scope, DIMENSION_FILTERS, params))
  // The first start with its dimensions, as one tuple so the pair is never torn; in the
  // rollup a day without a start has the latest possible first_start, so `min` skips it.
  const perJourney =
    (opts.source ?? 'rollup') === 'rollup'
      ? `SELECT service, journey, sum(starts) AS n_starts, min(tuple(first_start, ${ROLLUP_DIMENSIONS.map((d) => `CAST(${d} AS String)`).join(', ')})) AS s,
    sum(completes) AS n_completes, min(first_complete) AS c_ts, sum(errors) AS n_errors
  FROM ${store.table('rollup_journey_days')}
  WHERE ${byService} AND day >= {${prefix}_since:Date}
  GROUP BY service, journey`
      : `SELECT service, journey, countIf(type = 'journey_start') AS n_starts, minIf(${START_TUPLE}, type = 'journey_start') AS s,
    countIf(type = 'journey_complete') AS n_completes, minIf(ts, type = 'journey_complete') AS c_ts, countIf(type = 'journey_error') AS n_errors
  FROM ${store.table('events')}
  WHERE journey != ${ZERO_UUID} AND type IN ('journey_start', 'journey_complete', 'journey_error') AND excluded = '' AND ${byService}
  GROUP BY service, journey`
  const dims = ROLLUP_DIMENSIONS.map((d, i) => `tupleElement(s, ${i + 2}) AS ${d}`).join(', ')
  return `SELECT service, journey, tupleElement(s, 1) AS start_ts, toDate(start_ts) AS start_day, ${dims},
  toUInt8(n_completes > 0) AS completed, toUInt8(n_errors > 0) AS errored,
  if(n_completes > 0 AND c_ts >= start_ts, toUnixTimestamp64Milli(c_ts) - toUnixTimestamp64Milli(start_ts), NULL) AS duration_ms
FROM (
  ${perJourney}
  HAVING n_starts > 0
)
WHERE start_ts >= ${ms(`${prefix}_from`)} AND start_ts < ${ms(`${prefix}_to`)} AND ${byDimension}`
}
