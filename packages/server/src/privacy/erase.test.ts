/** `otklik erase` on the real engine: raw events and the rollups derived from them go; everything else stays exactly. */
import { beforeEach, describe, expect, it } from 'vitest'
import { answer, insertRows, row } from '../analytics/testing/rows.js'
import type { Store } from '../storage/store.js'
import { testConfig, testStore } from '../../test-support/app.js'
import { eraseData } from './erase.js'

const D = 86_400_000
const T0 = Date.UTC(2025, 2, 1)
const J1 = '11111111-1111-4111-8111-111111111111'
const J2 = '22222222-2222-4222-8222-222222222222'
let store: Store

async function snapshot() {
  const q = async (sql: string) => (await store.query<Record<string, unknown>>(sql)).map((r) => Object.values(r).map(String).join('|')).sort()
  return {
    events: await q(`SELECT site_id, service, type, toString(toDate(ts)) FROM ${store.table('events')}`),
    answers: await q(`SELECT site_id, service, toString(day), score, sum(answers) FROM ${store.table('rollup_answers')} GROUP BY ALL`),
    volumes: await q(`SELECT site_id, service, toString(day), type, sum(events) FROM ${store.table('rollup_events')} GROUP BY ALL`),
    journeys: await q(`SELECT service, toString(journey), sum(starts), sum(completes) FROM ${store.table('rollup_journey_days')} GROUP BY ALL HAVING sum(starts) + sum(completes) > 0`),
    steps: await q(`SELECT service, toString(journey), arrayJoin(mapKeys(minMap(step_first))) FROM ${store.table('rollup_journey_days')} GROUP BY service, journey`),
  }
}

beforeEach(async () => {
  store = await testStore(testConfig())
  await insertRows(store, [
    answer('csat', 5, T0, { site_id: 'a', service: 'x' }),
    answer('csat', 2, T0 + 3 * D, { site_id: 'a', service: 'x' }),
    answer('csat', 4, T0, { site_id: 'b', service: 'x' }),
    answer('csat', 1, T0, { site_id: 'b', service: 'y' }),
    // Journey 1 of service x on site a straddles T0 + 2 days; journey 2 is site b's.
    row({ type: 'journey_start', ts: T0, site_id: 'a', service: 'x', journey: J1 }),
    row({ type: 'journey_step', ts: T0 + D, site_id: 'a', service: 'x', journey: J1, step: 'docs' }),
    row({ type: 'journey_complete', ts: T0 + 3 * D, site_id: 'a', service: 'x', journey: J1 }),
    row({ type: 'journey_start', ts: T0, site_id: 'b', service: 'x', journey: J2 }),
  ])
})

describe('eraseData', () => {
  it('--site removes the site’s raw events and rollup rows, and nothing of another site', async () => {
    const before = await snapshot()
    expect(await eraseData(store, { site: 'a' })).toEqual({ events: 5, journeys: 1 })
    const after = await snapshot()
    expect(after.events).toEqual(before.events.filter((e) => !e.startsWith('a|')))
    expect(after.answers).toEqual(before.answers.filter((e) => !e.startsWith('a|')))
    expect(after.volumes).toEqual(before.volumes.filter((e) => !e.startsWith('a|')))
    expect(after.journeys).toEqual([`x|${J2}|1|0`])
    expect(after.steps).toEqual([])
  })

  it('--service --before removes what happened before the date and rebuilds a journey that goes on after it', async () => {
    const before = await snapshot()
    expect(await eraseData(store, { service: 'x', before: T0 + 2 * D })).toEqual({ events: 5, journeys: 2 })
    const after = await snapshot()
    expect(after.events).toEqual(['a|x|journey_complete|2025-03-04', 'a|x|survey_response|2025-03-04', 'b|y|survey_response|2025-03-01'])
    expect(after.answers).toEqual(before.answers.filter((e) => !e.includes('|x|2025-03-01')))
    // Journey 1 keeps its completion (after the date) and loses its start and step; journey 2 is gone.
    expect(after.journeys).toEqual([`x|${J1}|0|1`])
    expect(after.steps).toEqual([])
  })

  it('needs a site or a service', async () => {
    await expect(eraseData(store, {})).rejects.toThrow(/site or a service/)
  })
})
