/**
 * The journey rollups are keyed by the day of each event and read from a
 * window's first day less the look-back: journeys whose events are days or
 * months apart, in separate inserts, restarted, excluded or erased still
 * give what the raw events give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventRow } from '../../storage/events-store.js'
import type { Store } from '../../storage/store.js'
import { JOURNEY_LOOKBACK_DAYS } from '../../storage/journey-rollups.js'
import { testConfig, testStore } from '../../../test-support/app.js'
import { eraseData } from '../../privacy/erase.js'
import type { Scope } from '../filters.js'
import { insertRows, row } from '../testing/rows.js'
import { funnelSteps } from './funnel-steps.js'
import { journeySummary } from './journey-summary.js'
import { journeyRowsSince } from './journey-relation.js'

const D = 86_400_000
const JAN = Date.UTC(2025, 0, 10, 22) // late in the evening: the next event is on another day
const MAR = Date.UTC(2025, 2, 20, 9)
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const FEB_27 = Date.UTC(2025, 1, 27, 12)
const january: Scope = { window: { from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 1, 1) }, values: { service: ['s'] } }
const march: Scope = { window: { from: Date.UTC(2025, 2, 1), to: Date.UTC(2025, 3, 1) }, values: { service: ['s'] } }
let store: Store

const ev = (type: string, journey: number, ts: number, over: Partial<EventRow> = {}) => row({ type, ts, journey: id(journey), service: 's', ...over })

beforeAll(async () => {
  store = await testStore(testConfig())
  // Each line is its own insert, in an order unlike the events' times.
  const inserts = [
    // 1: started in January, a step the next day, completed in March.
    [ev('journey_complete', 1, MAR)],
    [ev('journey_step', 1, JAN + 5 * 3_600_000, { step: 'form' })],
    [ev('journey_start', 1, JAN, { channel: 'mobile' })],
    // 2: started in January, errored in February, never completed.
    [ev('journey_start', 2, JAN + 1000), ev('journey_step', 2, JAN + 2000, { step: 'form' })],
    [ev('journey_error', 2, JAN + 20 * D, { error_code: 'E' })],
    // 3: started in February and again in March under the same id: February's.
    [ev('journey_start', 3, FEB_27)],
    [ev('journey_start', 3, MAR, { channel: 'phone' }), ev('journey_complete', 3, MAR + 60_000)],
    // 4: started in March, its completion stamped a day earlier by a skewed clock: completed, no duration.
    [ev('journey_start', 4, MAR, { channel: 'kiosk' }), ev('journey_step', 4, MAR + 1000, { step: 'pay' })],
    [ev('journey_complete', 4, MAR - D)],
    // 5: started in March, its start also sent with an excluded copy from January (not counted).
    [ev('journey_start', 5, JAN, { excluded: 'forged' }), ev('journey_start', 5, MAR + 5000), ev('journey_complete', 5, MAR + 9000)],
    // 6: only a completion in January and a step, no start: not a journey of any window.
    [ev('journey_complete', 6, JAN), ev('journey_step', 6, JAN, { step: 'form' })],
    // 7: started in January and again in March, more than the look-back later.
    [ev('journey_start', 7, JAN, { service: 't' })],
    [ev('journey_start', 7, MAR, { service: 't' })],
  ]
  for (const rows of inserts) await insertRows(store, rows)
})
afterAll(() => store.close())

const both = async (scope: Scope) => ({
  summary: await journeySummary(store, scope, { group: 'channel' }),
  raw: await journeySummary(store, scope, { group: 'channel', source: 'raw' }),
  funnel: await funnelSteps(store, scope),
  rawFunnel: await funnelSteps(store, scope, { source: 'raw' }),
})

describe('journey rollups by day', () => {
  it('read from the look-back before the window on', () => {
    expect(journeyRowsSince({ from: Date.UTC(2025, 2, 1, 13), to: Date.UTC(2025, 3, 1) })).toBe(
      new Date(Date.UTC(2025, 2, 1) - JOURNEY_LOOKBACK_DAYS * D).toISOString().slice(0, 10),
    )
  })

  it('count a journey in the window of its first start, with events on other days, months and inserts', async () => {
    const jan = await both(january)
    expect(jan.summary).toEqual(jan.raw)
    expect(jan.funnel).toEqual(jan.rawFunnel)
    expect(jan.summary.map((r) => [r.group, r.started, r.completed, r.errored, r.timed])).toEqual([
      ['mobile', 1, 1, 0, 1],
      ['web', 1, 0, 1, 0],
    ])
    expect(jan.summary.find((r) => r.group === 'mobile')?.quantiles[1]).toBe(MAR - JAN)
    expect(jan.funnel).toEqual([{ service: 's', step: 'form', position: 1, journeys: 2, left: 1 }])

    const mar = await both(march)
    expect(mar.summary).toEqual(mar.raw)
    expect(mar.funnel).toEqual(mar.rawFunnel)
    expect(mar.summary.map((r) => [r.group, r.started, r.completed, r.timed])).toEqual([
      ['kiosk', 1, 1, 0],
      ['web', 1, 1, 1],
    ])
  })

  it('count a journey restarted under its id more than the look-back after its first start in the later window too: where they depart from the raw events', async () => {
    const t = (scope: Scope, source?: 'raw') => journeySummary(store, { ...scope, values: { service: ['t'] } }, { source })
    expect((await t(january)).map((r) => r.started)).toEqual([1])
    expect((await t(march, 'raw')).map((r) => r.started)).toEqual([])
    expect((await t(march)).map((r) => r.started)).toEqual([1])
  })

  it('forget an erased journey and rebuild one that goes on after the erased days', async () => {
    await eraseData(store, { service: 's', before: Date.UTC(2025, 1, 28) })
    const mar = await both(march)
    expect(mar.summary).toEqual(mar.raw)
    expect(mar.funnel).toEqual(mar.rawFunnel)
    // Journey 3's February start is gone: its March start now makes it March's.
    expect(mar.summary.map((r) => [r.group, r.started, r.completed])).toEqual([
      ['kiosk', 1, 1],
      ['phone', 1, 1],
      ['web', 1, 1],
    ])
    expect(await journeySummary(store, january)).toEqual([])
  })
})
