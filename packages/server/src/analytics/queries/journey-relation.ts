/**
 * The journeys of a window as a relation, one row per service × journey,
 * shared by the journey queries. A journey belongs to the window of its
 * first `journey_start` event and takes that event's dimensions; it counts
 * as completed when it has a `journey_complete` event, as errored when it
 * has a `journey_error` event (whenever they arrived). Its duration is
 * first completion − first start, for completed journeys whose completion
 * is not earlier than their start. Journeys without a `journey_start` event
 * are not counted. From the rollup, only the days from JOURNEY_LOOKBACK_DAYS
 * before the window on are read.
 *
 * Columns: service, journey, start_ts, start_day, the dimensions asked for
 * (and those the scope filters on), completed (0/1), errored (0/1),
 * duration_ms (Nullable(Int64)). Only those dimensions are carried, because
 * finding the first start's dimensions per journey costs more than the rest
 * of the grouping; when one journey has two starts in the same millisecond,
 * the smallest values of those dimensions win, from either source.
 */
import { JOURNEY_LOOKBACK_DAYS } from '../../storage/journey-rollups.js'
import { ROLLUP_DIMENSIONS } from '../../storage/rollups.js'
import type { QueryParams, Store } from '../../storage/store.js'
import { FILTER_COLUMNS, type Scope } from '../filters.js'
import { DIMENSION_FILTERS, and, filterConditions, ms, type Dimension } from '../sql.js'
import { DAY_MS, isoDay, type Source, type TimeWindow } from '../window.js'

const ZERO_UUID = "toUUID('00000000-0000-0000-0000-000000000000')"

export interface RelationOptions {
  source?: Source | undefined
  window?: TimeWindow
  prefix?: string
  /** Dimensions of the first start the caller groups by. */
  dimensions?: readonly Dimension[]
  /** Adds `steps`: the first arrival at each step, epoch ms by step name (Map(String, Int64)). */
  steps?: boolean
}

/**
 * The first day of journey rollup rows a window needs: its first day, less
 * the look-back (see JOURNEY_LOOKBACK_DAYS). Later rows are all read, since
 * a journey of the window may complete at any time after it.
 */
export function journeyRowsSince(window: TimeWindow): string {
  return isoDay(Math.floor(window.from / DAY_MS) * DAY_MS - JOURNEY_LOOKBACK_DAYS * DAY_MS)
}

/** SQL of the relation; sets its parameters (`prefix`_from/_to/_since and the filters) in `params`. */
export function journeyRelation(store: Store, scope: Scope, params: QueryParams, opts: RelationOptions = {}): string {
  const prefix = opts.prefix ?? 'j'
  const window = opts.window ?? scope.window
  params[`${prefix}_from`] = window.from
  params[`${prefix}_to`] = window.to
  params[`${prefix}_since`] = journeyRowsSince(window)
  const byService = and(filterConditions(scope, ['service'], params))
  const byDimension = and(filterConditions(scope, DIMENSION_FILTERS, params))
  const wanted = new Set<string>([...(opts.dimensions ?? []), ...DIMENSION_FILTERS.filter((f) => scope.values[f] !== undefined)].map((d) => FILTER_COLUMNS[d]))
  const columns = ROLLUP_DIMENSIONS.filter((c) => wanted.has(c))
  const rollup = (opts.source ?? 'rollup') === 'rollup'
  // The first start, with its dimensions as one tuple so the pair is never torn. In the
  // rollup a day without a start has the latest possible first_start, so `min` skips it.
  const startTs = rollup ? 'first_start' : 'ts'
  const first = columns.length === 0 ? startTs : `tuple(${startTs}, ${columns.map((c) => `CAST(${c} AS String)`).join(', ')})`
  const steps = !opts.steps
    ? ''
    : rollup
      ? ', minMap(step_first) AS steps'
      : ", minMapIf(map(CAST(step AS String), toUnixTimestamp64Milli(ts)), type = 'journey_step' AND step != '') AS steps"
  const perJourney = rollup
    ? `SELECT service, journey, sum(starts) AS n_starts, min(${first}) AS s,
    sum(completes) AS n_completes, min(first_complete) AS c_ts, sum(errors) AS n_errors${steps}
  FROM ${store.table('rollup_journey_days')}
  WHERE ${byService} AND day >= {${prefix}_since:Date}
  GROUP BY service, journey`
    : `SELECT service, journey, countIf(type = 'journey_start') AS n_starts, minIf(${first}, type = 'journey_start') AS s,
    countIf(type = 'journey_complete') AS n_completes, minIf(ts, type = 'journey_complete') AS c_ts, countIf(type = 'journey_error') AS n_errors${steps}
  FROM ${store.table('events')}
  WHERE journey != ${ZERO_UUID} AND type IN ('journey_start', 'journey_complete', 'journey_error'${opts.steps ? ", 'journey_step'" : ''}) AND excluded = '' AND ${byService}
  GROUP BY service, journey`
  const start = columns.length === 0 ? 's AS start_ts' : ['tupleElement(s, 1) AS start_ts', ...columns.map((c, i) => `tupleElement(s, ${i + 2}) AS ${c}`)].join(', ')
  return `SELECT service, journey, ${start}, toDate(start_ts) AS start_day${opts.steps ? ', steps' : ''},
  toUInt8(n_completes > 0) AS completed, toUInt8(n_errors > 0) AS errored,
  if(n_completes > 0 AND c_ts >= start_ts, toUnixTimestamp64Milli(c_ts) - toUnixTimestamp64Milli(start_ts), NULL) AS duration_ms
FROM (
  ${perJourney}
  HAVING n_starts > 0
)
WHERE start_ts >= ${ms(`${prefix}_from`)} AND start_ts < ${ms(`${prefix}_to`)} AND ${byDimension}`
}
