/**
 * One POST of a batch, and what the answer means: settled (delivered, or
 * refused for good and reported as ignored) or to be retried. The platform's
 * `fetch` and `sendBeacon` are injected, so that tests and other hosts can
 * supply their own.
 */
import { ignored } from './log.js'
import type { OtklikEvent } from './types.js'

export interface Platform {
  fetch: (url: string, init: RequestInit) => Promise<Response>
  /** `navigator.sendBeacon`; false when the browser would not queue it. */
  beacon: (url: string, body: string) => boolean
}

export const browserPlatform: Platform = {
  // Looked up at call time: the page (or a test) may replace them later.
  fetch: (url, init) => fetch(url, init),
  beacon: (url, body) => navigator.sendBeacon(url, body),
}

/**
 * POSTs `body` as text/plain (a CORS "simple" request: no preflight), with
 * keepalive so that a navigation does not cancel it, and no credentials.
 * Resolves to `undefined` when the events are settled, or to a retry delay:
 * the server's Retry-After in ms, or NaN for "back
 * off as you see fit". Events the server refuses one by one in a 202 are
 * not retried: it says why in its answer, and retrying would not change it.
 */
export async function post(p: Platform, url: string, events: OtklikEvent[], body: string): Promise<number | undefined> {
  const res = await p.fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit' })
  const s = res.status
  const after = res.headers.get('retry-after')
  // Retry-After in seconds, as Otklik sends it (an HTTP date reads as NaN: back off instead).
  if (s === 429 || s === 503) return after ? +after * 1000 : NaN
  if (s > 499 || s === 408) return NaN
  // Any other 4xx: this batch will never be taken; drop it rather than retry forever.
  if (s > 299) events.forEach((e) => ignored('rejected', e))
}
