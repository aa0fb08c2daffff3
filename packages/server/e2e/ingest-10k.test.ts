import { afterAll, beforeAll, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../src/server.js'
import { createSite } from '../src/registry/sites.js'
import { testConfig } from '../test-support/app.js'
import { answer, event } from '../test-support/events.js'
import { inParallel, postEvents } from '../test-support/post.js'
import { createStore, type Store } from '../src/storage/store.js'

const ORIGIN = 'https://gov.example'
let server: RunningServer
let store: Store

beforeAll(async () => {
  const config = { ...testConfig({ PORT: '0', FLUSH_INTERVAL_MS: '20' }), port: 0 }
  server = await startServer(config, () => {})
  store = createStore(config, server.app.otklik.store.client)
  await createSite(store, { key: 'gov', kind: 'web', name: 'Gov', origins: [ORIGIN] })
})
afterAll(() => server.close())

it('10,000 events posted over HTTP in batches are all stored, exactly once, with the server-added fields', async () => {
  const batches = Array.from({ length: 100 }, (_, b) =>
    Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? answer(1 + ((b + i) % 5)) : event({ service: `service-${b % 7}` }))),
  )
  const results = await inParallel(batches, 8, (events) => postEvents(server.url, events, { site: 'gov', origin: ORIGIN, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36' } }))
  expect(results.map((r) => r.status)).toEqual(Array(100).fill(202))
  expect(results.reduce((n, r) => n + (r.body.accepted ?? 0), 0)).toBe(10_000)

  // A retry of some batches changes nothing.
  await inParallel(batches.slice(0, 10), 4, (events) => postEvents(server.url, events, { site: 'gov', origin: ORIGIN }))

  // A busy server answers once events are in its spool and inserts them a
  // moment later; the API waits for them, and so does this direct read.
  await server.app.otklik.committer.caughtUp()
  const [stats] = await store.query<Record<string, string>>(
    `SELECT count() AS n, uniqExact(id) AS ids, countIf(site_id = 'gov') AS site, countIf(device = 'desktop') AS desktop,
            countIf(browser = 'Chrome') AS chrome, countIf(os = 'Linux') AS linux, countIf(received_at >= ts - INTERVAL 1 MINUTE) AS received
     FROM ${store.table('events')}`,
  )
  expect(stats).toEqual({ n: '10000', ids: '10000', site: '10000', desktop: '10000', chrome: '10000', linux: '10000', received: '10000' })
})
