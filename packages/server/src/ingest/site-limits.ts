/**
 * Per-site limits on ingestion, per minute (a window from a site's first request): requests and
 * events. Counted in this process only (one process per data directory;
 * behind several processes each counts its own share). Kept apart from
 * @fastify/rate-limit, whose second limiter on a route is skipped once the
 * first has run, so the per-site limit never fired.
 */
const WINDOW_MS = 60_000
const MAX_SITES = 100_000

export interface SiteLimitValues {
  /** Requests a minute per site; 0 = no limit. */
  requests: number
  /** Events a minute per site; 0 = no limit. */
  events: number
}

export interface SiteOver {
  retryAfterS: number
  what: 'requests' | 'events'
}

/** Counts a request carrying `events` events; says when the site is over a limit (the request is then refused, its events not counted). */
export interface SiteLimiter {
  take(site: string, events: number, now: number): SiteOver | undefined | Promise<SiteOver | undefined>
}

export class SiteLimits implements SiteLimiter {
  private windows = new Map<string, { start: number; requests: number; events: number }>()

  constructor(private readonly limits: SiteLimitValues) {}

  get enabled(): boolean {
    return this.limits.requests > 0 || this.limits.events > 0
  }

  /**
   * Counts a request carrying `events` events; returns the seconds until the
   * window ends when the site is over a limit (the request is then refused,
   * and its events are not counted), else undefined.
   */
  take(site: string, events: number, now: number): SiteOver | undefined {
    let w = this.windows.get(site)
    // A window opens with a site's first request and lasts a minute.
    if (!w || now - w.start >= WINDOW_MS) {
      if (this.windows.size >= MAX_SITES) this.windows.clear()
      w = { start: now, requests: 0, events: 0 }
      this.windows.set(site, w)
    }
    w.requests++
    const retryAfterS = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000))
    if (this.limits.requests > 0 && w.requests > this.limits.requests) return { retryAfterS, what: 'requests' }
    if (this.limits.events > 0 && w.events + events > this.limits.events) return { retryAfterS, what: 'events' }
    w.events += events
    return undefined
  }
}
