import { afterAll, expect, it } from 'vitest'
import { createClickHouseClient } from '../src/storage/client.js'
import { createStore } from '../src/storage/store.js'
import type { OtklikEvent } from '@otklik/contract/types'
import { tempDir } from '../test-support/app.js'
import { answer, event } from '../test-support/events.js'
import { postEvents } from '../test-support/post.js'
import { freePort, startServerProcess, type ServerProcess } from '../test-support/server-process.js'

let server: ServerProcess | undefined
afterAll(() => server?.kill())

it('kill -9 during ingestion loses no event that was answered 202, and counts none twice', async () => {
  const dataDir = tempDir()
  const port = await freePort()
  const env = { DATA_DIR: dataDir, PORT: String(port), RATE_LIMIT: '0', OTKLIK_ADMIN_TOKEN: 'test-admin-token-0123456789' }
  server = await startServerProcess(env)
  const origin = `http://127.0.0.1:${port}`

  const acked: OtklikEvent[][] = []
  let stop = false
  const worker = async () => {
    while (!stop) {
      const events = Array.from({ length: 50 }, (_, i) => (i % 5 ? event() : answer(4)))
      const res = await postEvents(server!.url, events, { origin }).catch(() => undefined)
      if (res?.status === 202) acked.push(events)
    }
  }
  const workers = Array.from({ length: 4 }, worker)
  while (acked.length < 40) await new Promise((r) => setTimeout(r, 10))
  await server.kill() // mid-flight: some requests are cut off unanswered
  stop = true
  await Promise.all(workers)

  server = await startServerProcess(env)
  // Clients retry what they sent; the retries must not be counted again.
  for (const events of acked.slice(0, 10)) expect((await postEvents(server.url, events, { origin })).status).toBe(202)
  await server.stop()

  const store = createStore({ dataDir, clickhouse: { database: 'otklik' } }, createClickHouseClient({ dataDir, clickhouse: { database: 'otklik' } }))
  const ids = acked.flat().map((e) => e.id)
  const [row] = await store.query<{ found: string; total: string; unique: string }>(
    `SELECT countIf(id IN {ids:Array(UUID)}) AS found, count() AS total, uniqExact(id) AS unique FROM ${store.table('events')}`,
    { ids },
  )
  expect(Number(row?.found)).toBe(ids.length)
  expect(row?.total).toBe(row?.unique)
  await store.close()
})
