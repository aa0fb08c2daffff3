/**
 * The versioned schema. A migration is applied once, in order, and recorded
 * in `schema_migrations`; never edit an applied one, add the next.
 */
import { excludedColumnStatements } from '../ingest/forgery/migration.js'
import { flagLifeStatements } from '../flag-life/tables.js'
import { journeyRollupStatements } from './journey-rollups.js'
import { eventIdsStatements } from './event-ids.js'
import { rollupStatements } from './rollups.js'
import { createDatabase, createTable, type DdlTarget, type TableSpec } from './ddl.js'

export interface Migration {
  version: number
  name: string
  statements: (t: DdlTarget) => string[]
}

export const MIGRATIONS_TABLE: TableSpec = {
  name: 'schema_migrations',
  columns: ['version UInt32', 'name String', "applied_at DateTime64(3, 'UTC') DEFAULT now64(3)"],
  engine: { kind: 'ReplacingMergeTree', version: 'applied_at' },
  orderBy: 'version',
  distribution: { kind: 'everywhere' },
}

/** Raw events: one row per accepted event, ordered for per-service time scans. */
export const EVENTS_TABLE: TableSpec = {
  name: 'events',
  columns: [
    'id UUID',
    "ts DateTime64(3, 'UTC')",
    "received_at DateTime64(3, 'UTC')",
    'site_id LowCardinality(String)',
    'type LowCardinality(String)',
    'session UUID',
    'journey UUID',
    'service LowCardinality(String)',
    'life_situation LowCardinality(String)',
    'step LowCardinality(String)',
    'channel LowCardinality(String)',
    'segment LowCardinality(String)',
    'locale LowCardinality(String)',
    'device LowCardinality(String)',
    'browser LowCardinality(String)',
    'os LowCardinality(String)',
    'path String',
    'error_code LowCardinality(String)',
    'metric LowCardinality(String)',
    'question LowCardinality(String)',
    'score Nullable(Int8)',
    'comment String',
    'sdk LowCardinality(String)',
  ],
  // The bloom filter serves the "already stored?" check by event id that
  // makes client retries and spool replays idempotent.
  indexes: ['id_bloom id TYPE bloom_filter(0.001) GRANULARITY 1'],
  engine: { kind: 'MergeTree' },
  partitionBy: 'toYYYYMM(ts)',
  orderBy: '(service, toDate(ts), type, ts)',
  settings: { non_replicated_deduplication_window: 10000, replicated_deduplication_window: 10000 },
  distribution: { kind: 'sharded', shardingKey: 'cityHash64(service)' },
}

const registry = (name: string, columns: string[], orderBy: string): TableSpec => ({
  name,
  columns: [...columns, "updated_at DateTime64(3, 'UTC') DEFAULT now64(3)", 'deleted UInt8 DEFAULT 0'],
  engine: { kind: 'ReplacingMergeTree', version: 'updated_at' },
  orderBy,
  distribution: { kind: 'everywhere' },
})

export const SITES_TABLE = registry(
  'sites',
  [
    'key String',
    "kind LowCardinality(String)", // web | app
    'name String',
    'origins Array(String)',
    'secret_hash String',
    'sampling Float64 DEFAULT 1',
    'settings String DEFAULT \'{}\'',
    "created_at DateTime64(3, 'UTC') DEFAULT now64(3)",
  ],
  'key',
)

export const TOKENS_TABLE = registry(
  'api_tokens',
  ['id String', 'hash String', 'scope LowCardinality(String)', 'name String', "created_at DateTime64(3, 'UTC') DEFAULT now64(3)"],
  'id',
)

export const SERVICES_TABLE = registry(
  'services',
  [
    'id String',
    'name_ru String',
    'name_en String',
    'agency String',
    'life_situations Array(String)',
    'target_csat Nullable(Float64)',
    'target_nps Nullable(Float64)',
    'target_ces Nullable(Float64)',
    'target_completion Nullable(Float64)',
    'target_error_rate Nullable(Float64)',
  ],
  'id',
)

export const LIFE_SITUATIONS_TABLE = registry('life_situations', ['id String', 'name_ru String', 'name_en String'], 'id')

export const AGENCIES_TABLE = registry('agencies', ['id String', 'name_ru String', 'name_en String'], 'id')

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events and registry',
    statements: (t) => [
      createDatabase(t),
      ...[EVENTS_TABLE, SITES_TABLE, TOKENS_TABLE, SERVICES_TABLE, LIFE_SITUATIONS_TABLE, AGENCIES_TABLE].flatMap((spec) =>
        createTable(t, spec),
      ),
    ],
  },
  {
    // Materialized views into pre-aggregated tables (see rollups.ts).
    version: 2,
    name: 'analytics rollups',
    statements: rollupStatements,
  },
  {
    // Flag lifecycle, webhooks, mail; owners in the registry; agency tokens (see flag-life/tables.ts).
    version: 3,
    name: 'flag lifecycle, owners, webhooks',
    statements: flagLifeStatements,
  },
  {
    // Ballot stuffing: suspicious answers are kept but marked, and the
    // rollup views skip them (see ingest/forgery/).
    version: 4,
    name: 'excluded answers',
    statements: excludedColumnStatements,
  },
  {
    // Journey rollups keyed by day, so a window prunes (see journey-rollups.ts).
    version: 5,
    name: 'journey rollups by day',
    statements: journeyRollupStatements,
  },
  {
    // The stored ids ordered by id, for the lookup before every block (see event-ids.ts).
    version: 6,
    name: 'event ids',
    statements: eventIdsStatements,
  },
]
