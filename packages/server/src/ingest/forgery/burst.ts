/**
 * Per-source rates, in memory only: answering sessions per IP and answers
 * per session over a sliding window, against the site's normal rate of
 * answering sessions. The IP is never kept as such: it is reduced to a keyed
 * hash whose key lives and dies with the process.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { RULES } from './rules.js'

const MAX_KEYS = 100_000
const BUCKETS = Math.ceil(RULES.baselineMs / RULES.burstWindowMs)

export class BurstMeter {
  private readonly key = randomBytes(32)
  /** site|ip-hash → session → last answer (server time). */
  private ipSessions = new Map<string, Map<string, number>>()
  /** site|session → times of its answers (server time). */
  private sessionAnswers = new Map<string, number[]>()
  /** site → answering sessions counted per window-sized bucket (bucket number → count). */
  private siteSessions = new Map<string, Map<number, number>>()

  /** A stable, unlinkable stand-in for an IP within this process. */
  source(ip: string): string {
    return createHmac('sha256', this.key).update(ip).digest('base64url').slice(0, 22)
  }

  /**
   * Records an answer of `session` from `source` at `now` and says whether
   * it is part of a burst: the IP has more answering sessions in the window
   * than the site normally has from any one source, or the session gives
   * answers faster than any survey asks them.
   */
  answer(site: string, source: string, session: string, now: number): boolean {
    const cutoff = now - RULES.burstWindowMs
    // Sources and sessions quiet for a whole window can tell nothing any more.
    dropIdle(this.ipSessions, (sessions) => Math.max(...sessions.values()), cutoff)
    dropIdle(this.sessionAnswers, (times) => times.at(-1) ?? 0, cutoff)
    const sessions = touch(this.ipSessions, `${site}|${source}`, () => new Map<string, number>())
    sessions.set(session, now)
    for (const [s, at] of sessions) if (at <= cutoff) sessions.delete(s)
    const times = touch(this.sessionAnswers, `${site}|${session}`, () => [] as number[])
    times.push(now)
    while (times.length > 0 && times[0]! <= cutoff) times.shift()
    return sessions.size > this.allowedSessionsPerIp(site, now) || times.length > RULES.burstAnswersPerSession
  }

  /** Counts a session's first counted answer towards the site's normal rate. */
  countSession(site: string, now: number): void {
    const buckets = touch(this.siteSessions, site, () => new Map<number, number>())
    const b = Math.floor(now / RULES.burstWindowMs)
    buckets.set(b, (buckets.get(b) ?? 0) + 1)
    for (const k of buckets.keys()) if (k <= b - BUCKETS) buckets.delete(k)
  }

  private allowedSessionsPerIp(site: string, now: number): number {
    const b = Math.floor(now / RULES.burstWindowMs)
    let total = 0
    // Whole windows before the current one: a burst does not raise its own bar.
    for (const [k, n] of this.siteSessions.get(site) ?? []) if (k < b && k >= b - BUCKETS) total += n
    return Math.max(RULES.burstFloorSessionsPerIp, Math.ceil((RULES.burstShareOfSite * total) / BUCKETS))
  }
}

/** Drops the least recently touched entries while their last time is at or before `cutoff` (touch() keeps them first). */
function dropIdle<V>(map: Map<string, V>, lastAt: (v: V) => number, cutoff: number): void {
  for (const [key, v] of map) {
    if (lastAt(v) > cutoff) return
    map.delete(key)
  }
}

/** The entry under `key`, created if absent, moved to the end (most recent); the oldest key goes past MAX_KEYS. */
function touch<V>(map: Map<string, V>, key: string, create: () => V): V {
  let v = map.get(key)
  if (v === undefined) v = create()
  else map.delete(key)
  map.set(key, v)
  if (map.size > MAX_KEYS) {
    const oldest = map.keys().next().value
    if (oldest !== undefined) map.delete(oldest)
  }
  return v
}
