/**
 * When events leave: in batches by count and by time, at once when the page
 * is hidden (sendBeacon, the one request a closing page can still make),
 * after `Retry-After` when the server asks for a pause, and with growing
 * back-off after failures. The queue and the pause live in localStorage, so
 * the next page load sends what is left and does not hammer a server that
 * asked to wait.
 */
import { LIMITS } from '@otklik/contract/rules'
import { ignored } from './log.js'
import { LOCAL, read, write } from './storage.js'
import { outcome, type Platform } from './transport.js'
import type { OtklikEvent } from './types.js'
import { VERSION } from './version.js'

/** Events sent together once this many are waiting... */
export const BATCH_SIZE = 10
/** ...or once the last has waited this long. */
export const FLUSH_MS = 2000
export const BACKOFF_BASE_MS = 2000
export const BACKOFF_MAX_MS = 600_000
/** A longer Retry-After is taken as this: a misconfigured proxy must not silence us for a year. */
export const RETRY_AFTER_MAX_MS = 86_400_000
/** The offline queue is bounded by count (the oldest go first)... */
export const OUTBOX_MAX = 200
/** ...and by age: an hour short of the server's window, so that nothing is sent only to be refused. */
export const OUTBOX_MAX_AGE_MS = LIMITS.maxPastMs - 3_600_000
// Room for the envelope; events are counted at 3 bytes per UTF-16 unit, the UTF-8 worst case.
const BODY_BUDGET = LIMITS.maxBodyBytes - 1024

export interface SenderOptions {
  site: string
  url: string
}

export interface Sender {
  add(e: OtklikEvent): void
  flush(): Promise<void>
}

/**
 * The stored state: `q` the queue, oldest first (an event leaves it only
 * when the server has answered for it); `at` not before this time (epoch
 * ms); `n` failures in a row. Tabs of a site share it: an event sent twice
 * is stored once, by its id.
 */
interface Outbox {
  q: OtklikEvent[]
  at?: number
  n?: number
}

export function sender(o: SenderOptions, platform: Platform): Sender {
  // The outbox of this site (localStorage).
  const key = `otklik:q:${o.site}`
  let timer: ReturnType<typeof setTimeout> | undefined
  let busy = false

  const load = (): Outbox => {
    const box = read<Outbox>(LOCAL, key)
    const oldest = Date.now() - OUTBOX_MAX_AGE_MS
    return { ...box, q: ([] as OtklikEvent[]).concat(box?.q ?? []).filter((e) => e?.ts >= oldest || ignored('expired', e)) }
  }
  const save = (box: Outbox): void => {
    while (box.q.length > OUTBOX_MAX) ignored('queue_full', box.q.shift())
    write(LOCAL, key, box)
  }
  /** Drops what the server took; the pause, if any, is over. */
  const remove = (sent: OtklikEvent[]): void => save({ q: load().q.filter((e) => !sent.some((x) => x.id === e.id)) })
  const schedule = (ms: number): void => {
    clearTimeout(timer)
    timer = setTimeout(flush, ms)
  }
  /** The next batch: up to 100 events within the body limit (the first always goes). */
  const next = (bytes = 0): OtklikEvent[] =>
    load().q.filter((e, i) => i < LIMITS.maxEvents && ((bytes += 3 * JSON.stringify(e).length) < BODY_BUDGET || !i))
  const body = (events: OtklikEvent[]): string => JSON.stringify({ site: o.site, sdk: VERSION, sent_at: Date.now(), events })

  async function flush(): Promise<void> {
    // (No pause stored reads as NaN, which is not > 0.)
    const wait = load().at! - Date.now()
    if (wait > 0) return schedule(wait)
    const events = next()
    if (busy || !events.length) return
    busy = true
    let retry: number | undefined = NaN
    try {
      // text/plain (a CORS "simple" request: no preflight), keepalive so that
      // a navigation does not cancel it, and no credentials.
      retry = outcome(await platform.fetch(o.url, { method: 'POST', body: body(events), keepalive: true, credentials: 'omit' }), events)
    } catch {
      // Offline, blocked, or no fetch at all: back off.
    }
    busy = false
    if (retry === undefined) {
      remove(events)
      return flush()
    }
    const box = load()
    // -~n is n + 1, and 1 when none is stored.
    const n = -~box.n!
    // Failures start at different times on different pages, which spreads the retries without jitter.
    const delay = retry >= 0 ? Math.min(retry, RETRY_AFTER_MAX_MS) : Math.min((BACKOFF_BASE_MS / 2) * 2 ** n, BACKOFF_MAX_MS)
    save({ q: box.q, at: Date.now() + delay, n })
    schedule(delay)
  }

  // Cannot throw (storage and the beacon never do), so needs no guard.
  const hide = (): unknown => {
    if (load().at! > Date.now()) return
    for (let events; (events = next()).length; ) {
      // Refused (too large, or no sendBeacon): fetch with keepalive, which
      // flush starts before its first await, so still within this event.
      if (!platform.beacon(o.url, body(events))) return flush()
      remove(events)
    }
  }

  // What an earlier page left behind goes out soon after load.
  schedule(FLUSH_MS)
  addEventListener('pagehide', hide)
  const hidden = (): unknown => document.visibilityState === 'hidden' && hide()
  document.addEventListener('visibilitychange', hidden)

  return {
    add(e) {
      const box = load()
      box.q.push(e)
      save(box)
      if (box.q.length >= BATCH_SIZE) void flush()
      else schedule(FLUSH_MS)
      // An event tracked while the page is hidden (an answer sent on pagehide) leaves at once.
      hidden()
    },
    flush,
  }
}
