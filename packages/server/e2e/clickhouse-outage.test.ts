import { afterAll, beforeAll, expect, it } from 'vitest'
import type { OtklikEvent } from '@otklik/contract/types'
import { createSite } from '../src/registry/sites.js'
import { startServer, type RunningServer } from '../src/server.js'
import { spawnClickHouseHttpServer, type SpawnedClickHouseHttpServer } from '../test-support/clickhouse-http/spawn.js'
import { tempDir, testConfig } from '../test-support/app.js'
import { answer, event } from '../test-support/events.js'
import { postEvents } from '../test-support/post.js'

const ORIGIN = 'https://gov.example'
let clickhouse: SpawnedClickHouseHttpServer
let server: RunningServer
const chData = tempDir('otklik-ch-')

beforeAll(async () => {
  clickhouse = await spawnClickHouseHttpServer({ dataDir: chData })
  server = await startServer({ ...testConfig({ CLICKHOUSE_URL: clickhouse.url }), port: 0 }, () => {})
  await createSite(server.app.otklik.store, { key: 'gov', kind: 'web', name: 'Gov', origins: [ORIGIN] })
})
afterAll(async () => {
  await server.close()
  await clickhouse.stop()
})

const readyz = async () => (await fetch(`${server.url}/readyz`)).json() as Promise<{ status: string; storage: string; spool: { blocks: number; writable: boolean; oldest_block_age_s: number | null } }>
const post = (events: OtklikEvent[]) => postEvents(server.url, events, { site: 'gov', origin: ORIGIN })
const batchOf = (n: number) => Array.from({ length: n }, (_, i) => (i % 4 ? event() : answer(2)))

it('ClickHouse going away during ingestion loses nothing: spooled, replayed when it returns, stored exactly once', async () => {
  const before = [batchOf(30), batchOf(30)]
  for (const b of before) expect((await post(b)).status).toBe(202)

  await clickhouse.kill()
  // Longer than the site cache's freshness: the known site must still be served.
  await new Promise((r) => setTimeout(r, 5_500))
  const during = [batchOf(25), batchOf(25), batchOf(25)]
  for (const b of during) {
    const res = await post(b)
    expect(res.status).toBe(202)
    expect(res.body.accepted).toBe(25)
  }
  // A client retrying while ClickHouse is away is spooled again, and must still count once.
  expect((await post(during[0]!)).status).toBe(202)
  expect(await readyz()).toMatchObject({ storage: 'unreachable' })
  expect((await readyz()).spool.blocks).toBeGreaterThan(0)
  // Events can still be made durable in the spool: ready, with the oldest block's age.
  expect(await readyz()).toMatchObject({ status: 'ready', spool: { writable: true, oldest_block_age_s: expect.any(Number) } })

  clickhouse = await spawnClickHouseHttpServer({ dataDir: chData, port: clickhouse.port })
  const deadline = Date.now() + 60_000
  while ((await readyz()).spool.blocks > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250))
  expect(await readyz()).toEqual({ status: 'ready', storage: 'ok', spool: { blocks: 0, writable: true, oldest_block_age_s: null } })

  expect((await post(during[1]!)).status).toBe(202) // a late retry after the replay
  const after = batchOf(10)
  expect((await post(after)).status).toBe(202)

  const store = server.app.otklik.store
  const ids = [...before, ...during, after].flat().map((e) => e.id)
  const [row] = await store.query<{ found: string; total: string }>(
    `SELECT countIf(id IN {ids:Array(UUID)}) AS found, count() AS total FROM ${store.table('events')}`,
    { ids },
  )
  expect({ found: Number(row?.found), total: Number(row?.total) }).toEqual({ found: ids.length, total: ids.length })
})
