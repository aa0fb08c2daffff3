/**
 * The per-site limits (see ../site-limits.ts) counted in Redis, so that
 * every instance behind the load balancer counts towards one limit. Same
 * window: it opens with the site's first request and lasts a minute (by
 * Redis's clock); one script call per request keeps check and count atomic.
 */
import type { Redis } from 'ioredis'
import type { SiteLimiter, SiteLimitValues, SiteOver } from '../site-limits.js'

const WINDOW_MS = 60_000
const KEY_PREFIX = 'otklik:site-window:'

// Returns {0|1|2, ttl ms}: 0 = within limits, 1 = over the requests, 2 = over the events.
const TAKE = `
local requests = redis.call('HINCRBY', KEYS[1], 'requests', 1)
if requests == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
local ttl = redis.call('PTTL', KEYS[1])
local n, maxRequests, maxEvents = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
if maxRequests > 0 and requests > maxRequests then return {1, ttl} end
local events = tonumber(redis.call('HGET', KEYS[1], 'events') or '0')
if maxEvents > 0 and events + n > maxEvents then return {2, ttl} end
redis.call('HINCRBY', KEYS[1], 'events', n)
return {0, ttl}
`

export class RedisSiteLimits implements SiteLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly limits: SiteLimitValues,
    /** Told when Redis cannot be asked: the request is then let through. */
    private readonly onError: (err: unknown) => void,
  ) {}

  get enabled(): boolean {
    return this.limits.requests > 0 || this.limits.events > 0
  }

  async take(site: string, events: number): Promise<SiteOver | undefined> {
    if (!this.enabled) return undefined
    try {
      const [verdict, ttl] = (await this.redis.eval(TAKE, 1, `${KEY_PREFIX}${site}`, events, this.limits.requests, this.limits.events, WINDOW_MS)) as [number, number]
      if (verdict === 0) return undefined
      return { retryAfterS: Math.max(1, Math.ceil(ttl / 1000)), what: verdict === 1 ? 'requests' : 'events' }
    } catch (err) {
      this.onError(err)
      return undefined
    }
  }
}
