/**
 * Excluded answers: how many per service and reason, the list for an admin,
 * and reinstatement. Rows are never changed: reinstating inserts a counted
 * copy with the same id, which the rollup views count as they count any new
 * row (the original stays, marked, as the record of what happened). An
 * excluded row whose id also has a counted row is therefore "reinstated",
 * not excluded, in every answer here; every other reader keeps
 * `excluded = ''` and sees the id once.
 */
import { createHash } from 'node:crypto'
import { ALL_FILTERS, and, filterConditions, ms, windowParams } from '../../analytics/sql.js'
import type { Scope } from '../../analytics/filters.js'
import { toNumber } from '../../storage/int64.js'
import type { EventRow } from '../../storage/events-store.js'
import type { QueryParams, Store } from '../../storage/store.js'
import { EXCLUSION_REASONS } from '@otklik/contract/rules'
import type { ExclusionReason } from './rules.js'

const WINDOW = `ts >= ${ms('w_from')} AND ts < ${ms('w_to')}`

/** Excluded rows of the window that have no counted copy. */
function stillExcluded(store: Store, where: string): string {
  const events = store.table('events')
  return `${events} WHERE excluded != '' AND ${WINDOW} AND ${where}
    AND id NOT IN (SELECT id FROM ${events} WHERE excluded = '' AND ${WINDOW}
      AND id IN (SELECT id FROM ${events} WHERE excluded != '' AND ${WINDOW} AND ${where}))`
}

export interface ExcludedCount {
  service: string
  total: number
  reasons: Record<ExclusionReason, number>
}

export async function excludedCounts(store: Store, scope: Scope): Promise<ExcludedCount[]> {
  const params: QueryParams = {}
  windowParams(scope.window, 'raw', params)
  const where = and(filterConditions(scope, ALL_FILTERS, params))
  const rows = await store.query<{ service: string; reason: string; n: unknown }>(
    `SELECT service, excluded AS reason, count() AS n FROM ${stillExcluded(store, where)}
     GROUP BY service, reason ORDER BY service, reason`,
    params,
  )
  const byService = new Map<string, ExcludedCount>()
  for (const r of rows) {
    const entry = byService.get(r.service) ?? { service: r.service, total: 0, reasons: zeroReasons() }
    const n = toNumber(r.n)
    entry.total += n
    if ((EXCLUSION_REASONS as readonly string[]).includes(r.reason)) entry.reasons[r.reason as ExclusionReason] += n
    byService.set(r.service, entry)
  }
  return [...byService.values()]
}

const zeroReasons = () => Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>

export interface ExcludedAnswer {
  id: string
  ts: string
  site: string
  service: string
  metric: string
  question: string
  score: number | null
  reason: string
}

export async function listExcluded(store: Store, scope: Scope, opts: { reason?: string | undefined; limit: number }): Promise<ExcludedAnswer[]> {
  const params: QueryParams = { limit: opts.limit }
  windowParams(scope.window, 'raw', params)
  const conditions = filterConditions(scope, ALL_FILTERS, params)
  if (opts.reason) {
    params.reason = opts.reason
    conditions.push('excluded = {reason:String}')
  }
  const rows = await store.query<Record<string, unknown>>(
    `SELECT toString(id) AS eid, ts, site_id, service, metric, question, score, excluded
     FROM ${stillExcluded(store, and(conditions))}
     ORDER BY ts DESC, eid LIMIT 1 BY eid LIMIT {limit:UInt32}`,
    params,
  )
  return rows.map((r) => ({
    id: String(r.eid),
    ts: new Date(`${String(r.ts).replace(' ', 'T')}Z`).toISOString(),
    site: String(r.site_id),
    service: String(r.service),
    metric: String(r.metric),
    question: String(r.question),
    score: r.score === null ? null : toNumber(r.score),
    reason: String(r.excluded),
  }))
}

export interface ReinstateResult {
  reinstated: string[]
  already_counted: string[]
  not_found: string[]
}

/** Inserts a counted copy of each excluded answer among `ids` that has none yet. */
export async function reinstate(store: Store, ids: readonly string[]): Promise<ReinstateResult> {
  const wanted = [...new Set(ids.map((i) => i.toLowerCase()))]
  const events = store.table('events')
  const counted = new Set(
    (
      await store.query<{ eid: string }>(`SELECT DISTINCT toString(id) AS eid FROM ${events} WHERE id IN {ids:Array(UUID)} AND excluded = ''`, {
        ids: wanted,
      })
    ).map((r) => r.eid),
  )
  const pending = wanted.filter((id) => !counted.has(id))
  // Not `AS id`: an alias would shadow the column in WHERE.
  const originals = pending.length === 0 ? [] : await store.query<Omit<EventRow, 'id' | 'ts' | 'received_at'> & { eid: string; ts_ms: unknown; received_ms: unknown }>(
    `SELECT * EXCEPT (id, ts, received_at), toString(id) AS eid, toUnixTimestamp64Milli(ts) AS ts_ms, toUnixTimestamp64Milli(received_at) AS received_ms
     FROM ${events} WHERE id IN {ids:Array(UUID)} AND excluded != '' ORDER BY received_at LIMIT 1 BY id`,
    { ids: pending },
  )
  const copies: EventRow[] = originals.map(({ eid, ts_ms, received_ms, ...row }) => ({
    ...row,
    id: eid,
    ts: toNumber(ts_ms),
    received_at: toNumber(received_ms),
    excluded: '',
  }))
  if (copies.length > 0) {
    // Its own deduplication token: the ids alone are the original block's.
    const token = createHash('sha256').update(`reinstate:${copies.map((c) => c.id).sort().join(',')}`).digest('hex')
    await store.insert('events', copies, { insert_deduplication_token: token })
  }
  const found = new Set(copies.map((c) => c.id))
  return {
    reinstated: wanted.filter((id) => found.has(id)),
    already_counted: wanted.filter((id) => counted.has(id)),
    not_found: wanted.filter((id) => !found.has(id) && !counted.has(id)),
  }
}
