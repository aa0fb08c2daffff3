import { parse } from 'csv-parse/sync'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../storage/store.js'
import { testAppWithTokens } from '../../test-support/app.js'
import { flatten } from './csv-columns.js'
import { addService, answer, insertRows, journey } from './testing/rows.js'

// A fixed week: 2025-03-03 (Mon) .. 2025-03-10, UTC.
const T0 = Date.UTC(2025, 2, 3, 10)
const H = 3_600_000
const D = 24 * H
const WINDOW = `from=2025-03-03T00:00:00Z&to=${Date.UTC(2025, 2, 10)}`

let app: FastifyInstance
let store: Store
let viewer: string
let analyst: string

beforeAll(async () => {
  ;({ app, store, viewer, analyst } = await testAppWithTokens())
  await addService(store, 'alpha', { agency: 'mvd', name_en: 'Alpha', name_ru: 'Альфа' })
  await addService(store, 'gamma', { agency: 'fns' })
  // alpha: CSAT 5 5 4 3 1 (3 of 5 satisfied), NPS 10 9 9 8 7 6 3 0 10 10, CES 1 2 2 3 7.
  const csat = [5, 5, 4, 3, 1].map((s, i) => answer('csat', s, T0 + i * H, { channel: i < 2 ? 'mobile' : 'web' }))
  const nps = [10, 9, 9, 8, 7, 6, 3, 0, 10, 10].map((s, i) => answer('nps', s, T0 + D + i * H))
  const ces = [1, 2, 2, 3, 7].map((s, i) => answer('ces', s, T0 + 2 * D + i * H))
  // Journeys: j1 a b ✓10 s, j2 a b c ✓20 s (completion next day, another insert), j3 a ✗error, j4 a b, j5 nothing.
  const j1 = journey({ ts: T0, steps: ['a', 'b'], completeAfter: 10_000 })
  const j2 = journey({ ts: T0 + 20 * H, steps: ['a', 'b', 'c'], completeAfter: 20_000 - 0 })
  const j2late = j2.splice(-1, 1)
  j2late[0]!.ts = T0 + 20 * H + 20_000
  const j3 = journey({ ts: T0 + 3 * D, steps: ['a'], error: true, over: { channel: 'mobile' } })
  const j4 = journey({ ts: T0 + 3 * D, steps: ['a', 'b'] })
  const j5 = journey({ ts: T0 + 4 * D })
  await insertRows(store, [...csat, ...nps, ...ces, ...j1, ...j2, ...j3, ...j4, ...j5])
  await insertRows(store, j2late)
  // beta: not registered; one answer outside the window.
  await insertRows(store, [answer('csat', 2, T0 + D, { service: 'beta' }), answer('csat', 5, T0 - 2 * D, { service: 'beta' })])
})
afterAll(() => app.close())

const get = (url: string, token: string | null = viewer, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } })

describe('GET /v1/metrics/services', () => {
  it('computes CSAT, NPS and CES with their intervals, by hand', async () => {
    const res = await get(`/v1/metrics/services?${WINDOW}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.window).toEqual({ from: '2025-03-03T00:00:00.000Z', to: '2025-03-10T00:00:00.000Z' })
    const alpha = body.services.find((s: { service: string }) => s.service === 'alpha')
    expect(alpha).toMatchObject({ registered: true, agency: 'mvd', name: 'Альфа' })
    // Wilson 3/5, z = 1.959964: (0.6 + z²/10 ± z·√(0.048 + z²/100)) / (1 + z²/5)
    expect(alpha.csat.value).toBe(0.6)
    expect(alpha.csat.n).toBe(5)
    expect(alpha.csat.low).toBeCloseTo(0.230724, 5)
    expect(alpha.csat.high).toBeCloseTo(0.882378, 5)
    // 5 promoters, 2 passives, 3 detractors: 20 ± 1.959964·√((0.8 − 0.04)/10)·100
    expect(alpha.nps.value).toBe(20)
    expect(alpha.nps.n).toBe(10)
    expect(alpha.nps.low).toBeCloseTo(20 - 1.959964 * Math.sqrt(0.076) * 100, 4)
    expect(alpha.nps.high).toBeCloseTo(20 + 1.959964 * Math.sqrt(0.076) * 100, 4)
    // mean 3, s² = 22/4, t(0.975, 4) = 2.776445: 3 ± 2.776445·√5.5/√5, clamped to 1..7
    expect(alpha.ces.value).toBe(3)
    expect(alpha.ces.low).toBe(1)
    expect(alpha.ces.high).toBeCloseTo(3 + 2.776445 * Math.sqrt(5.5 / 5), 5)
  })

  it('computes journeys: started, completed, error rate and duration quantiles, across inserts and days', async () => {
    const alpha = (await get(`/v1/metrics/services?${WINDOW}`)).json().services.find((s: { service: string }) => s.service === 'alpha')
    expect(alpha.journeys).toEqual({
      started: 5,
      completed: 2,
      completion_rate: 0.4,
      error_rate: 0.2,
      median_duration_ms: 15_000,
      p90_duration_ms: 19_000,
    })
  })

  it('lists unregistered services with events and registered services without any', async () => {
    const services = (await get(`/v1/metrics/services?${WINDOW}`)).json().services
    expect(services.map((s: { service: string }) => s.service)).toEqual(['alpha', 'beta', 'gamma'])
    expect(services[1]).toMatchObject({ service: 'beta', registered: false, csat: { value: 0, n: 1 } })
    expect(services[1].name).toBeUndefined()
    expect(services[2]).toMatchObject({ service: 'gamma', registered: true, csat: { value: null, low: null, high: null, n: 0 } })
    expect(services[2].journeys).toMatchObject({ started: 0, completion_rate: null })
  })

  it('cuts the window to the millisecond, inside days too', async () => {
    // From 12:00 on the first day: the first three CSAT answers (10:00..12:00) are out.
    const from = T0 + 2 * H + 1
    const alpha = (await get(`/v1/metrics/services?from=${from}&to=${T0 + 7 * D}`)).json().services.find((s: { service: string }) => s.service === 'alpha')
    expect(alpha.csat).toMatchObject({ n: 2, value: 0 })
    expect(alpha.journeys.started).toBe(4)
  })

  it('filters by channel, agency and service, and names in English on request', async () => {
    const mobile = (await get(`/v1/metrics/services?${WINDOW}&channel=mobile&service=alpha`)).json().services
    expect(mobile).toHaveLength(1)
    expect(mobile[0].csat).toMatchObject({ n: 2, value: 1 })
    expect(mobile[0].journeys).toMatchObject({ started: 1, completed: 0, error_rate: 1 })
    const fns = (await get(`/v1/metrics/services?${WINDOW}&agency=fns`, viewer, { 'accept-language': 'en-GB,en;q=0.9,ru;q=0.5' })).json().services
    expect(fns.map((s: { service: string }) => s.service)).toEqual(['gamma'])
    expect(fns[0].name).toBe('Service gamma')
  })

  it('answers 400 with a reason for bad filters', async () => {
    for (const q of ['channel=fax', 'segment=alien', 'from=yesterday', 'from=2025-03-05&to=2025-03-01', 'service=a%20b', 'device=phone']) {
      const res = await get(`/v1/metrics/services?${q}`)
      expect(res.statusCode, q).toBe(400)
      expect(res.json().error.message.length, q).toBeGreaterThan(5)
    }
  })
})

describe('the other metrics endpoints', () => {
  it('funnel: steps in order with reach and drop-off', async () => {
    const body = (await get(`/v1/metrics/funnel?${WINDOW}&service=alpha`)).json()
    expect(body.funnels).toEqual([
      {
        service: 'alpha',
        started: 5,
        completed: 2,
        completion_rate: 0.4,
        left_without_step: 1,
        steps: [
          { step: 'a', position: 1, median_position: 1, reached: 4, reach_rate: 0.8, left: 1, drop_off_rate: 0.25 },
          { step: 'b', position: 2, median_position: 2, reached: 3, reach_rate: 0.6, left: 1, drop_off_rate: 1 / 3 },
          { step: 'c', position: 3, median_position: 3, reached: 1, reach_rate: 0.2, left: 0, drop_off_rate: 0 },
        ],
      },
    ])
  })

  it('distribution: every score of the scale with count and share', async () => {
    const d = (await get(`/v1/metrics/distribution?${WINDOW}&service=alpha&metric=csat`)).json().distributions
    expect(d.map((r: { score: number; count: number }) => [r.score, r.count])).toEqual([[1, 1], [2, 0], [3, 1], [4, 1], [5, 2]])
    expect(d[4].share).toBe(0.4)
  })

  it('timeseries: daily buckets; journeys by their start day', async () => {
    const points = (await get(`/v1/metrics/timeseries?${WINDOW}&service=alpha&bucket=day`)).json().points
    expect(points.map((p: { start: string }) => p.start)).toEqual(['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07'])
    expect(points[0]).toMatchObject({ csat: { n: 5 }, journeys: { started: 1, completed: 1, median_duration_ms: 10_000 } })
    // j2 starts on day 2 and completes in a later insert: it counts on its start day.
    expect(points[1]).toMatchObject({ nps: { n: 10 }, journeys: { started: 1, completed: 1, median_duration_ms: 20_000 } })
    expect(points[3].journeys).toMatchObject({ started: 2, completed: 0 })
    const weeks = (await get(`/v1/metrics/timeseries?${WINDOW}&service=alpha&bucket=week`)).json().points
    expect(weeks).toHaveLength(1)
    expect(weeks[0]).toMatchObject({ start: '2025-03-03', csat: { n: 5 }, nps: { n: 10 }, journeys: { started: 5 } })
  })

  it('breakdown by channel', async () => {
    const groups = (await get(`/v1/metrics/breakdown?${WINDOW}&service=alpha&by=channel`)).json().groups
    expect(groups.map((g: { group: string; csat: { n: number } }) => [g.group, g.csat.n])).toEqual([['mobile', 2], ['web', 3]])
  })

  it('durations and volumes', async () => {
    const d = (await get(`/v1/metrics/durations?${WINDOW}&service=alpha`)).json().services[0]
    expect(d).toEqual({ service: 'alpha', completed: 2, timed: 2, p25_ms: 12_500, median_ms: 15_000, p75_ms: 17_500, p90_ms: 19_000, mean_ms: 15_000 })
    const v = (await get(`/v1/metrics/volumes?${WINDOW}&service=alpha`)).json().services[0]
    expect(v.events).toMatchObject({ survey_response: 20, journey_start: 5, journey_complete: 2, journey_error: 1, journey_step: 8 })
  })
})

describe('CSV', () => {
  it('holds the same content as JSON, by suffix, format and Accept', async () => {
    for (const path of ['services', 'funnel', 'breakdown', 'timeseries', 'distribution', 'durations', 'volumes']) {
      const q = `${WINDOW}${path === 'breakdown' ? '&by=segment' : ''}`
      const json = (await get(`/v1/metrics/${path}?${q}`, analyst)).json()
      const list = Object.values(json).find(Array.isArray) as Record<string, unknown>[]
      const expected =
        path === 'funnel'
          ? list.flatMap(({ steps, ...f }) => (steps as object[]).map((s) => flatten({ ...f, ...s })))
          : list.map((r) => flatten(r))
      const columns = [...new Set(expected.flatMap((r) => Object.keys(r)))]
      const asText = expected.map((r) => Object.fromEntries(columns.map((k) => [k, r[k] === null || r[k] === undefined ? '' : String(r[k])])))
      for (const res of [
        await get(`/v1/metrics/${path}.csv?${q}`, analyst),
        await get(`/v1/metrics/${path}?${q}&format=csv`, analyst),
        await get(`/v1/metrics/${path}?${q}`, analyst, { accept: 'text/csv' }),
      ]) {
        expect(res.statusCode, path).toBe(200)
        expect(res.headers['content-type']).toMatch(/^text\/csv/)
        expect(parse(res.body, { columns: true }), path).toEqual(asText)
      }
    }
  })
})

describe('CSV of an empty result', () => {
  it('still has the header row of a full one', async () => {
    for (const path of ['services', 'funnel', 'breakdown', 'timeseries', 'distribution', 'durations', 'volumes']) {
      const q = `${WINDOW}${path === 'breakdown' ? '&by=segment' : ''}`
      const full = (await get(`/v1/metrics/${path}.csv?${q}`, analyst)).body.split('\r\n')[0]
      const empty = (await get(`/v1/metrics/${path}.csv?${q}&service=none-such`, analyst)).body
      expect(empty, path).toBe(`${full}\r\n`)
    }
  })
})

describe('auth', () => {
  it('401 without a token, 403 for a viewer asking for CSV, 200 for a viewer on JSON', async () => {
    expect((await get(`/v1/metrics/services`, null)).statusCode).toBe(401)
    expect((await get(`/v1/metrics/funnel`, 'otk_nonexisten_xxxxxxxxxxxxxxxxxxxx')).statusCode).toBe(401)
    expect((await get(`/v1/metrics/services.csv`, viewer)).statusCode).toBe(403)
    expect((await get(`/v1/metrics/services?format=csv`, viewer)).statusCode).toBe(403)
    expect((await get(`/v1/metrics/services`, viewer)).statusCode).toBe(200)
  })
})

describe('the OpenAPI document', () => {
  it('describes the metrics routes', async () => {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/metrics/services', '/v1/metrics/funnel', '/v1/metrics/breakdown', '/v1/flags', '/v1/comments', '/v1/comments/terms']),
    )
    const params = doc.paths['/v1/metrics/services'].get.parameters.map((p: { name: string }) => p.name)
    expect(params).toEqual(expect.arrayContaining(['from', 'to', 'service', 'life_situation', 'agency', 'channel', 'segment', 'locale', 'device', 'format']))
  })
})
