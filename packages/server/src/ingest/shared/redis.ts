/**
 * The Redis that several ingestion instances share (REDIS_URL): the rate
 * limits count there, and event ids are claimed there before they are
 * stored. Fails fast: a Redis that does not answer must never hold up
 * ingestion (the limits are skipped and the claims fall back to this
 * process's own checks, see claims.ts).
 */
import { Redis } from 'ioredis'

const CONNECT_TIMEOUT_MS = 1000
const COMMAND_TIMEOUT_MS = 500

export function createRedis(url: string): Redis {
  return new Redis(url, {
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    // Commands issued while disconnected fail at once instead of queueing.
    enableOfflineQueue: false,
    lazyConnect: false,
  })
}
