/**
 * Reads and writes of the raw events table that ingestion needs: which ids
 * are stored already, and an idempotent insert of a block.
 */
import { createHash } from 'node:crypto'
import { LIMITS } from '@otklik/contract/rules'
import { EVENT_IDS_TABLE } from './event-ids.js'
import type { Store } from './store.js'

/** One events row as inserted (JSONEachRow; timestamps in epoch ms). */
export interface EventRow {
  id: string
  ts: number
  received_at: number
  site_id: string
  type: string
  session: string
  journey: string
  service: string
  life_situation: string
  step: string
  channel: string
  segment: string
  locale: string
  device: string
  browser: string
  os: string
  path: string
  error_code: string
  metric: string
  question: string
  score: number | null
  comment: string
  sdk: string
  /** Why the row is left out of every figure ('' or absent: counted); see ingest/forgery/. */
  excluded?: string
}

/** What the UUID columns `session` and `journey` hold for an event that names none. */
export const NO_ID = '00000000-0000-0000-0000-000000000000'

/** The columns an event always has; every other one may be empty. */
type RequiredColumns = 'id' | 'ts' | 'received_at' | 'site_id' | 'type'

/** A row whose optional columns are empty (no session, no journey, no score), as stored for an event that does not name them. */
export function eventRow(columns: Pick<EventRow, RequiredColumns> & Partial<EventRow>): EventRow {
  return {
    session: NO_ID,
    journey: NO_ID,
    service: '',
    life_situation: '',
    step: '',
    channel: '',
    segment: '',
    locale: '',
    device: '',
    browser: '',
    os: '',
    path: '',
    error_code: '',
    metric: '',
    question: '',
    score: null,
    comment: '',
    sdk: '',
    ...columns,
  }
}

export interface EventSink {
  /** The ids among `rows` that are stored already; `thorough` for rows retried after a failed or cut-short insert (see storedEventIds). */
  storedIds(rows: readonly EventRow[], options?: { thorough?: boolean }): Promise<Set<string>>
  /** Inserts one block; retrying the same rows is deduplicated by the engine. */
  insert(rows: readonly EventRow[]): Promise<void>
}

// The ids are looked up in chunks of a default block, so that a query's
// parameters stay well under a ClickHouse server's URL limit (1 MiB): each
// query costs as much to plan as to run, so fewer are faster.
const ID_CHUNK = 5000
// A retry of one event may carry a different timestamp: corrected for a
// different clock skew, or resent from an app's offline queue after its
// clock was fixed. The window only prunes monthly partitions, so it can be
// generous: as far back as an offline batch may reach, and a day more.
const TS_MARGIN_MS = LIMITS.maxPastOfflineMs + 24 * 60 * 60 * 1000

// The id's bloom filter on `events` (false positive rate 0.001 per id) only
// skips a granule when few ids are asked: with hundreds nearly every granule
// matches one of them, and testing each costs more than reading its ids.
const BLOOM_USEFUL_IDS = 300

/**
 * Which of `ids` are stored already. From the table of stored ids (ordered
 * by id: a few small granules per id, whatever the table's size), or, with
 * `thorough`, from the events themselves: an insert cut short (the process
 * killed, ClickHouse failing mid-way) may have written the events' part and
 * not yet the ids' part its view writes after it, so a block retried after
 * a failure must ask the events. `within` (epoch ms) prunes the scan to the
 * partitions a retry can fall in; without it the id alone decides, as a
 * history import needs (an id is what makes an event the same event).
 */
export async function storedEventIds(
  store: Store,
  ids: readonly string[],
  within?: { min: number; max: number },
  thorough = false,
): Promise<Set<string>> {
  const found = new Set<string>()
  const window = within
    ? "ts BETWEEN fromUnixTimestamp64Milli({min:Int64}, 'UTC') AND fromUnixTimestamp64Milli({max:Int64}, 'UTC') AND "
    : ''
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const chunk = ids.slice(i, i + ID_CHUNK)
    // Not `AS id`: an alias would shadow the column in WHERE. The setting is
    // in the query so that it never outlives it (chDB keeps per-query settings).
    const from = thorough
      ? `${store.table('events')} WHERE ${window}id IN {ids:Array(UUID)} SETTINGS use_skip_indexes = ${chunk.length <= BLOOM_USEFUL_IDS ? 1 : 0}`
      : `${store.table(EVENT_IDS_TABLE.name)} WHERE ${window}id IN {ids:Array(UUID)}`
    const hits = await store.query<{ stored: string }>(`SELECT DISTINCT toString(id) AS stored FROM ${from}`, { ids: chunk, ...within })
    for (const h of hits) found.add(h.stored)
  }
  return found
}

/** The sink into `table` (the events table; another name only for benchmarks). */
export function eventsSink(store: Store, table = 'events'): EventSink {
  return {
    async storedIds(rows, options = {}) {
      let min = Infinity
      let max = -Infinity
      for (const r of rows) {
        min = Math.min(min, r.ts)
        max = Math.max(max, r.ts)
      }
      return storedEventIds(
        store,
        rows.map((r) => r.id),
        { min: Math.max(0, min - TS_MARGIN_MS), max: max + TS_MARGIN_MS },
        options.thorough,
      )
    },
    async insert(rows) {
      // The token is derived from the rows' ids: a block that is retried after
      // an ambiguous failure (timeout after commit) is dropped by ClickHouse.
      const token = createHash('sha256')
        .update(rows.map((r) => r.id).sort().join(','))
        .digest('hex')
      await store.insert(table, rows, { insert_deduplication_token: token })
    },
  }
}
