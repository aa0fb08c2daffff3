/**
 * Sends webhook deliveries: each flag event becomes one delivery per
 * subscribed webhook, stored before the first attempt; due deliveries are
 * posted, signed, and retried with back-off until a 2xx or the last
 * attempt. A stored pending delivery is sent after a restart too. Only the
 * status code of an answer is kept, never its body: a webhook cannot be
 * used to read what a URL returns (see the README on SSRF).
 */
import { randomUUID } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { FlagEvent, Notifier } from '../flag-life/life.js'
import type { Store } from '../storage/store.js'
import { signature } from './sign.js'
import { dueDeliveries, saveDeliveries, secretsById, type Delivery } from './subscriptions.js'

/** Wait before attempt 2, 3, …; after the last, a delivery is failed. */
export const BACKOFF_MS = [10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000]
const TIMEOUT_MS = 10_000
const POLL_MS = 5_000
const MAX_ERROR = 300

export interface DispatcherDeps {
  store: Store
  clock: () => number
  log?: FastifyBaseLogger | undefined
  /** How often due deliveries are looked for (real time); 0 = only when told. */
  pollMs?: number
}

export class WebhookDispatcher implements Notifier {
  private running: Promise<void> | undefined
  private again = false
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly deps: DispatcherDeps) {}

  async notify(events: readonly FlagEvent[]): Promise<void> {
    const { store, clock } = this.deps
    const hooks = await secretsById(store)
    const now = clock()
    const deliveries: Delivery[] = []
    for (const e of events) {
      for (const [webhookId, hook] of hooks) {
        if (hook.events.length > 0 && !hook.events.includes(e.type)) continue
        const id = randomUUID()
        deliveries.push({
          id,
          webhook_id: webhookId,
          event: e.type,
          body: JSON.stringify({ id, type: e.type, flag: e.flag, at: e.at }),
          status: 'pending',
          attempts: 0,
          next_at: now,
          last_code: 0,
          last_error: '',
          created_at: now,
          delivered_at: null,
        })
      }
    }
    await saveDeliveries(store, deliveries)
    if (deliveries.length > 0) void this.runDue()
  }

  /** Posts every due delivery; one run at a time (a call during a run makes it go round once more). */
  runDue(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      try {
        do {
          this.again = false
          await this.sendDue()
        } while (this.again)
      } catch (err) {
        this.deps.log?.error({ err }, 'webhook deliveries could not be read or saved; they stay pending')
      } finally {
        this.running = undefined
      }
    })()
    return this.running
  }

  start(): void {
    const every = this.deps.pollMs ?? POLL_MS
    void this.runDue()
    if (every > 0) this.timer = setInterval(() => void this.runDue(), every).unref()
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.running
  }

  private async sendDue() {
    const { store, clock } = this.deps
    const due = await dueDeliveries(store, clock())
    if (due.length === 0) return
    const hooks = await secretsById(store)
    for (const d of due) {
      const hook = hooks.get(d.webhook_id)
      // A deleted webhook's deliveries stop.
      const result = hook ? await post(hook.url, hook.secret, d) : { ok: false, code: 0, error: 'webhook deleted' }
      const now = clock()
      const attempts = d.attempts + 1
      const wait = BACKOFF_MS[attempts - 1]
      const next: Delivery = result.ok
        ? { ...d, attempts, status: 'delivered', last_code: result.code, last_error: '', delivered_at: now }
        : { ...d, attempts, status: hook && wait !== undefined ? 'pending' : 'failed', next_at: now + (wait ?? 0), last_code: result.code, last_error: result.error }
      await saveDeliveries(store, [next])
      if (!result.ok) this.deps.log?.warn({ delivery: d.id, webhook: d.webhook_id, attempts, code: result.code }, 'webhook delivery failed')
    }
  }
}

async function post(url: string, secret: string, d: Delivery): Promise<{ ok: boolean; code: number; error: string }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Otklik-Webhook/1',
        'x-otklik-event': d.event,
        'x-otklik-delivery': d.id,
        'x-otklik-signature': signature(secret, d.body),
      },
      body: d.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    await res.body?.cancel()
    const ok = res.status >= 200 && res.status < 300
    return { ok, code: res.status, error: ok ? '' : `answered ${res.status}` }
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code
    return { ok: false, code: 0, error: String(cause ?? (err as Error).message).slice(0, MAX_ERROR) }
  }
}
