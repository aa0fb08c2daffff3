import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { testConfig, testStore } from '../../test-support/app.js'
import { scrubPii } from '@otklik/contract/scrub-pii'
import { EventSchema } from '@otklik/contract/schemas'
import type { Store } from '../storage/store.js'
import { DEMO_SERVICES } from './catalog.js'
import { generateDemoEvents } from './generate.js'
import { INSUFFICIENT_SERVICE, PLANTED } from './planted.js'
import { DEMO_SEED, seedDemo } from './seed.js'

// Midnight, so that each generated day is a calendar day (the weekday check below).
const NOW = Date.UTC(2025, 5, 15)
const DAY = 86_400_000
const HOUR = 3_600_000
let store: Store
let events = 0

beforeAll(async () => {
  store = await testStore(testConfig())
  events = (await seedDemo(store, { now: NOW })).events
})

const q = <T>(sql: string, params: Record<string, unknown> = {}) => store.query<T>(sql.replaceAll('EVENTS', store.table('events')), params)

/** CSAT share (4-5) per service over [from, to) days ago. */
async function csat(service: string, fromDaysAgo = 90, toDaysAgo = 0, where = '1') {
  const [row] = await q<{ share: number; n: string }>(
    `SELECT countIf(score >= 4) / count() AS share, count() AS n FROM EVENTS
     WHERE service = {service:String} AND type = 'survey_response' AND metric = 'csat' AND ${where}
       AND ts >= fromUnixTimestamp64Milli({from:Int64}) AND ts < fromUnixTimestamp64Milli({to:Int64})`,
    { service, from: NOW - fromDaysAgo * DAY, to: NOW - toDaysAgo * DAY },
  )
  return { share: Number(row?.share), n: Number(row?.n) }
}

const planted = (rule: string) => {
  const p = PLANTED.find((x) => x.rule === rule)
  if (!p) throw new Error(rule)
  return p
}
const healthy = DEMO_SERVICES.map((s) => s.id).filter((id) => id !== INSUFFICIENT_SERVICE && !PLANTED.some((p) => p.service === id))

describe('demo seed', () => {
  // Speed (about 20 s alone on this machine) is measured, not asserted: a
  // timed test fails on a loaded machine (DESIGN §9: benchmarks are commands).
  it('loads hundreds of thousands of events, and a second seed adds nothing', async () => {
    expect(events).toBeGreaterThan(300_000)
    expect(await seedDemo(store, { now: NOW })).toMatchObject({ seeded: false, events })
  })

  it('is deterministic for a seed and a clock', () => {
    const digest = (seed: number) => {
      const h = createHash('sha256')
      for (const rows of generateDemoEvents({ services: DEMO_SERVICES.slice(0, 3), now: NOW, seed, chunk: 10_000 })) h.update(JSON.stringify(rows))
      return h.digest('hex')
    }
    expect(digest(7)).toBe(digest(7))
    expect(digest(7)).not.toBe(digest(8))
  })

  // Why e2e/demo-flags.test.ts seeds seven end dates and no more: they cover
  // every weekday of (end − 12 h), and so every portfolio the demo can make.
  it('depends on its end only through the weekday of 12 hours before it: the same events, shifted', () => {
    const relative = (now: number) => {
      const h = createHash('sha256')
      for (const rows of generateDemoEvents({ services: DEMO_SERVICES.slice(0, 3), now, seed: DEMO_SEED, chunk: 10_000 }))
        h.update(JSON.stringify(rows.map((r) => ({ ...r, ts: r.ts - now, received_at: r.received_at - now }))))
      return h.digest('hex')
    }
    const saturday = Date.UTC(2026, 10, 28)
    expect(relative(saturday + 5 * 7 * DAY)).toBe(relative(saturday))
    expect(relative(saturday + 11 * HOUR)).toBe(relative(saturday))
    expect(relative(saturday + 13 * HOUR)).not.toBe(relative(saturday))
    expect(relative(saturday + DAY)).not.toBe(relative(saturday))
  })

  it('makes only valid events, scrubbed comments, every dimension and 90 days with weekly seasonality', async () => {
    const [row] = await q<Record<string, string>>(
      `SELECT uniqExact(id) AS ids, count() AS n, uniqExact(service) AS services, uniqExact(segment) AS segments, uniqExact(channel) AS channels,
              uniqExact(device) AS devices, uniqExact(locale) AS locales, uniqExact(browser) AS browsers,
              uniqExact(toDate(ts)) AS days, countIf(comment != '') AS comments,
              countIf(match(comment, '\\\\[(phone|email|snils|passport|address|inn)\\\\]')) AS scrubbed
       FROM EVENTS`,
    )
    expect(row).toMatchObject({ ids: row?.n, services: '30', segments: '3', channels: '5', devices: '4', locales: '2', days: '90' })
    expect(Number(row?.comments)).toBeGreaterThan(1000)
    expect(Number(row?.scrubbed)).toBeGreaterThan(10)
    for (const c of await q<{ comment: string }>(`SELECT DISTINCT comment FROM EVENTS WHERE comment != ''`)) {
      expect(scrubPii(c.comment).found).toEqual([])
    }
    const weekdays = await q<{ d: number; n: string }>(`SELECT toDayOfWeek(ts) AS d, count() AS n FROM EVENTS WHERE type = 'journey_start' GROUP BY d ORDER BY d`)
    const byDay = weekdays.map((w) => Number(w.n))
    expect(Math.min(...byDay.slice(5))).toBeLessThan(0.7 * Math.min(...byDay.slice(0, 5)))
    // Every stored row is a valid v1 event as the contract says.
    const sample = await q<Record<string, unknown>>(
      `SELECT toString(id) AS id, type, toUnixTimestamp64Milli(ts) AS ts, service, step, metric, question, score, error_code, toString(journey) AS journey FROM EVENTS LIMIT 5000`,
    )
    for (const r of sample) {
      const e = Object.fromEntries(Object.entries({ ...r, ts: Number(r.ts) } as Record<string, unknown>).filter(([, v]) => v !== '' && v !== null))
      expect(EventSchema.safeParse(e).success, JSON.stringify(e)).toBe(true)
    }
  })

  it('plants each problem in its service, and healthy services beat every default target', async () => {
    const low = await csat(planted('low_csat').service, 28)
    expect(low.n).toBeGreaterThan(150)
    expect(low.share).toBeLessThan(0.65)
    for (const id of healthy) {
      const h = await csat(id, 28)
      expect(h.share, id).toBeGreaterThan(0.85)
      expect(h.n, id).toBeGreaterThan(150)
    }
    const decline = planted('csat_decline').service
    expect((await csat(decline, 56, 28)).share - (await csat(decline, 28)).share).toBeGreaterThan(0.07)
    const gap = planted('group_gap')
    expect((await csat(gap.service, 28, 0, `segment = 'business'`)).share).toBeLessThan(0.6)
    expect((await csat(gap.service, 28, 0, `segment != 'business'`)).share).toBeGreaterThan(0.88)

    const nps = async (service: string, from: number, to: number) => {
      const [r] = await q<{ nps: number; n: string }>(
        `SELECT (countIf(score >= 9) - countIf(score <= 6)) * 100 / count() AS nps, count() AS n FROM EVENTS
         WHERE service = {service:String} AND metric = 'nps' AND type = 'survey_response'
           AND ts >= fromUnixTimestamp64Milli({from:Int64}) AND ts < fromUnixTimestamp64Milli({to:Int64})`,
        { service, from: NOW - from * DAY, to: NOW - to * DAY },
      )
      return Number(r?.nps)
    }
    expect(await nps(planted('low_nps').service, 28, 0)).toBeLessThan(0)
    expect((await nps(planted('nps_decline').service, 56, 28)) - (await nps(planted('nps_decline').service, 28, 0))).toBeGreaterThan(15)
    for (const id of healthy) expect(await nps(id, 28, 0), id).toBeGreaterThan(40)

    const ces = async (service: string) =>
      Number((await q<{ m: number }>(`SELECT avg(score) AS m FROM EVENTS WHERE service = {service:String} AND metric = 'ces' AND type = 'survey_response'`, { service }))[0]?.m)
    expect(await ces(planted('high_ces').service)).toBeGreaterThan(4.3)
    expect(await ces(healthy[0] ?? '')).toBeLessThan(2.6)

    const journeys = async (service: string) =>
      (
        await q<{ completion: number; errors: number }>(
          `SELECT uniqExactIf(journey, type = 'journey_complete') / uniqExactIf(journey, type = 'journey_start') AS completion,
                  uniqExactIf(journey, type = 'journey_error') / uniqExactIf(journey, type = 'journey_start') AS errors
           FROM EVENTS WHERE service = {service:String}`,
          { service },
        )
      )[0]
    expect((await journeys(planted('low_completion').service))?.completion).toBeLessThan(0.6)
    expect((await journeys(planted('high_error_rate').service))?.errors).toBeGreaterThan(0.12)
    for (const id of healthy) {
      const j = await journeys(id)
      expect(j?.completion, id).toBeGreaterThan(0.88)
      expect(j?.errors, id).toBeLessThan(0.03)
    }

    const drop = planted('step_dropoff')
    const steps = await q<{ step: string; rate: number }>(
      `SELECT step, countIf(type = 'journey_abandon') / countIf(type = 'journey_step') AS rate FROM EVENTS
       WHERE service = {service:String} AND step != '' GROUP BY step ORDER BY rate DESC`,
      { service: drop.service },
    )
    expect(steps[0]?.step).toBe(drop.step)
    expect(steps[0]?.rate).toBeGreaterThan(0.15)
    expect(steps[1]?.rate).toBeLessThan(0.05)

    const median = async (service: string, from: number, to: number) =>
      Number(
        (
          await q<{ m: number }>(
            `SELECT median(d) AS m FROM (SELECT journey, maxIf(ts, type = 'journey_complete') - minIf(ts, type = 'journey_start') AS d
               FROM EVENTS WHERE service = {service:String} GROUP BY journey
               HAVING countIf(type = 'journey_complete') > 0 AND minIf(ts, type = 'journey_start') >= fromUnixTimestamp64Milli({from:Int64})
                  AND minIf(ts, type = 'journey_start') < fromUnixTimestamp64Milli({to:Int64}))`,
            { service, from: NOW - from * DAY, to: NOW - to * DAY },
          )
        )[0]?.m,
      )
    const slow = planted('slower_completion').service
    expect((await median(slow, 28, 0)) / (await median(slow, 56, 28))).toBeGreaterThan(1.7)

    expect((await csat(INSUFFICIENT_SERVICE, 28)).n).toBeLessThan(15)
  })
})
