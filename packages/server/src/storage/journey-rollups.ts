/**
 * The journey rollup (migration 5), keyed by the day of the events it
 * counts, so that a time window reads the days it needs instead of every
 * journey ever stored: `rollup_journey_days` (AggregatingMergeTree), per UTC
 * day × service × journey × dimensions, the number of starts, completions
 * and errors, the first start and first completion of that day as plain
 * `min` values, and the first arrival at each step (epoch ms by step name,
 * `minMap`), which the funnel reads from the same rows.
 *
 * A journey whose events arrive in different inserts or on different days
 * has several rows; readers `GROUP BY service, journey` over the days they
 * read, so unmerged parts and days are exact. The dimensions are in the key
 * (a journey's events normally share them, so its rows of a day still merge
 * into one), so the first start's dimensions are `min(tuple(first_start,
 * dimensions))` at read time, as the raw query computes them, with no
 * aggregate state to merge.
 *
 * A day without a start (or a completion) stores NO_TS, later than any
 * timestamp, instead of an empty state: `min` then skips it on merges.
 *
 * It replaces migration 2's `rollup_journeys` and `rollup_journey_steps`
 * (ordered by journey alone, so every call regrouped every journey, and
 * the first start kept as a tuple state) and their two views with one view
 * on the insert path. Backfilled from the counted raw events.
 */
import { createMaterializedView, createTable, quoteIdent, storageTable, type DdlTarget, type TableSpec } from './ddl.js'
import { COUNTED, ROLLUP_DIMENSIONS } from './rollups.js'

/**
 * How many days before a window its journeys' rows are read: a journey of
 * the window is exact when its other events are at most this much earlier
 * than its first start (and, for a journey restarted under the same id,
 * when its first start is not more than this before the window's start).
 * Live ingestion moves no timestamp more than 7 days into the past or 1 day
 * into the future, so events sent after a journey's start always fall inside.
 */
export const JOURNEY_LOOKBACK_DAYS = 8

/** Later than any event: the value of a day's first start when the day has none. */
const NO_TS = "toDateTime64('2299-12-31 23:59:59.999', 3, 'UTC')"

const ZERO_UUID = "toUUID('00000000-0000-0000-0000-000000000000')"
const TS = "DateTime64(3, 'UTC')"
const LC = 'LowCardinality(String)'
const DIMS = ROLLUP_DIMENSIONS.join(', ')
const sharded = { kind: 'sharded', shardingKey: 'cityHash64(service)' } as const

const JOURNEY_DAYS_ROLLUP: TableSpec = {
  name: 'rollup_journey_days',
  columns: [
    'day Date',
    `service ${LC}`,
    'journey UUID',
    ...ROLLUP_DIMENSIONS.map((d) => `${d} ${LC}`),
    'starts SimpleAggregateFunction(sum, UInt64)',
    `first_start SimpleAggregateFunction(min, ${TS})`,
    'completes SimpleAggregateFunction(sum, UInt64)',
    `first_complete SimpleAggregateFunction(min, ${TS})`,
    'errors SimpleAggregateFunction(sum, UInt64)',
    'step_first SimpleAggregateFunction(minMap, Map(String, Int64))',
  ],
  engine: { kind: 'AggregatingMergeTree' },
  partitionBy: 'toYYYYMM(day)',
  orderBy: `(service, day, journey, ${DIMS})`,
  distribution: sharded,
}

/** The table `otklik erase` deletes a journey's rows from before rebuilding them. */
export const JOURNEY_ROLLUP_TABLE = JOURNEY_DAYS_ROLLUP.name

const JOURNEY_DAYS_SELECT = `SELECT toDate(ts) AS day, service, journey, ${DIMS},
  countIf(type = 'journey_start') AS starts,
  min(if(type = 'journey_start', ts, ${NO_TS})) AS first_start,
  countIf(type = 'journey_complete') AS completes,
  min(if(type = 'journey_complete', ts, ${NO_TS})) AS first_complete,
  countIf(type = 'journey_error') AS errors,
  minMapIf(map(CAST(step AS String), toUnixTimestamp64Milli(ts)), type = 'journey_step' AND step != '') AS step_first
FROM {from}
WHERE journey != ${ZERO_UUID} AND type IN ('journey_start', 'journey_complete', 'journey_error', 'journey_step') AND ${COUNTED}
GROUP BY day, service, journey, ${DIMS}`

const VIEW = 'rollup_journey_days_mv'

/** Migration 2's journey rollups, which these replace. */
const REPLACED = [
  { table: 'rollup_journeys', view: 'rollup_journeys_mv' },
  { table: 'rollup_journey_steps', view: 'rollup_journey_steps_mv' },
] as const

/**
 * Migration 5: the old journey views go first, then the new table, its
 * view, a backfill from the events already stored, and the old tables. Run before ingestion
 * starts, like migration 2, so no event is both backfilled and seen by a view.
 */
export function journeyRollupStatements(t: DdlTarget): string[] {
  const db = quoteIdent(t.database)
  const on = t.cluster ? ` ON CLUSTER ${quoteIdent(t.cluster)}` : ''
  return [
    ...REPLACED.map(({ view }) => `DROP VIEW IF EXISTS ${db}.${quoteIdent(view)}${on}`),
    ...createTable(t, JOURNEY_DAYS_ROLLUP),
    createMaterializedView(t, VIEW, { from: 'events', to: JOURNEY_DAYS_ROLLUP.name, select: JOURNEY_DAYS_SELECT }),
    // Through the Distributed table in a cluster: every shard's events, each row sent to the shard its service hashes to.
    `INSERT INTO ${db}.${JOURNEY_DAYS_ROLLUP.name}\n${JOURNEY_DAYS_SELECT.replaceAll('{from}', `${db}.events`)}`,
    ...REPLACED.flatMap(({ table }) => [
      ...(t.cluster ? [`DROP TABLE IF EXISTS ${db}.${quoteIdent(table)}${on} SYNC`] : []),
      `DROP TABLE IF EXISTS ${db}.${quoteIdent(storageTable(t, table))}${on} SYNC`,
    ]),
  ]
}

/**
 * The statement that rebuilds the journey rollup's rows from the counted raw
 * events chosen by `where` (for `otklik erase`, after it deleted the rows of
 * the journeys it touched): through the Distributed table in a cluster.
 */
export function journeyRollupRebuild(t: DdlTarget, where: string): string {
  const db = quoteIdent(t.database)
  return `INSERT INTO ${db}.${JOURNEY_DAYS_ROLLUP.name}\n${JOURNEY_DAYS_SELECT.replaceAll('{from}', `(SELECT * FROM ${db}.events WHERE ${where})`)}`
}
