/**
 * The ids of stored events (migration 6), ordered by id, so that "which of
 * these ids are stored already?" — asked before every block, to make client
 * retries and spool replays idempotent — reads a few small granules per id
 * through the primary key instead of every id of the window in `events`
 * (ordered by service and time, where a random UUID can be anywhere): its
 * cost no longer grows with the table. Filled by a view on the insert path
 * (every stored row, excluded answers too), kept as long as the events
 * (the same TTL), and holding nothing else: an id is random, not personal.
 */
import { createMaterializedView, createTable, quoteIdent, type DdlTarget, type TableSpec } from './ddl.js'
import type { Store } from './store.js'

export const EVENT_IDS_TABLE: TableSpec = {
  name: 'event_ids',
  columns: ['id UUID', "ts DateTime64(3, 'UTC')"],
  engine: { kind: 'MergeTree' },
  // By month, as the events, so that the retry window prunes and TTL drops whole parts.
  partitionBy: 'toYYYYMM(ts)',
  orderBy: 'id',
  // Random ids land in a granule each: small granules keep each one's read small.
  settings: { index_granularity: 256 },
  distribution: { kind: 'sharded', shardingKey: 'cityHash64(id)' },
}

const SELECT = 'SELECT id, ts FROM {from}'

/** Migration 6: the table, its view, and the ids already stored. */
export function eventIdsStatements(t: DdlTarget): string[] {
  const db = quoteIdent(t.database)
  return [
    ...createTable(t, EVENT_IDS_TABLE),
    createMaterializedView(t, 'event_ids_mv', { from: 'events', to: EVENT_IDS_TABLE.name, select: SELECT }),
    `INSERT INTO ${db}.${EVENT_IDS_TABLE.name}\n${SELECT.replace('{from}', `${db}.events`)}`,
  ]
}

/**
 * Adds the ids of the last events that lack them: a process killed in the
 * middle of an insert may have written the events' part and not the part
 * this table's view writes after it, and a client retries what was never
 * answered. Looks at the events received in the 10 minutes before the
 * newest one; run at start-up, after the migrations.
 */
export async function repairEventIds(store: Store): Promise<void> {
  const events = store.table('events')
  await store.command(
    `INSERT INTO ${store.table(EVENT_IDS_TABLE.name)}
     WITH last AS (SELECT id, ts FROM ${events} WHERE received_at >= (SELECT max(received_at) FROM ${events}) - INTERVAL 10 MINUTE)
     SELECT id, ts FROM last WHERE id NOT IN (SELECT id FROM ${store.table(EVENT_IDS_TABLE.name)} WHERE id IN (SELECT id FROM last))`,
  )
}
