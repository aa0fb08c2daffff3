/**
 * Answers of the analytics reports, kept by their arguments and the version
 * of the data they read, so that a dashboard's repeated call (the overview,
 * then a service and back; two views asking the same figures) is served
 * without recomputing, and the first call after new data is computed afresh.
 *
 * The version is read from ClickHouse itself on every call, per table the
 * reports read: the highest block number (every insert takes a new one), the
 * highest mutation applied (deletes and updates, erase included), the
 * partitions (a dropped one), and the raw events' row count (retention's TTL
 * drops rows in merges). So any change of the data, whichever process or
 * instance made it, is seen by the next call; background merges, which
 * change no answer, leave the version as it is. In a cluster each shard has
 * its own parts; there the cache is off rather than half right.
 */
import type { Store } from '../storage/store.js'

/** Tables the reports read: events, the rollups and the registry (names, targets, agencies). */
const READ_TABLES = ['events', 'rollup_answers', 'rollup_events', 'rollup_journey_days', 'services', 'agencies', 'life_situations', 'sites']
const DEFAULT_MAX_ENTRIES = 64

export interface ResultCache {
  /** The answer of `compute` for these arguments on the current data: cached, shared with a call in flight, or computed. */
  get<T>(name: string, args: unknown, compute: () => Promise<T>): Promise<T>
}

export function createResultCache(store: Store, maxEntries = DEFAULT_MAX_ENTRIES): ResultCache {
  // Insertion order is recency order: a hit moves its entry to the end.
  const entries = new Map<string, Promise<unknown>>()
  return {
    async get<T>(name: string, args: unknown, compute: () => Promise<T>): Promise<T> {
      const version = await dataVersion(store)
      if (version === undefined) return compute()
      const key = JSON.stringify([name, version, args])
      let entry = entries.get(key) as Promise<T> | undefined
      if (entry) {
        entries.delete(key)
      } else {
        entry = compute()
        // A failure is not an answer: the next call tries again.
        entry.catch(() => entries.get(key) === entry && entries.delete(key))
      }
      entries.set(key, entry)
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
      return entry
    },
  }
}

/** The read tables' data version (see above); undefined in a cluster. */
export async function dataVersion(store: Store): Promise<string | undefined> {
  if (store.target.cluster) return undefined
  // A part's data_version is its mutation when it has one, else its first
  // block: only a mutation makes it larger than the part's last block.
  const rows = await store.query<Record<string, unknown>>(
    `SELECT table, max(max_block_number) AS block, max(if(data_version > max_block_number, data_version, 0)) AS mutation,
  uniqExact(partition_id) AS partitions, if(table = 'events', sum(rows), 0) AS event_rows
FROM system.parts WHERE database = {db:String} AND table IN {tables:Array(String)} AND active
GROUP BY table ORDER BY table`,
    { db: store.target.database, tables: READ_TABLES },
  )
  return JSON.stringify(rows.map((r) => [r.table, r.block, r.mutation, r.partitions, r.event_rows]))
}
