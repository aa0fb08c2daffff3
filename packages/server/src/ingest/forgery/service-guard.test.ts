/** Which services a site's events may name, through POST /v1/events on the real engine. */
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addService } from '../../analytics/testing/rows.js'
import { createSite } from '../../registry/sites.js'
import type { Store } from '../../storage/store.js'
import { testApp } from '../../../test-support/app.js'
import { CHROME_UA, batch, event } from '../../../test-support/events.js'
import { MAX_UNREGISTERED_PER_DAY } from './service-guard.js'

const ORIGIN = 'https://gov.example'
let app: FastifyInstance
let store: Store

beforeAll(async () => {
  ;({ app, store } = await testApp())
  await addService(store, 'passport-rf')
  await createSite(store, { key: 'open', kind: 'web', name: 'Open', origins: [ORIGIN] })
  await createSite(store, { key: 'strict', kind: 'web', name: 'Registered only', origins: [ORIGIN], services: 'registered' })
  await createSite(store, { key: 'listed', kind: 'web', name: 'A list', origins: [ORIGIN], services: ['birth-registration'] })
})
afterAll(() => app.close())

const post = (site: string, services: (string | undefined)[]) =>
  app.inject({
    method: 'POST',
    url: '/v1/events',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'user-agent': CHROME_UA },
    payload: JSON.stringify(batch(services.map((service) => event({ id: randomUUID(), service })), site)),
  })

it('a site restricted to registered services has events naming others rejected one by one', async () => {
  const res = await post('strict', ['passport-rf', 'junk-1', undefined])
  expect(res.statusCode).toBe(202)
  expect(res.json()).toEqual({ accepted: 2, rejected: [{ index: 1, reason: 'service: this site sends only services in the registry' }] })
})

it('a site restricted to a list accepts only those services', async () => {
  const res = await post('listed', ['passport-rf', 'birth-registration'])
  expect(res.json()).toEqual({ accepted: 1, rejected: [{ index: 0, reason: 'service: is not among the services this site may send' }] })
  expect((await post('listed', ['junk'])).statusCode).toBe(400)
})

it(`an open site may name at most ${MAX_UNREGISTERED_PER_DAY} unregistered services a day; registered and already seen ones still pass`, async () => {
  // 30 requests of 100 junk ids, as in the attack that made 3,000 fake services.
  for (let r = 0; r < 30; r++) await post('open', Array.from({ length: 100 }, (_, i) => `fake-${r}-${i}`))
  const [row] = await store.query<{ n: string }>(`SELECT uniqExact(service) AS n FROM ${store.table('events')} WHERE site_id = 'open'`)
  expect(Number(row?.n)).toBe(MAX_UNREGISTERED_PER_DAY)
  const res = await post('open', ['passport-rf', 'fake-0-0', 'fake-new'])
  expect(res.json()).toMatchObject({ accepted: 2, rejected: [{ index: 2 }] })
  expect(res.json().rejected[0].reason).toMatch(/unregistered services today/)
})

it('the site shows its policy', async () => {
  const site = await store.query<{ settings: string }>(`SELECT settings FROM ${store.table('sites')} FINAL WHERE key = 'listed'`)
  expect(JSON.parse(site[0]!.settings)).toEqual({ services: ['birth-registration'] })
})
