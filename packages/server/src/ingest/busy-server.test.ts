import { afterAll, beforeAll, expect, it } from 'vitest'
import { APP_KEY_HEADER } from '@otklik/contract/rules'
import { createSite } from '../registry/sites.js'
import { createToken } from '../registry/tokens.js'
import { testApp, type TestApp } from '../../test-support/app.js'
import { answer, batch } from '../../test-support/events.js'

// A fixed day, through the app's injected clock.
const NOW = Date.UTC(2026, 2, 10, 12)
let t: TestApp
let secret: string
let viewer: string

beforeAll(async () => {
  t = await testApp({ FLUSH_INTERVAL_MS: '50' }, { now: () => NOW })
  // An app site: its answers are trusted, not judged as a browser's would be.
  secret = (await createSite(t.store, { key: 'kiosk', kind: 'app', name: 'MFC kiosk' })).secret ?? ''
  viewer = (await createToken(t.store, 'viewer', 'v')).token
})
afterAll(() => t.app.close())

const spooledGroups = async () => Number(/^otklik_insert_batches_total\{outcome="spooled_under_load"\} (\d+)$/m.exec(await t.app.otklik.metrics.registry.metrics())?.[1] ?? 0)

it('under load, requests are answered once their events are in the spool, and the API still reads every one of them', async () => {
  // Three full batches at once make one group of 300 events: a busy server's.
  const batches = Array.from({ length: 3 }, () => Array.from({ length: 100 }, (_, i) => answer(1 + (i % 5), { service: 'busy', ts: NOW - 60_000 })))
  const answers = await Promise.all(
    batches.map((events) =>
      t.app.inject({ method: 'POST', url: '/v1/events', headers: { 'content-type': 'application/json', [APP_KEY_HEADER]: secret }, payload: { ...batch(events, 'kiosk'), sent_at: NOW } }),
    ),
  )
  expect(answers.map((r) => r.statusCode)).toEqual([202, 202, 202])
  expect(await spooledGroups()).toBeGreaterThanOrEqual(1)

  // Read at once: the API waits for what was released before the read.
  const res = await t.app.inject({
    method: 'GET',
    url: `/v1/metrics/services?from=${new Date(NOW - 86_400_000).toISOString()}&to=${NOW + 1000}`,
    headers: { authorization: `Bearer ${viewer}` },
  })
  expect(res.statusCode).toBe(200)
  const busy = res.json().services.find((s: { service: string }) => s.service === 'busy')
  expect(busy.csat.n).toBe(300)
  expect(t.app.otklik.committer.spoolDepth).toBe(0)
})
