/**
 * Applies the migrations that are not yet recorded, in order, and keeps the
 * events table's TTL in step with RETENTION_DAYS.
 */
import { alterShardedTable, createDatabase, createTable } from './ddl.js'
import { toNumber } from './int64.js'
import { EVENT_IDS_TABLE } from './event-ids.js'
import { EVENTS_TABLE, MIGRATIONS, MIGRATIONS_TABLE, type Migration } from './schema.js'
import type { Store } from './store.js'

export interface MigrationResult {
  applied: { version: number; name: string }[]
  /** True when the schema was created from nothing: a first start. */
  fresh: boolean
}

export async function migrate(store: Store, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationResult> {
  for (const sql of [createDatabase(store.target), ...createTable(store.target, MIGRATIONS_TABLE)]) await store.command(sql)
  const done = await store.query<{ version: unknown }>(`SELECT version FROM ${store.table('schema_migrations')} FINAL`)
  const have = new Set(done.map((r) => toNumber(r.version)))
  const applied: MigrationResult['applied'] = []
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (have.has(m.version)) continue
    for (const sql of m.statements(store.target)) await store.command(sql)
    await store.insert('schema_migrations', [{ version: m.version, name: m.name }])
    applied.push({ version: m.version, name: m.name })
  }
  return { applied, fresh: have.size === 0 && applied.length > 0 }
}

/** Sets (or removes) the TTL of the events and of their ids where it differs from `retentionDays`; true when one changed. */
export async function applyRetention(store: Store, retentionDays: number): Promise<boolean> {
  let changed = false
  for (const table of [EVENTS_TABLE.name, EVENT_IDS_TABLE.name]) changed = (await applyTableRetention(store, table, retentionDays)) || changed
  return changed
}

async function applyTableRetention(store: Store, table: string, retentionDays: number): Promise<boolean> {
  const [row] = await store.query<{ q: string }>(
    'SELECT create_table_query AS q FROM system.tables WHERE database = {db:String} AND name = {name:String}',
    { db: store.target.database, name: store.target.cluster ? `${table}_local` : table },
  )
  const current = /TTL .*?toIntervalDay\((\d+)\)/.exec(row?.q ?? '')?.[1]
  const want = retentionDays > 0 ? String(retentionDays) : undefined
  if (current === want) return false
  const change = want ? `MODIFY TTL toDateTime(ts) + toIntervalDay(${Number(want)})` : 'REMOVE TTL'
  if (!want && current === undefined) return false
  await store.command(alterShardedTable(store.target, table, change))
  return true
}
