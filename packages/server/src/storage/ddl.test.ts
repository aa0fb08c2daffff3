import { describe, expect, it } from 'vitest'
import { createMaterializedView, createTable } from './ddl.js'
import { journeyRollupStatements } from './journey-rollups.js'
import { EVENTS_TABLE, MIGRATIONS, SITES_TABLE } from './schema.js'

const single = { database: 'otklik' }
const cluster = { database: 'otklik', cluster: 'main' }

describe('DDL on one engine', () => {
  it('creates plain MergeTree tables with partitions, order, TTL-free and dedup window', () => {
    const [sql, ...rest] = createTable(single, EVENTS_TABLE)
    expect(rest).toEqual([])
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS otklik.events (')
    expect(sql).toContain('ENGINE = MergeTree()')
    expect(sql).toContain('PARTITION BY toYYYYMM(ts)')
    expect(sql).toContain('ORDER BY (service, toDate(ts), type, ts)')
    expect(sql).toContain('non_replicated_deduplication_window = 10000')
    expect(sql).not.toContain('ON CLUSTER')
  })
})

describe('DDL on a cluster (CLICKHOUSE_CLUSTER)', () => {
  it('puts every statement of every migration ON CLUSTER', () => {
    // Backfill INSERTs (migration 2) go through the Distributed tables instead.
    const statements = MIGRATIONS.flatMap((m) => m.statements(cluster)).filter((sql) => !sql.startsWith('INSERT INTO'))
    expect(statements.length).toBeGreaterThan(0)
    for (const sql of statements) expect(sql).toMatch(/ON CLUSTER main/)
  })

  it('shards events over a ReplicatedMergeTree local table behind a Distributed table', () => {
    const [local, distributed] = createTable(cluster, EVENTS_TABLE)
    expect(local).toContain('CREATE TABLE IF NOT EXISTS otklik.events_local ON CLUSTER main (')
    expect(local).toContain("ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/otklik/events_local', '{replica}')")
    expect(distributed).toBe(
      'CREATE TABLE IF NOT EXISTS otklik.events ON CLUSTER main AS otklik.events_local\n' +
        'ENGINE = Distributed(main, otklik, events_local, cityHash64(service))',
    )
  })

  it('replicates registry tables to every node under their plain name', () => {
    const statements = createTable(cluster, SITES_TABLE)
    expect(statements).toHaveLength(1)
    expect(statements[0]).toContain('CREATE TABLE IF NOT EXISTS otklik.sites ON CLUSTER main (')
    expect(statements[0]).toContain("ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/otklik/sites', '{replica}', updated_at)")
  })

  it('points materialized views from local table to local table', () => {
    const sql = createMaterializedView(cluster, 'daily_mv', { from: 'events', to: 'daily', select: 'SELECT service FROM {from}' })
    expect(sql).toBe('CREATE MATERIALIZED VIEW IF NOT EXISTS otklik.daily_mv ON CLUSTER main TO otklik.daily_local AS\nSELECT service FROM otklik.events_local')
  })

  it('replaces the journey rollups of migration 2 on every shard: views first, then the old local and Distributed tables (migration 5)', () => {
    const statements = journeyRollupStatements(cluster)
    const at = (prefix: string) => statements.findIndex((sql) => sql.startsWith(prefix))
    expect(statements.slice(0, 2)).toEqual([
      'DROP VIEW IF EXISTS otklik.rollup_journeys_mv ON CLUSTER main',
      'DROP VIEW IF EXISTS otklik.rollup_journey_steps_mv ON CLUSTER main',
    ])
    expect(statements.find((sql) => sql.includes('otklik.rollup_journey_days_local ON CLUSTER main ('))).toContain(
      "ENGINE = ReplicatedAggregatingMergeTree('/clickhouse/tables/{shard}/otklik/rollup_journey_days_local', '{replica}')",
    )
    expect(statements).toContain(
      'CREATE TABLE IF NOT EXISTS otklik.rollup_journey_days ON CLUSTER main AS otklik.rollup_journey_days_local\n' +
        'ENGINE = Distributed(main, otklik, rollup_journey_days_local, cityHash64(service))',
    )
    expect(statements.find((sql) => sql.startsWith('CREATE MATERIALIZED VIEW'))).toMatch(/TO otklik\.rollup_journey_days_local AS[\s\S]*FROM otklik\.events_local/)
    // The backfill goes through the Distributed tables, before the old tables go.
    expect(at('INSERT INTO otklik.rollup_journey_days\n')).toBeLessThan(at('DROP TABLE'))
    expect(statements.filter((sql) => sql.startsWith('DROP TABLE'))).toEqual([
      'DROP TABLE IF EXISTS otklik.rollup_journeys ON CLUSTER main SYNC',
      'DROP TABLE IF EXISTS otklik.rollup_journeys_local ON CLUSTER main SYNC',
      'DROP TABLE IF EXISTS otklik.rollup_journey_steps ON CLUSTER main SYNC',
      'DROP TABLE IF EXISTS otklik.rollup_journey_steps_local ON CLUSTER main SYNC',
    ])
  })
})
