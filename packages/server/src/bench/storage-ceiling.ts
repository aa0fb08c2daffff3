/**
 * The storage ceilings of `otklik bench ingest`: the same rows Otklik would
 * store, inserted straight into its own `events` table (every view on the
 * insert path included) through the same store and sink, no HTTP, in blocks
 * of BLOCK_ROWS; and the same into a plain MergeTree table of the same
 * columns and order without views, to show what the views cost.
 */
import { normalizeEvents } from '../ingest/normalize.js'
import { parseUserAgent } from '../ingest/user-agent.js'
import { createTable } from '../storage/ddl.js'
import { eventsSink, type EventRow } from '../storage/events-store.js'
import { EVENTS_TABLE } from '../storage/schema.js'
import type { Store } from '../storage/store.js'
import { BENCH_SITE, BENCH_USER_AGENT, VisitorBatches } from './visitor-batches.js'

export const BLOCK_ROWS = 5000
export const PLAIN_TABLE = 'events_plain'

export interface StorageRate {
  rows: number
  /** Time spent in inserts only (making the rows is not counted). */
  seconds: number
  rowsPerS: number
}

/** Rows of fresh visits, as the ingestion route makes them. */
function blockOfRows(batches: VisitorBatches): EventRow[] {
  const device = parseUserAgent(BENCH_USER_AGENT)
  const rows: EventRow[] = []
  while (rows.length < BLOCK_ROWS) {
    const receivedAt = Date.now()
    const visit = normalizeEvents(batches.events(), { siteKey: BENCH_SITE, offline: false, receivedAt, device })
    rows.push(...visit.rows.slice(0, BLOCK_ROWS - rows.length))
  }
  return rows
}

async function insertFor(durationS: number, eventsPerRequest: number, insert: (rows: EventRow[]) => Promise<void>): Promise<StorageRate> {
  const batches = new VisitorBatches(eventsPerRequest)
  const until = performance.now() + durationS * 1000
  let rows = 0
  let busyMs = 0
  do {
    const block = blockOfRows(batches)
    const t = performance.now()
    await insert(block)
    busyMs += performance.now() - t
    rows += block.length
  } while (performance.now() < until)
  return { rows, seconds: busyMs / 1000, rowsPerS: rows / (busyMs / 1000) }
}

/** Into Otklik's `events` table (migrated in `store`), views and all. */
export function eventsTableRate(store: Store, durationS: number, eventsPerRequest: number): Promise<StorageRate> {
  const sink = eventsSink(store)
  return insertFor(durationS, eventsPerRequest, (rows) => sink.insert(rows))
}

/** Into a plain MergeTree table with the events table's columns, index and order, and no views. */
export async function plainTableRate(store: Store, durationS: number, eventsPerRequest: number): Promise<StorageRate> {
  for (const sql of createTable(store.target, { ...EVENTS_TABLE, name: PLAIN_TABLE })) await store.command(sql)
  // The events table gained `excluded` in a later migration; the plain one takes the same rows.
  await store.command(`ALTER TABLE ${store.table(PLAIN_TABLE)} ADD COLUMN IF NOT EXISTS excluded LowCardinality(String) DEFAULT ''`)
  const plain = eventsSink(store, PLAIN_TABLE)
  return insertFor(durationS, eventsPerRequest, (rows) => plain.insert(rows))
}
