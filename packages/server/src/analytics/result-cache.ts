/**
 * Answers of the analytics reports, kept by their arguments and the version
 * of the data they read, so that a dashboard's repeated call (the overview,
 * then a service and back; two views asking the same figures) is served
 * without recomputing, and the first call after new data is computed afresh.
 *
 * The version is read from ClickHouse itself on every call: the names and
 * row counts of the active parts of the tables the reports read. Any insert,
 * delete, mutation or TTL drop makes new parts, whichever process or
 * instance wrote them, so a cached answer is never served once the data it
 * was computed from has changed (a merge also renames parts: a needless
 * recompute, never a stale answer). In a cluster each shard has its own
 * parts; there the cache is off rather than half right.
 */
import type { Store } from '../storage/store.js'

/** Tables the reports read: events, the rollups and the registry (names, targets, agencies). */
const READ_TABLES = ['events', 'rollup_answers', 'rollup_events', 'rollup_journeys', 'rollup_journey_steps', 'services', 'agencies', 'life_situations', 'sites']
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

/** A signature of the read tables' active parts; undefined in a cluster. */
export async function dataVersion(store: Store): Promise<string | undefined> {
  if (store.target.cluster) return undefined
  const [row] = await store.query<{ parts: unknown; rows: unknown; names: unknown }>(
    `SELECT count() AS parts, sum(rows) AS rows, groupBitXor(cityHash64(table, name)) AS names
FROM system.parts WHERE database = {db:String} AND table IN {tables:Array(String)} AND active`,
    { db: store.target.database, tables: READ_TABLES },
  )
  return `${String(row?.parts)}:${String(row?.rows)}:${String(row?.names)}`
}
