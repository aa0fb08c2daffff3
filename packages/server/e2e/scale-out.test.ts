/**
 * Two Otklik instances behind one "load balancer", sharing one ClickHouse
 * (the test HTTP interface) and one Redis (REDIS_URL): a site's limit
 * counts requests at both, and a batch retried to both at once is stored once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { OtklikEvent } from '@otklik/contract/types'
import { createSite } from '../src/registry/sites.js'
import { startServer, type RunningServer } from '../src/server.js'
import { toNumber } from '../src/storage/int64.js'
import { spawnClickHouseHttpServer, type SpawnedClickHouseHttpServer } from '../test-support/clickhouse-http/spawn.js'
import { tempDir, testConfig } from '../test-support/app.js'
import { event } from '../test-support/events.js'
import { postEvents } from '../test-support/post.js'
import { startRedis, type RedisProcess } from '../test-support/redis.js'

const ORIGIN = 'https://gov.example'
const SITE_LIMIT = 6
let clickhouse: SpawnedClickHouseHttpServer
let redis: RedisProcess
let a: RunningServer
let b: RunningServer

beforeAll(async () => {
  clickhouse = await spawnClickHouseHttpServer({ dataDir: tempDir('otklik-ch-') })
  redis = await startRedis()
  const env = {
    CLICKHOUSE_URL: clickhouse.url,
    CLICKHOUSE_DATABASE: 'scaleout',
    REDIS_URL: redis.url,
    SITE_RATE_LIMIT: String(SITE_LIMIT),
    SITE_EVENT_LIMIT: '1000000',
    // Long enough that a block gathers the batches posted together.
    FLUSH_INTERVAL_MS: '200',
  }
  a = await startServer({ ...testConfig(env), port: 0 }, () => {})
  b = await startServer({ ...testConfig(env), port: 0 }, () => {})
  for (const key of ['limited', 'gov']) await createSite(a.app.otklik.store, { key, kind: 'web', name: key, origins: [ORIGIN] })
})
afterAll(async () => {
  await a?.close()
  await b?.close()
  await redis?.stop()
  await clickhouse?.stop()
})

const post = (server: RunningServer, site: string, events: OtklikEvent[]) => postEvents(server.url, events, { site, origin: ORIGIN })

it("a site's limit is shared: requests to either instance count towards one limit", async () => {
  const statuses: number[] = []
  for (let i = 0; i < SITE_LIMIT; i++) statuses.push((await post(i % 2 ? b : a, 'limited', [event()])).status)
  expect(statuses).toEqual(Array(SITE_LIMIT).fill(202))
  // Each instance saw only half the limit, yet both now refuse.
  for (const server of [a, b]) {
    const over = await post(server, 'limited', [event()])
    expect(over.status).toBe(429)
    expect(over.body.error?.code).toBe('rate_limited')
  }
})

it('a batch retried to both instances at once is stored once, though each writes it in a block of its own', async () => {
  const retried = Array.from({ length: 40 }, () => event())
  const other = Array.from({ length: 10 }, () => event())
  // Instance b's block also holds another batch, so its block is not the
  // same as a's: ClickHouse's insert deduplication cannot catch this one.
  const results = await Promise.all([post(a, 'gov', retried), post(b, 'gov', retried), post(b, 'gov', other)])
  expect(results.map((r) => r.status)).toEqual([202, 202, 202])
  expect(results.map((r) => r.body.accepted)).toEqual([40, 40, 10])
  const ids = [...retried, ...other].map((e) => e.id)
  const [row] = await a.app.otklik.store.query<{ n: unknown; distinct_ids: unknown }>(
    `SELECT count() AS n, uniqExact(id) AS distinct_ids FROM ${a.app.otklik.store.table('events')} WHERE id IN {ids:Array(UUID)}`,
    { ids },
  )
  expect(toNumber(row?.distinct_ids)).toBe(50)
  expect(toNumber(row?.n)).toBe(50)
})
