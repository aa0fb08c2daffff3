/**
 * Imports one chunk of history: each value is a v1 event, optionally with
 * `user_agent` (parsed into device, browser and OS, then dropped) and
 * `site`. The same validation as ingestion except the time window; events
 * whose id is stored already are counted, not written again.
 */
import { identifier } from '@otklik/contract/schemas'
import { normalizeEvents } from '../ingest/normalize.js'
import { parseUserAgent } from '../ingest/user-agent.js'
import { eventsSink, type EventRow } from '../storage/events-store.js'
import type { Store } from '../storage/store.js'
import { storedEventIds } from '../storage/events-store.js'

/** Events per chunk: a few thousand keeps memory flat and inserts efficient. */
export const IMPORT_CHUNK = 2000
export const DEFAULT_IMPORT_SITE = 'import'
const MAX_USER_AGENT = 1024
/** Marks imported rows, as an SDK version marks live ones. */
const IMPORT_SDK = 'import'
const DAY_MS = 86_400_000

export interface ChunkResult {
  imported: number
  already_present: number
  rejected: { index: number; reason: string }[]
}

export interface ImportOptions {
  /** Site for events that name none. */
  site: string
  /** RETENTION_DAYS: older events would be dropped by the TTL at once, so they are rejected instead. */
  retentionDays: number
  receivedAt?: number
}

export async function importEvents(store: Store, values: readonly unknown[], opts: ImportOptions): Promise<ChunkResult> {
  const receivedAt = opts.receivedAt ?? Date.now()
  const oldest = opts.retentionDays > 0 ? receivedAt - opts.retentionDays * DAY_MS : -Infinity
  const rejected: ChunkResult['rejected'] = []
  const rows: EventRow[] = []
  const seen = new Set<string>()
  let duplicates = 0
  values.forEach((value, index) => {
    const row = toRow(value, opts.site, receivedAt)
    if (typeof row === 'string') return void rejected.push({ index, reason: row })
    if (row.ts <= oldest) {
      return void rejected.push({ index, reason: `ts: is older than the retention period (RETENTION_DAYS=${opts.retentionDays})` })
    }
    // The same event twice in a file is the same event: stored once.
    if (seen.has(row.id)) return void duplicates++
    seen.add(row.id)
    rows.push(row)
  })
  const stored = rows.length > 0 ? await storedEventIds(store, rows.map((r) => r.id)) : new Set<string>()
  const fresh = rows.filter((r) => !stored.has(r.id))
  if (fresh.length > 0) await eventsSink(store).insert(fresh)
  return { imported: fresh.length, already_present: duplicates + rows.length - fresh.length, rejected }
}

/** The row for one value, or why it was rejected. */
function toRow(value: unknown, defaultSite: string, receivedAt: number): EventRow | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object'
  const { user_agent: ua, site, ...event } = value as Record<string, unknown>
  if (ua !== undefined && (typeof ua !== 'string' || ua.length > MAX_USER_AGENT)) {
    return `user_agent: must be a string of at most ${MAX_USER_AGENT} characters`
  }
  let siteKey = defaultSite
  if (site !== undefined) {
    const parsed = identifier.safeParse(site)
    if (!parsed.success) return `site: ${parsed.error.issues[0]?.message ?? 'invalid'}`
    siteKey = parsed.data
  }
  const { rows, rejected } = normalizeEvents([event], {
    siteKey,
    offline: false,
    receivedAt,
    sdk: IMPORT_SDK,
    device: parseUserAgent(ua as string | undefined),
    checkWindow: false,
  })
  return rows[0] ?? rejected[0]?.reason ?? 'invalid event'
}
