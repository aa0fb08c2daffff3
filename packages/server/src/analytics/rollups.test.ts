import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventRow } from '../storage/events-store.js'
import type { Store } from '../storage/store.js'
import { testConfig, testStore } from '../../test-support/app.js'
import type { Scope } from './filters.js'
import { breakdownReport } from './reports/breakdown.js'
import { distributionReport } from './reports/distribution.js'
import { durationsReport } from './reports/durations.js'
import { funnelReport } from './reports/funnel.js'
import { servicesReport } from './reports/services.js'
import { timeseriesReport } from './reports/timeseries.js'
import { volumesReport } from './reports/volumes.js'
import { DIMENSIONS } from '@otklik/contract/rules'
import { answer, insertRows, row } from './testing/rows.js'

const D = 86_400_000
const START = Date.UTC(2025, 0, 6)
let store: Store

/** A small deterministic PRNG (mulberry32), so that a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = rng(42)
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T
const uuid = () =>
  'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(random() * 16).toString(16))

function dims(): Partial<EventRow> {
  return {
    service: pick(['s1', 's2', 's3', 's4']),
    life_situation: pick(['', 'birth', 'moving']),
    site_id: pick(['demo', 'kiosk']),
    channel: pick(['web', 'mobile', 'mfc']),
    segment: pick(['citizen', 'business', '']),
    locale: pick(['ru', 'en']),
    device: pick(['desktop', 'mobile']),
    browser: pick(['Chrome', 'Safari']),
  }
}

/** ~6 weeks of answers and journeys; journeys cross midnight, steps repeat, starts repeat, events come in many inserts. */
function generate(): EventRow[][] {
  const rows: EventRow[] = []
  for (let i = 0; i < 1000; i++) {
    const ts = START + Math.floor(random() * 42 * D)
    const metric = pick(['csat', 'nps', 'ces', 'rating'])
    const score = metric === 'nps' ? Math.floor(random() * 11) : metric === 'ces' ? 1 + Math.floor(random() * 7) : 1 + Math.floor(random() * 5)
    rows.push(answer(metric, score, ts, { ...dims(), question: metric === 'rating' ? pick(['time', 'queue']) : '', comment: random() < 0.3 ? 'ok' : '' }))
  }
  for (let i = 0; i < 400; i++) {
    const ts = START + Math.floor(random() * 42 * D)
    const journey = uuid()
    const base = { ...dims(), journey }
    // Late journeys: a start near midnight, steps hours later (the next day).
    const gap = random() < 0.3 ? 6 * 3_600_000 : 60_000
    rows.push(row({ type: 'journey_start', ts, ...base }))
    if (random() < 0.1) rows.push(row({ type: 'journey_start', ts: ts + 5000, ...base, channel: 'phone' }))
    const steps = ['form', 'docs', 'pay', 'confirm'].slice(0, Math.floor(random() * 5))
    if (random() < 0.2) steps.splice(1, 0, 'help')
    steps.forEach((step, k) => {
      rows.push(row({ type: 'journey_step', step, ts: ts + (k + 1) * gap, ...base }))
      if (random() < 0.1) rows.push(row({ type: 'journey_step', step, ts: ts + (k + 1) * gap + 1, ...base }))
    })
    if (random() < 0.15) rows.push(row({ type: 'journey_error', error_code: 'E', ts: ts + gap, ...base }))
    if (random() < 0.1) rows.push(row({ type: 'journey_abandon', ts: ts + 2 * gap, ...base }))
    const r = random()
    if (r < 0.6) rows.push(row({ type: 'journey_complete', ts: ts + (steps.length + 1) * gap + Math.floor(random() * 1000), ...base }))
    if (r < 0.05) rows.push(row({ type: 'journey_complete', ts: ts + 99 * gap, ...base }))
    // Completion logged before the start by a skewed clock: completed, no duration.
    if (r > 0.97) rows.push(row({ type: 'journey_complete', ts: ts - 1000, ...base }))
  }
  // Steps and completions without a start; page views without a service.
  rows.push(row({ type: 'journey_step', step: 'form', ts: START + D, journey: uuid(), ...dims() }))
  rows.push(row({ type: 'journey_complete', ts: START + D, journey: uuid(), service: 's1' }))
  rows.push(row({ type: 'page_view', ts: START + 2 * D, service: '' }))
  // Shuffle, then insert in blocks of 97 rows: one journey's events land in different inserts.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[rows[i], rows[j]] = [rows[j] as EventRow, rows[i] as EventRow]
  }
  const blocks: EventRow[][] = []
  for (let i = 0; i < rows.length; i += 97) blocks.push(rows.slice(i, i + 97))
  return blocks
}

const blocks = generate()
const H = 3_600_000
const windows = [
  { from: START, to: START + 42 * D }, // whole days
  { from: START + 3 * D + 7 * H + 123, to: START + 30 * D + 20 * H + 7 }, // partial days at both ends
  { from: START + 5 * D + 1, to: START + 5 * D + 20 * H }, // inside one day
]
const filters: Scope['values'][] = [
  {},
  { service: ['s1', 's3'], channel: ['mobile'], segment: ['business'] },
  { life_situation: ['birth'], device: ['desktop'], locale: ['en'], site: ['kiosk'], browser: ['Safari'] },
  { service: [] },
]

beforeAll(async () => {
  store = await testStore(testConfig())
  for (const b of blocks) await insertRows(store, b)
})
afterAll(() => store.close())

/** Every report (`full`: every bucket and breakdown too) from one source. */
async function everyReport(scope: Scope, source: 'raw' | 'rollup', full = true) {
  const o = { source }
  const base = {
    services: await servicesReport(store, scope, o),
    funnel: await funnelReport(store, scope, o),
    distribution: await distributionReport(store, scope, undefined, o),
    durations: await durationsReport(store, scope, o),
    volumes: await volumesReport(store, scope, o),
    day: await timeseriesReport(store, scope, 'day', o),
  }
  if (!full) return base
  return {
    ...base,
    week: await timeseriesReport(store, scope, 'week', o),
    month: await timeseriesReport(store, scope, 'month', o),
    ...Object.fromEntries(await Promise.all(DIMENSIONS.map(async (d) => [d, await breakdownReport(store, scope, d, o)]))),
  }
}

describe('rollups equal raw events', () => {
  it('for every report, window and filter, before and after merges', async () => {
    let checked = 0
    for (const pass of ['parts', 'merged']) {
      if (pass === 'merged') {
        for (const t of ['rollup_answers', 'rollup_events', 'rollup_journey_days']) await store.command(`OPTIMIZE TABLE ${store.table(t)} FINAL`)
      }
      for (const window of windows) {
        for (const values of filters) {
          const full = window === windows[1] && Object.keys(values).length === 0
          // After the merges, states and sums are checked on the full report set only.
          if (pass === 'merged' && !full && values !== filters[1]) continue
          const scope = { window, values }
          const raw = await everyReport(scope, 'raw', full)
          const rollup = await everyReport(scope, 'rollup', full)
          expect(rollup, `${pass} ${JSON.stringify(scope)}`).toEqual(raw)
          checked++
        }
      }
    }
    expect(checked).toBe(windows.length * filters.length + windows.length + 1)
  })

  it('the reference itself is not empty: the data exercise every figure', async () => {
    const scope = { window: windows[0]!, values: {} }
    const s1 = (await servicesReport(store, scope, { source: 'raw' })).services.find((s) => s.service === 's1')
    expect(s1?.csat.n).toBeGreaterThan(50)
    expect(s1?.nps.n).toBeGreaterThan(50)
    expect(s1?.journeys.started).toBeGreaterThan(100)
    expect(s1?.journeys.median_duration_ms).toBeGreaterThan(0)
    const funnel = await funnelReport(store, scope, { source: 'raw' })
    expect(funnel.funnels.find((f) => f.service === 's1')?.steps.length).toBeGreaterThanOrEqual(4)
  })

  it('agrees with plain SQL over the raw table for the basic counts', async () => {
    const window = windows[1]!
    const report = await servicesReport(store, { window, values: {} })
    const params = { from: window.from, to: window.to }
    const csat = await store.query<{ service: string; n: string; sat: string }>(
      `SELECT service, count() AS n, countIf(score >= 4) AS sat FROM ${store.table('events')}
       WHERE type = 'survey_response' AND metric = 'csat' AND ts >= fromUnixTimestamp64Milli({from:Int64}) AND ts < fromUnixTimestamp64Milli({to:Int64})
       GROUP BY service`,
      params,
    )
    const journeys = await store.query<{ service: string; started: string; completed: string }>(
      `SELECT service, count() AS started, countIf(done) AS completed FROM (
         SELECT service, journey, minIf(ts, type = 'journey_start') AS first, countIf(type = 'journey_start') > 0 AS has, countIf(type = 'journey_complete') > 0 AS done
         FROM ${store.table('events')} WHERE type LIKE 'journey_%' GROUP BY service, journey)
       WHERE has AND first >= fromUnixTimestamp64Milli({from:Int64}) AND first < fromUnixTimestamp64Milli({to:Int64})
       GROUP BY service`,
      params,
    )
    for (const r of csat) {
      const s = report.services.find((x) => x.service === r.service)
      expect(s?.csat.n).toBe(Number(r.n))
      expect(s?.csat.value).toBe(Number(r.sat) / Number(r.n))
    }
    for (const r of journeys) {
      const s = report.services.find((x) => x.service === r.service)
      expect(s?.journeys.started).toBe(Number(r.started))
      expect(s?.journeys.completed).toBe(Number(r.completed))
    }
  })

  it('migrations on a database with events backfill the rollups', async () => {
    // The events above were inserted after the migrations into this store; a
    // fresh database that gets events before migrations 2 and 5 (the journey
    // rollups by day, which replace migration 2's) must end up equal.
    const config = testConfig()
    const fresh = await testStore(config)
    for (const t of ['rollup_answers_mv', 'rollup_events_mv', 'rollup_journey_days_mv']) await fresh.command(`DROP VIEW ${fresh.table(t)}`)
    for (const t of ['rollup_answers', 'rollup_events', 'rollup_journey_days']) await fresh.command(`DROP TABLE ${fresh.table(t)}`)
    await fresh.command(`ALTER TABLE ${fresh.table('schema_migrations')} DELETE WHERE version IN (2, 5)`)
    for (const b of blocks.slice(0, 20)) await insertRows(fresh, b)
    const { migrate } = await import('../storage/migrate.js')
    expect((await migrate(fresh)).applied.map((m) => m.version)).toEqual([2, 5])
    const tables = await fresh.query<{ name: string }>('SELECT name FROM system.tables WHERE database = {db:String} AND name LIKE {like:String} ORDER BY name', {
      db: fresh.target.database,
      like: 'rollup_journey%',
    })
    // Migration 2's journey rollups and their views are gone: nothing on the insert path writes them.
    expect(tables.map((t) => t.name)).toEqual(['rollup_journey_days', 'rollup_journey_days_mv'])
    const scope = { window: windows[0]!, values: {} }
    expect(await servicesReport(fresh, scope)).toEqual(await servicesReport(fresh, scope, { source: 'raw' }))
    expect(await funnelReport(fresh, scope)).toEqual(await funnelReport(fresh, scope, { source: 'raw' }))
  })
})
