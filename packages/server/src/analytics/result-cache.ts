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
 *
 * A slow report (a second or more: flags over a large portfolio) is the
 * exception: after new data it answers from the data before it, at most five
 * minutes old, while the new answer is computed once in the background.
 */
import type { FastifyRequest } from 'fastify'
import type { Store } from '../storage/store.js'

/** Tables the reports read: events, the rollups and the registry (names, targets, agencies). */
const READ_TABLES = ['events', 'rollup_answers', 'rollup_events', 'rollup_journey_days', 'services', 'agencies', 'life_situations', 'sites']
const DEFAULT_MAX_ENTRIES = 64
// A report that took this long to compute is answered from the data before
// the change, for up to STALE_FOR_MS, while it is computed again: under live
// ingestion the data changes every second, and a flags report over a large
// portfolio must not make every dashboard load wait for it. Quick reports
// always answer on the current data.
const SLOW_MS = 1000
const STALE_FOR_MS = 5 * 60_000

export interface ResultCache {
  /**
   * The answer of `compute` for these arguments on the current data: cached,
   * shared with a call in flight, or computed; a slow report may answer from
   * the data before the last change (see SLOW_MS) unless `fresh` is asked.
   */
  get<T>(name: string, args: unknown, compute: () => Promise<T>, options?: { fresh?: boolean }): Promise<T>
}

/** A request that says `Cache-Control: no-cache` wants an answer on the current data, however long it takes. */
export const wantsFresh = (request: FastifyRequest) => ({ fresh: /\bno-cache\b/i.test(request.headers['cache-control'] ?? '') })

interface Entry {
  answer: Promise<unknown>
  settled: boolean
}

/** The last answer computed for some arguments: when its computation started, and how long it took. */
interface Latest {
  answer: unknown
  startedAt: number
  tookMs: number
}

export function createResultCache(store: Store, clock: () => number, maxEntries = DEFAULT_MAX_ENTRIES): ResultCache {
  // Insertion order is recency order: a hit moves its entry to the end.
  const entries = new Map<string, Entry>()
  const latest = new Map<string, Latest>()
  /** Computations in flight, by name and arguments: a slow report is refreshed once at a time. */
  const computing = new Set<string>()
  const remember = <V>(map: Map<string, V>, key: string, value: V) => {
    map.delete(key)
    map.set(key, value)
    while (map.size > maxEntries) map.delete(map.keys().next().value as string)
  }
  /** The last answer, if its report is slow and it is recent enough to stand in for the current one. */
  const standIn = (named: string) => {
    const last = latest.get(named)
    return last && last.tookMs >= SLOW_MS && clock() - last.startedAt <= STALE_FOR_MS ? last : undefined
  }
  const start = (named: string, key: string, compute: () => Promise<unknown>): Entry => {
    const startedAt = clock()
    const entry: Entry = { answer: compute(), settled: false }
    computing.add(named)
    entry.answer
      .then(
        (answer) => {
          entry.settled = true
          if ((latest.get(named)?.startedAt ?? -Infinity) <= startedAt) remember(latest, named, { answer, startedAt, tookMs: clock() - startedAt })
        },
        // A failure is not an answer: the next call tries again.
        () => entries.get(key) === entry && entries.delete(key),
      )
      .finally(() => computing.delete(named))
    remember(entries, key, entry)
    return entry
  }
  return {
    async get<T>(name: string, args: unknown, compute: () => Promise<T>, options: { fresh?: boolean } = {}): Promise<T> {
      const version = await dataVersion(store)
      if (version === undefined) return compute()
      const named = JSON.stringify([name, args])
      const key = JSON.stringify([name, version, args])
      let entry = entries.get(key)
      if (entry) remember(entries, key, entry)
      const last = options.fresh || entry?.settled ? undefined : standIn(named)
      if (last) {
        // Computed again in the background, unless it already is.
        if (!entry && !computing.has(named)) start(named, key, compute)
        return last.answer as T
      }
      entry ??= start(named, key, compute)
      return entry.answer as Promise<T>
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
