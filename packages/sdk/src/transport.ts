/**
 * The network: the platform's `fetch` and `sendBeacon` (injected, so that
 * tests and other hosts can supply their own), and what the server's answer
 * to a batch means.
 */
import { ignored, warn } from './log.js'
import type { OtklikEvent } from './types.js'

export interface Platform {
  fetch: (url: string, init: RequestInit) => Promise<Response>
  /** The fetch honours `keepalive` (a request outlives its page); sendBeacon is used only where it does not. */
  keepalive: boolean
  /** `navigator.sendBeacon`; false when the browser would not queue it (or has none). */
  beacon: (url: string, body: string) => boolean
}

export const browserPlatform: Platform = {
  // Looked up at call time: the page (or a test) may replace them later.
  fetch: (url, init) => fetch(url, init),
  // Firefox before 133 takes the option and ignores it; its Request then has no such property.
  keepalive: 'keepalive' in Request.prototype,
  beacon: (url, body) => {
    try {
      return navigator.sendBeacon(url, body)
    } catch {
      // Missing (or replaced by the page) and throwing: the events stay queued.
      return false
    }
  },
}

let told: unknown

/**
 * What the server's answer to a batch means: `undefined` when the events
 * are settled (delivered, or refused for good and reported as ignored), or a
 * retry delay: the server's Retry-After in ms, or NaN for "back off as you
 * see fit". Events the server refuses one by one in a 202 are not retried:
 * it says why in its answer, and retrying would not change it.
 */
export function outcome(res: Response, events: OtklikEvent[]): number | undefined {
  const s = res.status
  const after = res.headers.get('retry-after')
  // To be retried: 408, 429 and 5xx, after Retry-After in seconds, as Otklik
  // sends it (none, or an HTTP date, reads as NaN: back off instead).
  if (s > 499 || s === 408 || s === 429) return after ? +after * 1000 : NaN
  // Any other 4xx (a wrong site key, an origin the site does not allow): this
  // batch will never be taken. Dropped, so that the queue stays bounded, and
  // said once per page on the console.
  if (s > 299) {
    if (!told) warn('send', `refused (${s}): check the site key and allowed origins`)
    told = 1
    ignored('rejected', events)
  }
}
