/**
 * The two attacks of issue 10 against a service with genuine answers,
 * through POST /v1/events on the real engine: its CSAT barely moves, no flag
 * is raised, and the answers left out are counted by reason.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addService } from '../../analytics/testing/rows.js'
import type { OtklikEvent } from '@otklik/contract/types'
import { createSite } from '../../registry/sites.js'
import { testAppWithTokens } from '../../../test-support/app.js'
import { CHROME_UA, batch, surveyEvent } from '../../../test-support/events.js'
import { inParallel } from '../../../test-support/post.js'

const ORIGIN = 'https://gov.example'
const SERVICE = 'passport-rf'
const BOT_UAS = ['python-requests/2.31.0', 'curl/8.5.0', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'HeadlessChrome/120.0']

let app: FastifyInstance
let viewer: string
let base: number

const survey = (type: 'survey_shown' | 'survey_response', session: string, ts: number, over: Partial<OtklikEvent> = {}) =>
  surveyEvent(type, session, ts, { service: SERVICE, ...over })

const post = (events: OtklikEvent[], ip: string, ua: string | undefined) =>
  app.inject({
    method: 'POST',
    url: '/v1/events',
    remoteAddress: ip,
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...(ua ? { 'user-agent': ua } : {}) },
    payload: JSON.stringify(batch(events)),
  })

const get = async (path: string) => {
  const res = await app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${viewer}` } })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

const windowQuery = () => `from=${base - 86_400_000}&to=${base + 86_400_000}`

async function csat(): Promise<{ value: number; n: number }> {
  const body = await get(`/v1/metrics/services?service=${SERVICE}&${windowQuery()}`)
  return body.services.find((s: { service: string }) => s.service === SERVICE).csat
}

beforeAll(async () => {
  let store
  ;({ app, store, viewer } = await testAppWithTokens())
  await createSite(store, { key: 'demo', kind: 'web', name: 'Demo', origins: [ORIGIN] })
  await addService(store, SERVICE, { target_csat: 0.8 })
  base = Date.now() - 60 * 60 * 1000
  // 120 people, each on their own network, shown the survey and answering
  // 8 s later: 108 satisfied, 12 not (CSAT 0.900).
  const people = Array.from({ length: 120 }, (_, i) => i)
  const codes = await inParallel(people, 8, async (i) => {
    const session = randomUUID()
    const ts = base + i * 1000
    return (await post([survey('survey_shown', session, ts), survey('survey_response', session, ts + 8000, { score: i < 108 ? 5 : 2 })], `10.0.${i >> 8}.${i & 255}`, CHROME_UA)).statusCode
  })
  expect(codes.every((c) => c === 202)).toBe(true)
})
afterAll(() => app.close())

describe('ballot stuffing', () => {
  it('genuine answers are all counted', async () => {
    expect(await csat()).toMatchObject({ value: 0.9, n: 120 })
  })

  it('500 one-star answers with bot User-Agents and no survey_shown, as 5 batches of 100, move CSAT by less than 2 points', async () => {
    for (let b = 0; b < 5; b++) {
      const events = Array.from({ length: 100 }, (_, i) => survey('survey_response', randomUUID(), base + 200_000 + b * 100 + i, { score: 1 }))
      const res = await post(events, '203.0.113.7', BOT_UAS[b % BOT_UAS.length])
      expect(res.statusCode).toBe(202)
      expect(res.json().accepted).toBe(100)
    }
    const after = await csat()
    expect(Math.abs(after.value - 0.9)).toBeLessThan(0.02)
  })

  it('500 careful one-star answers from one IP, each after its own survey_shown with a browser User-Agent, move CSAT by less than 2 points', async () => {
    // 100 requests of 5 sessions each: a survey_shown and, 5 s later by the client's clock, its answer.
    for (let r = 0; r < 100; r++) {
      const events = Array.from({ length: 5 }, (_, i) => {
        const session = randomUUID()
        const ts = base + 300_000 + (r * 5 + i) * 10
        return [survey('survey_shown', session, ts), survey('survey_response', session, ts + 5000, { score: 1 })]
      }).flat()
      const res = await post(events, '198.51.100.23', CHROME_UA)
      expect(res.statusCode).toBe(202)
    }
    const after = await csat()
    expect(Math.abs(after.value - 0.9)).toBeLessThan(0.02)
    expect(after.n).toBeLessThanOrEqual(122)
  }, 240_000)

  it('raises no flag for the service', async () => {
    const body = await get(`/v1/flags?${windowQuery()}`)
    expect(body.flags.filter((f: { service: string }) => f.service === SERVICE)).toEqual([])
  })

  it('counts what was left out, by reason, per service', async () => {
    const body = await get(`/v1/metrics/excluded?${windowQuery()}`)
    const mine = body.services.find((s: { service: string }) => s.service === SERVICE)
    // The first batch of the crude attack is bots: every answer of it is excluded for that first.
    expect(mine.reasons.bot).toBe(500)
    expect(mine.reasons.burst).toBeGreaterThanOrEqual(498)
    expect(mine.total).toBe(mine.reasons.bot + mine.reasons.burst)
    expect(body.total).toBe(mine.total)
  })
})
