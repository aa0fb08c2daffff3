/**
 * Webhook subscriptions and their deliveries in ClickHouse. A delivery is
 * written before it is attempted and rewritten after each attempt (a new
 * version of its row), so nothing promised is lost when Otklik stops.
 * Secrets are stored as given (they sign every body) and never leave this
 * module except to sign.
 */
import { randomKey } from '../auth/secrets.js'
import { toNumber } from '../storage/int64.js'
import type { Store } from '../storage/store.js'
import { nextVersion } from '../registry/version-clock.js'

export interface Webhook {
  id: string
  url: string
  events: string[]
  created_at: number
}

export interface Delivery {
  id: string
  webhook_id: string
  event: string
  body: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  next_at: number
  last_code: number
  last_error: string
  created_at: number
  delivered_at: number | null
}

const ms = (col: string) => `toUnixTimestamp64Milli(${col}) AS ${col}`

export async function createWebhook(store: Store, input: { url: string; secret: string; events: string[] }, now: number): Promise<Webhook> {
  const hook = { id: `wh_${randomKey(12)}`, url: input.url, events: input.events, created_at: now }
  await store.insert('webhooks', [{ ...hook, secret: input.secret, updated_at: nextVersion(), deleted: 0 }])
  return hook
}

/** Subscriptions, with their secrets only when asked (to sign). */
async function rows(store: Store, id?: string) {
  const raw = await store.query<Record<string, unknown>>(
    `SELECT id, url, secret, events, ${ms('created_at')} FROM ${store.table('webhooks')} FINAL WHERE deleted = 0 ${id ? 'AND id = {id:String}' : ''} ORDER BY id LIMIT 1000`,
    { id: id ?? '' },
  )
  return raw.map((r) => ({ id: String(r.id), url: String(r.url), secret: String(r.secret), events: r.events as string[], created_at: toNumber(r.created_at) }))
}

export async function listWebhooks(store: Store): Promise<Webhook[]> {
  return (await rows(store)).map(({ secret: _, ...hook }) => hook)
}

export async function secretsById(store: Store): Promise<Map<string, { url: string; secret: string; events: string[] }>> {
  return new Map((await rows(store)).map((r) => [r.id, r]))
}

export async function deleteWebhook(store: Store, id: string): Promise<boolean> {
  const [row] = await rows(store, id)
  if (!row) return false
  await store.insert('webhooks', [{ ...row, updated_at: nextVersion(), deleted: 1 }])
  return true
}

export async function saveDeliveries(store: Store, deliveries: readonly Delivery[]): Promise<void> {
  if (deliveries.length === 0) return
  const version = nextVersion()
  await store.insert('webhook_deliveries', deliveries.map((d) => ({ ...d, version })))
}

const DELIVERY_COLUMNS = `id, webhook_id, event, body, status, attempts, ${ms('next_at')}, last_code, last_error, ${ms('created_at')}, ${ms('delivered_at')}`

function deliveryOf(r: Record<string, unknown>): Delivery {
  return {
    ...(r as unknown as Delivery),
    attempts: toNumber(r.attempts),
    next_at: toNumber(r.next_at),
    last_code: toNumber(r.last_code),
    created_at: toNumber(r.created_at),
    delivered_at: r.delivered_at === null ? null : toNumber(r.delivered_at),
  }
}

/** Pending deliveries whose time has come, oldest first (in WHERE, `next_at` is the alias: epoch ms). */
export async function dueDeliveries(store: Store, now: number, limit = 100): Promise<Delivery[]> {
  const rows = await store.query<Record<string, unknown>>(
    `SELECT ${DELIVERY_COLUMNS} FROM ${store.table('webhook_deliveries')} FINAL
     WHERE status = 'pending' AND next_at <= {now:Int64}
     ORDER BY created_at, id LIMIT {limit:UInt32}`,
    { now, limit },
  )
  return rows.map(deliveryOf)
}

/** A webhook's delivery log, newest first (bodies left out). */
export async function deliveryLog(store: Store, webhookId: string, limit = 100): Promise<Omit<Delivery, 'body'>[]> {
  const rows = await store.query<Record<string, unknown>>(
    `SELECT ${DELIVERY_COLUMNS} FROM ${store.table('webhook_deliveries')} FINAL WHERE webhook_id = {id:String} ORDER BY created_at DESC, id LIMIT {limit:UInt32}`,
    { id: webhookId, limit },
  )
  return rows.map((r) => {
    const { body: _, ...rest } = deliveryOf(r)
    return rest
  })
}
