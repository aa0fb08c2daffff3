/**
 * The rollups (migration 2): materialized views from the raw `events` table
 * into pre-aggregated tables, so that metrics and flags read
 * O(services × days) rows for answers and events, and one row per journey
 * for journeys, instead of every event.
 *
 * - `rollup_answers` (SummingMergeTree): survey answers counted per
 *   UTC day × service × dimensions × metric × question × score. CSAT, NPS,
 *   CES and score distributions are exact functions of these counts.
 * - `rollup_events` (SummingMergeTree): events counted per UTC day × service ×
 *   dimensions × type × step × error code × metric (volumes).
 * - `rollup_journeys` (AggregatingMergeTree, one row per service × journey
 *   once merged): number of starts, completions and errors, the first start
 *   (its timestamp and the journey's dimensions, as one tuple so the pair is
 *   never torn) and the first completion. Journeys whose events arrive in
 *   different inserts or on different days merge here; readers always
 *   `GROUP BY service, journey` with `-Merge`, so unmerged parts are exact too.
 * - `rollup_journey_steps` (AggregatingMergeTree): first arrival at each step
 *   of each journey, for funnels.
 *
 * `-If` states (`minIfState`) remember whether any row matched, so an insert
 * block holding only a journey's steps leaves the first-start state empty
 * instead of writing 1970 into a `min`. Counts are `SimpleAggregateFunction(sum)`.
 *
 * The same SELECTs, with `{from}` bound to the Distributed `events` table,
 * backfill the rollups from events stored before the migration.
 *
 * Migration 5 replaced the two journey rollups with day-keyed ones
 * (journey-rollups.ts); their definitions stay here because migrations 2
 * and 4, applied in order on a fresh database, still create them.
 */
import { createMaterializedView, createTable, quoteIdent, type DdlTarget, type TableSpec } from './ddl.js'

/** Dimensions every rollup carries, in the order of the journey start tuple after the timestamp. */
export const ROLLUP_DIMENSIONS = ['life_situation', 'site_id', 'channel', 'segment', 'locale', 'device', 'browser'] as const

const ZERO_UUID = "toUUID('00000000-0000-0000-0000-000000000000')"
const TS = "DateTime64(3, 'UTC')"
const LC = 'LowCardinality(String)'
const DIM_COLUMNS = ROLLUP_DIMENSIONS.map((d) => `${d} ${LC}`)
const DIMS = ROLLUP_DIMENSIONS.join(', ')
const sharded = { kind: 'sharded', shardingKey: 'cityHash64(service)' } as const

/** The journey start tuple: (ts, life_situation, site_id, channel, segment, locale, device, browser). */
const START_TUPLE_TYPE = `Tuple(${TS}, ${ROLLUP_DIMENSIONS.map(() => 'String').join(', ')})`
const START_TUPLE = `tuple(ts, ${ROLLUP_DIMENSIONS.map((d) => `CAST(${d} AS String)`).join(', ')})`

export const ANSWERS_ROLLUP: TableSpec = {
  name: 'rollup_answers',
  columns: [
    'day Date',
    `service ${LC}`,
    ...DIM_COLUMNS,
    `metric ${LC}`,
    `question ${LC}`,
    'score Int8',
    'answers UInt64',
    'comments UInt64',
  ],
  engine: { kind: 'SummingMergeTree' },
  partitionBy: 'toYYYYMM(day)',
  orderBy: `(service, day, metric, question, score, ${DIMS})`,
  distribution: sharded,
}

export const EVENTS_ROLLUP: TableSpec = {
  name: 'rollup_events',
  columns: ['day Date', `service ${LC}`, ...DIM_COLUMNS, `type ${LC}`, `step ${LC}`, `error_code ${LC}`, `metric ${LC}`, 'events UInt64'],
  engine: { kind: 'SummingMergeTree' },
  partitionBy: 'toYYYYMM(day)',
  orderBy: `(service, day, type, step, error_code, metric, ${DIMS})`,
  distribution: sharded,
}

export const JOURNEYS_ROLLUP: TableSpec = {
  name: 'rollup_journeys',
  columns: [
    `service ${LC}`,
    'journey UUID',
    'starts SimpleAggregateFunction(sum, UInt64)',
    `first_start AggregateFunction(minIf, ${START_TUPLE_TYPE}, UInt8)`,
    'completes SimpleAggregateFunction(sum, UInt64)',
    `first_complete AggregateFunction(minIf, ${TS}, UInt8)`,
    'errors SimpleAggregateFunction(sum, UInt64)',
  ],
  engine: { kind: 'AggregatingMergeTree' },
  orderBy: '(service, journey)',
  distribution: sharded,
}

export const JOURNEY_STEPS_ROLLUP: TableSpec = {
  name: 'rollup_journey_steps',
  columns: [`service ${LC}`, 'journey UUID', `step ${LC}`, `first_ts SimpleAggregateFunction(min, ${TS})`, 'hits SimpleAggregateFunction(sum, UInt64)'],
  engine: { kind: 'AggregatingMergeTree' },
  orderBy: '(service, journey, step)',
  distribution: sharded,
}

const ANSWERS_SELECT = `SELECT toDate(ts) AS day, service, ${DIMS}, metric, question, assumeNotNull(score) AS score,
  count() AS answers, countIf(comment != '') AS comments
FROM {from}
WHERE type = 'survey_response' AND score IS NOT NULL AND {counted}
GROUP BY day, service, ${DIMS}, metric, question, score`

const EVENTS_SELECT = `SELECT toDate(ts) AS day, service, ${DIMS}, type, step, error_code, metric, count() AS events
FROM {from}
WHERE {counted}
GROUP BY day, service, ${DIMS}, type, step, error_code, metric`

const JOURNEYS_SELECT = `SELECT service, journey,
  countIf(type = 'journey_start') AS starts,
  minIfState(${START_TUPLE}, type = 'journey_start') AS first_start,
  countIf(type = 'journey_complete') AS completes,
  minIfState(ts, type = 'journey_complete') AS first_complete,
  countIf(type = 'journey_error') AS errors
FROM {from}
WHERE journey != ${ZERO_UUID} AND type IN ('journey_start', 'journey_complete', 'journey_error') AND {counted}
GROUP BY service, journey`

const JOURNEY_STEPS_SELECT = `SELECT service, journey, step, min(ts) AS first_ts, count() AS hits
FROM {from}
WHERE journey != ${ZERO_UUID} AND type = 'journey_step' AND step != '' AND {counted}
GROUP BY service, journey, step`

const ROLLUPS = [
  { spec: ANSWERS_ROLLUP, view: 'rollup_answers_mv', select: ANSWERS_SELECT },
  { spec: EVENTS_ROLLUP, view: 'rollup_events_mv', select: EVENTS_SELECT },
  { spec: JOURNEYS_ROLLUP, view: 'rollup_journeys_mv', select: JOURNEYS_SELECT },
  { spec: JOURNEY_STEPS_ROLLUP, view: 'rollup_journey_steps_mv', select: JOURNEY_STEPS_SELECT },
] as const

/**
 * Migration 2: the rollup tables, their views, and a backfill from the events
 * already stored. Run before ingestion starts (at start-up or `otklik migrate`),
 * so no event is both backfilled and seen by a view.
 */
export function rollupStatements(t: DdlTarget): string[] {
  const db = quoteIdent(t.database)
  const statements: string[] = []
  for (const { spec, view, select } of ROLLUPS) {
    statements.push(...createTable(t, spec))
    statements.push(createMaterializedView(t, view, { from: 'events', to: spec.name, select: select.replaceAll('{counted}', '1') }))
  }
  // Through the Distributed tables in a cluster: every shard's events, each
  // row sent to the shard its service hashes to.
  for (const { spec, select } of ROLLUPS) {
    statements.push(`INSERT INTO ${db}.${spec.name}\n${select.replaceAll('{from}', `${db}.events`).replaceAll('{counted}', '1')}`)
  }
  return statements
}

/**
 * The views again, counting only rows whose `excluded` is empty (the
 * migration that adds the column replaces the views of migration 2 with
 * these). A reinstated answer is a counted copy inserted later, which the
 * views then count like any new row.
 */
export function countedRollupViews(t: DdlTarget): string[] {
  const db = quoteIdent(t.database)
  return ROLLUPS.flatMap(({ spec, view, select }) => [
    `DROP VIEW IF EXISTS ${db}.${quoteIdent(view)}${t.cluster ? ` ON CLUSTER ${quoteIdent(t.cluster)}` : ''}`,
    createMaterializedView(t, view, { from: 'events', to: spec.name, select: select.replaceAll('{counted}', COUNTED) }),
  ])
}

/** The condition every reader of raw events adds: the row is not excluded. */
export const COUNTED = "excluded = ''"

