/**
 * Property-based tests (fast-check): random bodies, headers and query strings
 * at the public routes and random lines at the history import never give a
 * 5xx or a crash, and never write part of what they refuse.
 */
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importEvents } from '../backfill/import-events.js'
import { EVENT_TYPES } from '@otklik/contract/rules'
import { createSite } from '../registry/sites.js'
import type { Store } from '../storage/store.js'
import { testApp } from '../../test-support/app.js'

const ORIGIN = 'https://gov.example'
let app: FastifyInstance
let store: Store
let now: number

beforeAll(async () => {
  ;({ app, store } = await testApp({ RATE_LIMIT: '0' }))
  await createSite(store, { key: 'demo', kind: 'web', name: 'Demo', origins: [ORIGIN] })
  now = Date.now()
})
afterAll(() => app.close())

const count = async (site: string) => {
  const [row] = await store.query<{ n: string }>(`SELECT count() AS n FROM ${store.table('events')} WHERE site_id = {site:String}`, { site })
  return Number(row?.n)
}

/** Something like an event: right and wrong fields mixed. */
const eventish = () =>
  fc.record(
    {
      id: fc.oneof(fc.uuid(), fc.string()),
      type: fc.oneof(fc.constantFrom(...EVENT_TYPES), fc.string()),
      ts: fc.oneof(fc.integer({ min: now - 86_400_000, max: now }), fc.integer(), fc.double(), fc.string()),
      session: fc.oneof(fc.uuid(), fc.string()),
      journey: fc.uuid(),
      service: fc.oneof(fc.constantFrom('passport-rf', 'a/b', ''), fc.string()),
      metric: fc.oneof(fc.constantFrom('csat', 'nps', 'ces', 'rating'), fc.string()),
      score: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double(), fc.string()),
      comment: fc.string({ unit: 'binary', maxLength: 300 }),
      path: fc.string({ unit: 'binary', maxLength: 200 }),
      step: fc.string(),
      error_code: fc.string(),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  )

const body = () =>
  fc.oneof(
    fc.json(),
    fc.string({ unit: 'binary' }),
    fc.record({ site: fc.oneof(fc.constant('demo'), fc.string()), sdk: fc.string(), sent_at: fc.oneof(fc.integer(), fc.string()), events: fc.array(eventish(), { maxLength: 8 }) }, { requiredKeys: ['site', 'events'] }).map((b) => JSON.stringify(b)),
  )

const header = () => fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).filter((s) => !/[\r\n]/.test(s))

describe('public routes under random input', () => {
  it('POST /v1/events never answers 5xx, and stores exactly what it says it accepted', async () => {
    await fc.assert(
      fc.asyncProperty(
        body(),
        fc.constantFrom('application/json', 'text/plain', 'text/plain;charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data', ''),
        fc.oneof(fc.constant(ORIGIN), header()),
        header(),
        async (payload, type, origin, ua) => {
          const before = await count('demo')
          const res = await app.inject({ method: 'POST', url: '/v1/events', payload, headers: { ...(type ? { 'content-type': type } : {}), origin, 'user-agent': ua } })
          expect(res.statusCode, res.body).toBeLessThan(500)
          await app.otklik.committer.flush()
          const accepted = res.statusCode === 202 ? (res.json() as { accepted: number }).accepted : 0
          expect(await count('demo')).toBe(before + accepted)
        },
      ),
      { numRuns: 80, seed: 10 },
    )
  }, 120_000)

  it('public GET routes never answer 5xx whatever the query string', async () => {
    const paths = ['/v1/open/services.json', '/v1/open/services.csv', '/open/', '/readyz', '/healthz', '/sdk.js', '/openapi.json', '/docs', '/v1/metrics/services', '/nope']
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.string(), fc.integer().map(String)), { maxKeys: 4 }), header(), async (path, query, accept) => {
        const qs = new URLSearchParams(query).toString()
        const res = await app.inject({ method: 'GET', url: `${path}${qs ? `?${qs}` : ''}`, headers: { accept } })
        expect(res.statusCode, `${path}?${qs}: ${res.body.slice(0, 200)}`).toBeLessThan(500)
      }),
      { numRuns: 80, seed: 11 },
    )
  }, 120_000)
})

describe('history import under random lines', () => {
  it('accounts for every value, and stores exactly the ones it imported', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(eventish(), fc.anything()), { maxLength: 12 }), async (values) => {
        const site = `imp-${randomUUID().slice(0, 8)}`
        const result = await importEvents(store, values, { site, retentionDays: 0 })
        expect(result.imported + result.already_present + result.rejected.length).toBe(values.length)
        expect(await count(site)).toBe(result.imported)
      }),
      { numRuns: 60, seed: 12 },
    )
  }, 120_000)
})
