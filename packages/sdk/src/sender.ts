/**
 * When events leave: in batches by count and by time, at once when the page
 * is hidden or left (and so is whatever is tracked after that), after
 * `Retry-After` when the server asks for a pause, and with growing back-off
 * after failures. Every request is a keepalive CORS fetch:
 * a navigation does not cancel it, it carries the page's real origin (a
 * beacon carries `Origin: null` under some referrer policies, and the
 * server refuses that), and its answer can be read. An event leaves the
 * queue only when a 2xx (or a refusal for good) answers for it; the queue
 * and the pause live in localStorage, so the next page load sends what is
 * left (ids make a second delivery harmless) and does not hammer a server
 * that asked to wait.
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
/**
 * Browsers refuse a keepalive request once the page's keepalive bodies in
 * flight would pass 64 KiB. Ours are at most 4 requests of 14 KiB of events
 * each (counted at 3 bytes per UTF-16 unit, the UTF-8 worst case; one event
 * alone stays far below that), so under 60 KiB with the envelopes, leaving
 * the page some room, and what is queued when the page is hidden fits
 * beside requests already under way. A request therefore holds far fewer
 * than the server's 100 events and 64 KiB.
 */
export const REQUESTS_MAX = 4
export const REQUEST_MAX = 14 * 1024

export interface SenderOptions {
  site: string
  url: string
}

export interface Sender {
  add(e: OtklikEvent): void
  flush(): void
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

/** `beforeHide` runs when the page is hidden or left, before what is queued is sent. */
export function sender(o: SenderOptions, platform: Platform, beforeHide?: () => void): Sender {
  // The outbox of this site (localStorage).
  const key = `otklik:q:${o.site}`
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The ids of this page's events in requests not answered yet, and how many such requests there are. */
  const flying = new Set<string>()
  let inFlight = 0

  const load = (): Outbox => {
    const box = read<Outbox>(LOCAL, key)
    const oldest = Date.now() - OUTBOX_MAX_AGE_MS
    return { ...box, q: ([] as OtklikEvent[]).concat(box?.q ?? []).filter((e) => e?.ts >= oldest || ignored('expired', e)) }
  }
  const save = (box: Outbox): void => {
    while (box.q.length > OUTBOX_MAX) ignored('queue_full', box.q.shift())
    write(LOCAL, key, box)
  }
  const schedule = (ms: number): void => {
    clearTimeout(timer)
    timer = setTimeout(flush, ms)
  }
  const body = (events: OtklikEvent[]): string => JSON.stringify({ site: o.site, sdk: VERSION, sent_at: Date.now(), events })

  /** Sends `events`; settles them on the answer, or pauses. */
  async function post(events: OtklikEvent[], b: string): Promise<void> {
    const ids = events.map((e) => flying.add(e.id) && e.id)
    let retry: number | undefined = NaN
    inFlight++
    try {
      // Started before the first await, so still within a pagehide handler.
      // CORS (fetch's default mode for a URL), and a text/plain body keeps it a
      // "simple" request: no preflight.
      retry = outcome(await platform.fetch(o.url, { method: 'POST', body: b, keepalive: true, credentials: 'omit' }), events)
    } catch {
      // Offline, blocked, or no fetch at all: back off.
    }
    inFlight--
    ids.map((i) => flying.delete(i))
    const box = load()
    if (retry === undefined) {
      // Drops what the server took; the pause, if any, is over.
      save({ q: box.q.filter((e) => !ids.includes(e.id)) })
    } else if (!(box.at! > Date.now())) {
      // (A request failing while another has paused us does not deepen the pause.)
      // -~n is n + 1, and 1 when none is stored.
      const n = -~box.n!
      // Failures start at different times on different pages, which spreads the retries without jitter.
      save({ q: box.q, at: Date.now() + (retry >= 0 ? Math.min(retry, RETRY_AFTER_MAX_MS) : Math.min((BACKOFF_BASE_MS / 2) * 2 ** n, BACKOFF_MAX_MS)), n })
    }
    flush()
  }

  /**
   * Sends what waits and is not in flight, as many requests at once as the
   * keepalive quota takes (the rest goes as they are answered). On a hidden
   * page without keepalive fetch, sendBeacon instead: its answer cannot be
   * read, so the events stay queued and the next page sends them again.
   */
  function flush(hiding?: unknown): void {
    const box = load()
    // A page being left sends in spite of a pause: it may never run again,
    // and it sends one round of requests, no more than it would without the
    // pause; their answers keep the pause. (No pause stored reads as NaN,
    // which is not > 0.)
    const wait = hiding ? 0 : box.at! - Date.now()
    if (wait > 0) return schedule(wait)
    let q = box.q.filter((e) => !flying.has(e.id))
    for (let room = REQUESTS_MAX - inFlight, bytes: number, events: OtklikEvent[]; q.length && room--; ) {
      bytes = 0
      // A request's worth, the first always.
      events = q.filter((e, i) => (bytes += 3 * JSON.stringify(e).length) < REQUEST_MAX || !i)
      q = q.filter((e) => !events.includes(e))
      const b = body(events)
      if (hiding && !platform.keepalive ? !platform.beacon(o.url, b) : void post(events, b)) return
    }
  }

  // What an earlier page left behind goes out soon after load.
  schedule(FLUSH_MS)
  /**
   * Set from `pagehide` or `visibilitychange` to hidden until the page is
   * visible again (back from the back/forward cache). Chromium fires
   * `pagehide` while the page is still visible: the survey's answers, sent
   * from its own `pagehide` listener, must leave then, not at the
   * `visibilitychange` that follows, when the page may be gone.
   */
  let hiding: unknown
  const hide = (): void => {
    beforeHide?.()
    hiding = 1
    flush(1)
  }
  addEventListener('pagehide', hide)
  document.addEventListener('visibilitychange', () => (document.visibilityState === 'hidden' ? hide() : (hiding = 0)))

  return {
    add(e) {
      const box = load()
      box.q.push(e)
      save(box)
      if (hiding || box.q.length >= BATCH_SIZE) flush(hiding)
      else schedule(FLUSH_MS)
    },
    flush,
  }
}
