import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../test-support/app.js'
import { eventRow, eventsSink, type EventRow } from '../storage/events-store.js'
import { rowOf, serviceTable } from '../registry/services.js'
import type { PublishedRow } from './publication.js'

let t: TestApp
const JAN = Date.UTC(2024, 0, 10)
const FEB = Date.UTC(2024, 1, 10)
const MAR = Date.UTC(2024, 2, 10)
const base = (over: Partial<EventRow>): EventRow =>
  eventRow({
    id: randomUUID(), ts: JAN, received_at: JAN, site_id: 'demo', type: 'survey_response', service: 'big',
    channel: 'web', segment: 'citizen', locale: 'ru', device: 'desktop', browser: 'x', os: 'y', metric: 'csat', score: 5, ...over,
  })
const answers = (service: string, ts: number, metric: string, scores: number[]) => scores.map((score) => base({ service, ts, metric, score }))
const times = (n: number, score: number) => Array<number>(n).fill(score)
const journeys = (service: string, ts: number, started: number, completed: number) =>
  Array.from({ length: started }, (_, i) => {
    const journey = randomUUID()
    const start = base({ service, ts, type: 'journey_start', journey, metric: '', score: null })
    return i < completed ? [start, { ...start, id: randomUUID(), type: 'journey_complete', ts: ts + 60_000 }] : [start]
  }).flat()

// The suite's "today": mid-March 2024, so March is the current, incomplete month whatever the real date.
const TODAY = Date.UTC(2024, 2, 15, 12)

beforeAll(async () => {
  t = await testApp({}, { now: () => TODAY })
  await serviceTable.insert(t.store, [
    rowOf('big', { name_ru: 'Большая', name_en: 'Big', agency: 'fns', life_situations: [], targets: {} }),
    rowOf('tiny', { name_ru: 'Малая', life_situations: [], targets: {} }),
    rowOf('skewed', { name_ru: '=HYPERLINK("x")', life_situations: [], targets: {} }),
  ])
  await eventsSink(t.store).insert([
    // big, Jan: 40 csat (30 good), 25 nps, 4 ces -> ces below k, and a complementary partner must go.
    ...answers('big', JAN, 'csat', [...times(30, 5), ...times(10, 2)]),
    ...answers('big', JAN, 'nps', [...times(12, 10), ...times(8, 8), ...times(5, 3)]),
    ...answers('big', JAN, 'ces', times(4, 2)),
    ...journeys('big', JAN, 50, 40),
    // big, Feb: everything large.
    ...answers('big', FEB, 'csat', [...times(40, 4), ...times(20, 1)]),
    ...answers('big', FEB, 'nps', [...times(20, 9), ...times(20, 7), ...times(20, 0)]),
    ...answers('big', FEB, 'ces', [...times(15, 1), ...times(15, 3)]),
    ...journeys('big', FEB, 30, 20),
    // tiny: a handful.
    ...answers('tiny', MAR, 'csat', times(6, 5)),
    ...journeys('tiny', MAR, 3, 2),
    // skewed: 30 csat, only 3 not satisfied -> the share reveals a small group.
    ...answers('skewed', MAR, 'csat', [...times(27, 5), ...times(3, 1)]),
    // not registered: never published.
    ...answers('ghost', MAR, 'csat', times(50, 5)),
  ])
})
afterAll(() => t.app.close())

const get = async (url: string) => {
  const res = await t.app.inject({ url })
  return { status: res.statusCode, body: res.json() as { rows: PublishedRow[]; method: { k: number; rules: string[] }; error?: { message: string } } }
}
const row = (rows: PublishedRow[], service: string, month: string) => rows.find((r) => r.service === service && r.month === month)

const COUNTS = ['responses', 'journeys', 'csat_n', 'nps_n', 'ces_n'] as const

describe('GET /v1/open/services.json', () => {
  it('is public, lists registered services only, with names, and documents the method', async () => {
    const { status, body } = await get('/v1/open/services.json')
    expect(status).toBe(200)
    expect(new Set(body.rows.map((r) => r.service))).toEqual(new Set(['big', 'tiny', 'skewed']))
    expect(row(body.rows, 'big', '2024-02')).toMatchObject({
      name_ru: 'Большая', name_en: 'Big', agency: 'fns', complete: true, responses: 150, csat: 0.667, csat_n: 60, nps: 0, nps_n: 60, ces: 2, ces_n: 30, journeys: 30, completion_rate: 0.667,
    })
    expect(body.method.k).toBe(10)
    expect(body.method.rules.join(' ')).toMatch(/complementary/)
  })

  it('publishes no count below k, and no suppressed cell can be worked out from the row', async () => {
    for (const k of [10, 25]) {
      const { body } = await get(`/v1/open/services.json?k=${k}`)
      for (const r of body.rows) {
        for (const c of COUNTS) if (r[c] !== null) expect(r[c], `${r.service} ${r.month} ${c}`).toBeGreaterThanOrEqual(k)
        const parts = [r.csat_n, r.nps_n, r.ces_n]
        const hiddenParts = parts.filter((p) => p === null).length
        // responses = csat_n + nps_n + ces_n: never exactly one unknown.
        expect(hiddenParts + (r.responses === null ? 1 : 0), JSON.stringify(r)).not.toBe(1)
        if (r.responses !== null && hiddenParts > 0) {
          const rest = r.responses - parts.reduce<number>((s, p) => s + (p ?? 0), 0)
          expect(rest).toBeGreaterThanOrEqual(k)
        }
      }
    }
    const jan = row((await get('/v1/open/services.json')).body.rows, 'big', '2024-01')
    // ces_n = 4 is below k; with responses published it would be 69 - 40 - 25: responses goes too.
    expect(jan).toMatchObject({ ces_n: null, ces: null, csat_n: 40, nps_n: 25, responses: null, suppressed: { ces_n: 'below_k', responses: 'complementary' } })
    // Only CSAT asked: the zero NPS and CES counts would follow from responses, so responses goes.
    const only = row((await get('/v1/open/services.json')).body.rows, 'skewed', '2024-03')
    expect(only).toMatchObject({ csat_n: 30, responses: null, nps_n: null, ces_n: null })
    const tiny = row((await get('/v1/open/services.json')).body.rows, 'tiny', '2024-03')
    expect(tiny).toMatchObject({ responses: null, csat: null, csat_n: null, journeys: null, completion_rate: null })
  })

  it('does not publish a share that reveals a group smaller than k', async () => {
    const skewed = row((await get('/v1/open/services.json')).body.rows, 'skewed', '2024-03')
    expect(skewed).toMatchObject({ csat_n: 30, csat: null, suppressed: { csat: 'small_group' } })
  })

  it('a larger k suppresses a superset of the cells', async () => {
    const small = (await get('/v1/open/services.json?k=10')).body.rows
    const large = (await get('/v1/open/services.json?k=45')).body.rows
    for (const r of small) {
      const l = row(large, r.service, r.month)
      for (const c of COUNTS) if (r[c] === null) expect(l?.[c]).toBeNull()
    }
    expect(row(large, 'big', '2024-01')?.csat_n).toBeNull()
  })

  it('refuses k below 10 and bad months with a 400 and a reason', async () => {
    for (const url of ['?k=9', '?k=abc', '?k=0', '?from=2024-13', '?from=2024-03&to=2024-01', '?service=%27%20OR%201%3D1', '?x=1']) {
      const { status, body } = await get(`/v1/open/services.json${url}`)
      expect(status, url).toBe(400)
      expect(body.error?.message).toBeTruthy()
    }
  })

  it('filters by month range', async () => {
    const { body } = await get('/v1/open/services.json?from=2024-02&to=2024-02')
    expect(body.rows.map((r) => r.month)).toEqual(['2024-02'])
  })
})

it('dates the publication and the current month by the clock, not the wall clock', async () => {
  const res = await t.app.inject({ url: '/v1/open/services.json' })
  expect(res.json().generated_at).toBe('2024-03-15T12:00:00.000Z')
  const { body } = await get('/v1/open/services.json')
  expect(row(body.rows, 'big', '2024-02')?.complete).toBe(true)
  expect(row(body.rows, 'tiny', '2024-03')?.complete).toBe(false)
  expect(body.rows.every((r: PublishedRow) => r.month <= '2024-03')).toBe(true)
})

describe('GET /v1/open/services.csv', () => {
  it('CSV has the same rows, formula-safe', async () => {
    const res = await t.app.inject({ url: '/v1/open/services.csv' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    const lines = res.body.trim().split('\r\n')
    expect(lines[0]).toBe('service,name_ru,name_en,agency,month,complete,responses,journeys,csat,csat_n,nps,nps_n,ces,ces_n,completion_rate,suppressed')
    expect(lines).toHaveLength(1 + (await get('/v1/open/services.json')).body.rows.length)
    expect(res.body).toContain(`"'=HYPERLINK(""x"")"`)
    const jan = lines.find((l) => l.startsWith('big,') && l.includes('2024-01'))
    expect(jan).toContain('ces_n=below_k')
    expect(jan).toContain('responses=complementary')
  })
})
