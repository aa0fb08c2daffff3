/**
 * Which event ids are stored already, by id alone: a history import may
 * meet an id that ingestion stored with another service or time, and the id
 * is what makes an event the same event.
 */
import type { Store } from '../storage/store.js'

// Keeps each query's parameters small.
const ID_CHUNK = 1000

export async function storedEventIds(store: Store, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const hits = await store.query<{ stored: string }>(
      // Not `AS id`: an alias would shadow the column in WHERE.
      `SELECT DISTINCT toString(id) AS stored FROM ${store.table('events')} WHERE id IN {ids:Array(UUID)}`,
      { ids: ids.slice(i, i + ID_CHUNK) },
    )
    for (const h of hits) found.add(h.stored)
  }
  return found
}
