/**
 * The journey rollups (migration 5), keyed by the day of the events they
 * count, so that a time window reads the days it needs instead of every
 * journey ever stored:
 *
 * - `rollup_journey_days` (AggregatingMergeTree): per UTC day × service ×
 *   journey × dimensions, the number of starts, completions and errors and
 *   the first start and first completion of that day, as plain `min` values.
 * - `rollup_journey_step_days` (AggregatingMergeTree): per UTC day × service
 *   × journey × step, the first arrival and the number of hits.
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
 * They replace migration 2's `rollup_journeys` and `rollup_journey_steps`
 * (ordered by journey alone, so every call regrouped every journey) and
 * their views: the same two views on the insert path, plain values instead
 * of tuple states. Backfilled from the counted raw events.
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
  ],
  engine: { kind: 'AggregatingMergeTree' },
  partitionBy: 'toYYYYMM(day)',
  orderBy: `(service, day, journey, ${DIMS})`,
  distribution: sharded,
}

const JOURNEY_STEP_DAYS_ROLLUP: TableSpec = {
  name: 'rollup_journey_step_days',
  columns: [
    'day Date',
    `service ${LC}`,
    'journey UUID',
    `step ${LC}`,
    `first_ts SimpleAggregateFunction(min, ${TS})`,
    'hits SimpleAggregateFunction(sum, UInt64)',
  ],
  engine: { kind: 'AggregatingMergeTree' },
  partitionBy: 'toYYYYMM(day)',
  orderBy: '(service, day, journey, step)',
  distribution: sharded,
}

/** The tables `otklik erase` deletes a journey's rows from before rebuilding them. */
export const JOURNEY_ROLLUP_TABLES = [JOURNEY_DAYS_ROLLUP.name, JOURNEY_STEP_DAYS_ROLLUP.name] as const

const JOURNEY_DAYS_SELECT = `SELECT toDate(ts) AS day, service, journey, ${DIMS},
  countIf(type = 'journey_start') AS starts,
  min(if(type = 'journey_start', ts, ${NO_TS})) AS first_start,
  countIf(type = 'journey_complete') AS completes,
  min(if(type = 'journey_complete', ts, ${NO_TS})) AS first_complete,
  countIf(type = 'journey_error') AS errors
FROM {from}
WHERE journey != ${ZERO_UUID} AND type IN ('journey_start', 'journey_complete', 'journey_error') AND ${COUNTED}
GROUP BY day, service, journey, ${DIMS}`

const JOURNEY_STEP_DAYS_SELECT = `SELECT toDate(ts) AS day, service, journey, step, min(ts) AS first_ts, count() AS hits
FROM {from}
WHERE journey != ${ZERO_UUID} AND type = 'journey_step' AND step != '' AND ${COUNTED}
GROUP BY day, service, journey, step`

const ROLLUPS = [
  { spec: JOURNEY_DAYS_ROLLUP, view: 'rollup_journey_days_mv', select: JOURNEY_DAYS_SELECT },
  { spec: JOURNEY_STEP_DAYS_ROLLUP, view: 'rollup_journey_step_days_mv', select: JOURNEY_STEP_DAYS_SELECT },
] as const

/** Migration 2's journey rollups, which these replace. */
const REPLACED = [
  { table: 'rollup_journeys', view: 'rollup_journeys_mv' },
  { table: 'rollup_journey_steps', view: 'rollup_journey_steps_mv' },
] as const

/**
 * Migration 5: the old journey views go first (one view per table on the
 * insert path, as before), then the new tables, their views, a backfill
 * from the events already stored, and the old tables. Run before ingestion
 * starts, like migration 2, so no event is both backfilled and seen by a view.
 */
export function journeyRollupStatements(t: DdlTarget): string[] {
  const db = quoteIdent(t.database)
  const on = t.cluster ? ` ON CLUSTER ${quoteIdent(t.cluster)}` : ''
  const statements = REPLACED.map(({ view }) => `DROP VIEW IF EXISTS ${db}.${quoteIdent(view)}${on}`)
  for (const { spec, view, select } of ROLLUPS) {
    statements.push(...createTable(t, spec))
    statements.push(createMaterializedView(t, view, { from: 'events', to: spec.name, select }))
  }
  // Through the Distributed tables in a cluster: every shard's events, each row sent to the shard its service hashes to.
  for (const { spec, select } of ROLLUPS) statements.push(`INSERT INTO ${db}.${spec.name}\n${select.replaceAll('{from}', `${db}.events`)}`)
  for (const { table } of REPLACED) {
    if (t.cluster) statements.push(`DROP TABLE IF EXISTS ${db}.${quoteIdent(table)}${on} SYNC`)
    statements.push(`DROP TABLE IF EXISTS ${db}.${quoteIdent(storageTable(t, table))}${on} SYNC`)
  }
  return statements
}

/**
 * Statements that rebuild the journey rollups' rows from the counted raw
 * events chosen by `where` (for `otklik erase`, after it deleted the rows of
 * the journeys it touched): through the Distributed tables in a cluster.
 */
export function journeyRollupRebuild(t: DdlTarget, where: string): string[] {
  const db = quoteIdent(t.database)
  return ROLLUPS.map(({ spec, select }) => `INSERT INTO ${db}.${spec.name}\n${select.replaceAll('{from}', `(SELECT * FROM ${db}.events WHERE ${where})`)}`)
}
