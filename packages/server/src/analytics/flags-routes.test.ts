import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../storage/store.js'
import { testAppWithTokens } from '../../test-support/app.js'
import { addService, answer, insertRows } from './testing/rows.js'
import { HEALTHY_IDS, PLANTED, generateService, rng, spec } from './testing/portfolio.js'

const D = 86_400_000
const WINDOW_FROM = Date.UTC(2025, 4, 1)
const WINDOW_TO = WINDOW_FROM + 28 * D
const windows = { baseline: [WINDOW_FROM - 28 * D, WINDOW_FROM] as [number, number], window: [WINDOW_FROM, WINDOW_TO] as [number, number] }
const QUERY = `from=${new Date(WINDOW_FROM).toISOString()}&to=${WINDOW_TO}`

let app: FastifyInstance
let store: Store
let viewer: string
let analyst: string
let body: {
  flags: { service: string; rule: string; explanation: string; severity: string; terms: { term: string }[]; [k: string]: unknown }[]
  insufficient: { service: string; n: number }[]
  ranking: { service: string; impact: number; rules: string[] }[]
  window: unknown
  baseline: unknown
}

beforeAll(async () => {
  ;({ app, store, viewer, analyst } = await testAppWithTokens())
  const random = rng(20250501)
  const rows = [...PLANTED.map((p) => p.spec), ...HEALTHY_IDS.map((id) => spec(id))].flatMap((s) => generateService(s, windows, random))
  // A service with a handful of answers, all bad.
  rows.push(...[1, 1, 2, 1, 1].map((score, i) => answer('csat', score, WINDOW_FROM + i * D, { service: 'tiny' })))
  await insertRows(store, rows, 20_000)
  await addService(store, 'low-csat', { name_en: 'Passport', name_ru: 'Паспорт' })
  await addService(store, 'empty-registered')
  const res = await app.inject({ method: 'GET', url: `/v1/flags?${QUERY}`, headers: { authorization: `Bearer ${analyst}`, 'accept-language': 'en' } })
  expect(res.statusCode).toBe(200)
  body = res.json()
})
afterAll(() => app.close())

describe('GET /v1/flags on a portfolio with planted problems', () => {
  it('reports the window and its baseline', () => {
    expect(body.window).toEqual({ from: '2025-05-01T00:00:00.000Z', to: '2025-05-29T00:00:00.000Z' })
    expect(body.baseline).toEqual({ from: '2025-04-03T00:00:00.000Z', to: '2025-05-01T00:00:00.000Z' })
  })

  for (const p of PLANTED) {
    it(`flags ${p.spec.id} with ${JSON.stringify(p.expect)}`, () => {
      const mine = body.flags.filter((f) => f.service === p.spec.id)
      expect(mine, JSON.stringify(mine.map((f) => f.explanation))).toContainEqual(expect.objectContaining(p.expect))
    })
  }

  it('flags no healthy service', () => {
    const wrong = body.flags.filter((f) => HEALTHY_IDS.includes(f.service))
    expect(wrong.map((f) => f.explanation)).toEqual([])
    for (const id of HEALTHY_IDS) expect(body.insufficient.map((s) => s.service)).not.toContain(id)
  })

  it('lists the service with a handful of answers as insufficient, and never flags it', () => {
    expect(body.insufficient).toContainEqual({ service: 'tiny', n: 5, journeys: 0 })
    expect(body.insufficient).toContainEqual({ service: 'empty-registered', n: 0, journeys: 0 })
    expect(body.flags.filter((f) => f.service === 'tiny')).toEqual([])
  })

  it('plants no stray flags on the planted services', () => {
    const allowed: Record<string, string[]> = {
      'low-completion': ['low_completion'],
      'step-dropoff': ['step_dropoff', 'low_completion'],
      'gap-device': ['group_gap', 'csat_decline', 'low_csat'],
      'gap-locale': ['group_gap', 'step_dropoff', 'low_completion'],
    }
    for (const p of PLANTED) {
      const rules = body.flags.filter((f) => f.service === p.spec.id).map((f) => f.rule)
      expect(rules.filter((r) => !(allowed[p.spec.id] ?? [p.expect.rule]).includes(r)), p.spec.id).toEqual([])
    }
  })

  it('ranks every flagged service by impact, and explains each flag in English with its numbers', () => {
    const ranked = body.ranking.map((r) => r.service)
    expect(new Set(ranked)).toEqual(new Set(body.flags.map((f) => f.service)))
    const impacts = body.ranking.map((r) => r.impact)
    expect([...impacts].sort((a, b) => b - a)).toEqual(impacts)
    const lowCsat = body.flags.find((f) => f.service === 'low-csat' && f.rule === 'low_csat')
    expect(lowCsat?.explanation).toMatch(/^CSAT of «Passport» is \d+(\.\d)?% satisfied \(95% CI [\d.]+%–[\d.]+%, n = \d+\), below the target of 80%\.$/)
    expect(lowCsat?.terms.map((t) => t.term)).toContain('долго')
    const step = body.flags.find((f) => f.rule === 'step_dropoff')
    expect(step?.explanation).toContain('"pay"')
  })

  it('explains in Russian by default', async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/flags?${QUERY}&service=low-csat`, headers: { authorization: `Bearer ${viewer}` } })
    const flag = res.json().flags.find((f: { rule: string }) => f.rule === 'low_csat')
    expect(flag.explanation).toMatch(/^Доля довольных \(CSAT\) услугой «Паспорт» — /)
    // A viewer sees the figures but nothing drawn from comments.
    expect(flag.terms).toEqual([])
  })

  it('CSV of the flags holds the same rows (analyst), and is refused to a viewer', async () => {
    const csv = await app.inject({ method: 'GET', url: `/v1/flags.csv?${QUERY}`, headers: { authorization: `Bearer ${analyst}`, 'accept-language': 'en' } })
    expect(csv.statusCode).toBe(200)
    const { parse } = await import('csv-parse/sync')
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[]
    expect(rows.map((r) => [r.service, r.rule, r.explanation])).toEqual(body.flags.map((f) => [f.service, f.rule, f.explanation]))
    expect((await app.inject({ method: 'GET', url: `/v1/flags.csv`, headers: { authorization: `Bearer ${viewer}` } })).statusCode).toBe(403)
    expect((await app.inject({ method: 'GET', url: `/v1/flags` })).statusCode).toBe(401)
  })
})
