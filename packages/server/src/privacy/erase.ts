/**
 * `otklik erase`: removes a site's or a service's raw events (optionally
 * only those before a date) and everything derived from them in the
 * rollups. Deletions are mutations the engine applies before answering
 * (mutations_sync = 2), so the data is gone from disk, not only hidden.
 *
 * Order, so that a run cut short can simply be repeated: the journey
 * rollups first (their rows are found through the raw events), then the
 * day rollups, then the raw events. A journey with events on both sides of
 * `before` has its rollup rows rebuilt from the events that stay.
 */
import { JOURNEY_ROLLUP_TABLE, journeyRollupRebuild } from '../storage/journey-rollups.js'
import { alterShardedTable } from '../storage/ddl.js'
import { toNumber } from '../storage/int64.js'
import type { QueryParams, Store } from '../storage/store.js'

export interface EraseTarget {
  site?: string | undefined
  service?: string | undefined
  /** Epoch ms of a UTC midnight: only what happened before it. */
  before?: number | undefined
}

export interface EraseResult {
  events: number
  journeys: number
}

const ZERO_UUID = '00000000-0000-0000-0000-000000000000'
const SYNC = ' SETTINGS mutations_sync = 2'
const CHUNK = 5000

export async function eraseData(store: Store, target: EraseTarget): Promise<EraseResult> {
  if ((target.site === undefined) === (target.service === undefined)) throw new Error('erase needs a site or a service, not both')
  const params: QueryParams = {}
  const raw: string[] = []
  const day: string[] = []
  if (target.site !== undefined) {
    params.site = target.site
    raw.push('site_id = {site:String}')
    day.push('site_id = {site:String}')
  }
  if (target.service !== undefined) {
    params.service = target.service
    raw.push('service = {service:String}')
    day.push('service = {service:String}')
  }
  if (target.before !== undefined) {
    params.before = target.before
    raw.push("ts < fromUnixTimestamp64Milli({before:Int64}, 'UTC')")
    day.push("day < toDate(fromUnixTimestamp64Milli({before:Int64}, 'UTC'))")
  }
  const rawWhere = raw.join(' AND ')
  const events = store.table('events')
  const [counted] = await store.query<{ n: unknown }>(`SELECT count() AS n FROM ${events} WHERE ${rawWhere}`, params)
  // Not `AS journey`: an alias would shadow the column in WHERE.
  const pairs = await store.query<{ service: string; jid: string }>(
    `SELECT DISTINCT service, toString(journey) AS jid FROM ${events} WHERE ${rawWhere} AND journey != toUUID('${ZERO_UUID}')`,
    params,
  )
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const chunk = pairs.slice(i, i + CHUNK)
    const p = { ...params, services: chunk.map((x) => x.service), journeys: chunk.map((x) => x.jid) }
    const inChunk = '(service, journey) IN arrayZip({services:Array(String)}, {journeys:Array(UUID)})'
    await store.command(alterShardedTable(store.target, JOURNEY_ROLLUP_TABLE, `DELETE WHERE ${inChunk}${SYNC}`), p)
    // What stays of these journeys (events of another site, or after `before`) is counted again.
    await store.command(journeyRollupRebuild(store.target, `${inChunk} AND NOT (${rawWhere})`), p)
  }
  for (const table of ['rollup_answers', 'rollup_events']) await store.command(alterShardedTable(store.target, table, `DELETE WHERE ${day.join(' AND ')}${SYNC}`), params)
  await store.command(alterShardedTable(store.target, 'events', `DELETE WHERE ${rawWhere}${SYNC}`), params)
  return { events: toNumber(counted?.n ?? 0), journeys: pairs.length }
}
