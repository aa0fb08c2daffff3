/**
 * Each ballot-stuffing rule through POST /v1/events on the real engine, the
 * trusted sources, and an admin's reinstatement (rollups included).
 */
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OtklikEvent } from '@otklik/contract/types'
import { createSite } from '../../registry/sites.js'
import { createToken } from '../../registry/tokens.js'
import type { Store } from '../../storage/store.js'
import { buildApp } from '../../app.js'
import type { Config } from '../../config.js'
import { testAppWithTokens } from '../../../test-support/app.js'
import { CHROME_UA, batch, surveyEvent } from '../../../test-support/events.js'
import { RULES } from './rules.js'

const ORIGIN = 'https://gov.example'
const DAY = 86_400_000
let app: FastifyInstance
let store: Store
let config: Config
let viewer: string
let admin: string
let kioskSecret: string
let now: number

const survey = (type: 'survey_shown' | 'survey_response', session: string, ts: number, over: Partial<OtklikEvent> = {}) =>
  surveyEvent(type, session, ts, { service: 'rules', ...over })

let ipSeq = 0
const post = async (events: OtklikEvent[], opts: { ip?: string; ua?: string | null; site?: string; headers?: Record<string, string> } = {}) => {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/events',
    remoteAddress: opts.ip ?? `10.1.${(ipSeq >> 8) & 255}.${ipSeq++ & 255}`,
    headers: {
      'content-type': 'application/json',
      ...(opts.site === 'kiosk' ? {} : { origin: ORIGIN }),
      ...(opts.ua === null ? {} : { 'user-agent': opts.ua ?? CHROME_UA }),
      ...opts.headers,
    },
    payload: JSON.stringify(batch(events, opts.site ?? 'demo')),
  })
  expect(res.statusCode, res.body).toBe(202)
}

async function reasons(ids: string[]): Promise<Record<string, string>> {
  const rows = await store.query<{ eid: string; excluded: string }>(
    `SELECT toString(id) AS eid, excluded FROM ${store.table('events')} WHERE id IN {ids:Array(UUID)} ORDER BY excluded LIMIT 1 BY eid`,
    { ids },
  )
  return Object.fromEntries(rows.map((r) => [r.eid, r.excluded]))
}

beforeAll(async () => {
  ;({ app, store, viewer, config } = await testAppWithTokens())
  admin = (await createToken(store, 'admin', 'admin')).token
  await createSite(store, { key: 'demo', kind: 'web', name: 'Demo', origins: [ORIGIN] })
  kioskSecret = (await createSite(store, { key: 'kiosk', kind: 'app', name: 'Kiosk' })).secret ?? ''
  now = Date.now()
})
afterAll(() => app.close())

describe('answers from public web ingestion', () => {
  it('are counted after a survey_shown sent in an earlier request', async () => {
    const session = randomUUID()
    await post([survey('survey_shown', session, now - 60_000)])
    const a = survey('survey_response', session, now - 50_000)
    const r = survey('survey_response', session, now - 50_000, { metric: 'rating', question: 'time', score: 4 })
    await post([a, r])
    expect(await reasons([a.id, r.id])).toEqual({ [a.id]: '', [r.id]: '' })
  })

  it('are counted after a survey_shown that only ClickHouse remembers (another process, or before a restart)', async () => {
    const session = randomUUID()
    await post([survey('survey_shown', session, now - 60_000)])
    const fresh = await buildApp({ config, store, logger: false })
    const a = survey('survey_response', session, now - 50_000)
    try {
      const res = await fresh.inject({
        method: 'POST',
        url: '/v1/events',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'user-agent': CHROME_UA },
        payload: JSON.stringify(batch([a])),
      })
      expect(res.statusCode).toBe(202)
    } finally {
      await fresh.close()
    }
    expect(await reasons([a.id])).toEqual({ [a.id]: '' })
  })

  it('are left out without a survey_shown of the same session, service and metric before them', async () => {
    const session = randomUUID()
    const none = survey('survey_response', randomUUID(), now)
    const otherMetric = [survey('survey_shown', session, now - 9000, { metric: 'nps' }), survey('survey_response', session, now)]
    const after = [survey('survey_response', session, now - 20_000, { metric: 'ces', score: 3 }), survey('survey_shown', session, now - 10_000, { metric: 'ces' })]
    const { session: _drop, ...sessionless } = survey('survey_response', session, now)
    await post([none, ...otherMetric, ...after, sessionless as OtklikEvent])
    expect(await reasons([none.id, otherMetric[1]!.id, after[0]!.id, sessionless.id])).toEqual({
      [none.id]: 'not_shown',
      [otherMetric[1]!.id]: 'not_shown',
      [after[0]!.id]: 'not_shown',
      [sessionless.id]: 'not_shown',
    })
  })

  it('are left out when given sooner after the survey appeared than a person can answer', async () => {
    const session = randomUUID()
    const fast = survey('survey_response', session, now + RULES.minAnswerMs - 1)
    await post([survey('survey_shown', session, now), fast])
    expect(await reasons([fast.id])).toEqual({ [fast.id]: 'too_fast' })
  })

  it('are left out with a bot User-Agent or none', async () => {
    const ids: string[] = []
    for (const ua of ['Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)', 'python-requests/2.31.0', null]) {
      const session = randomUUID()
      const a = survey('survey_response', session, now)
      ids.push(a.id)
      await post([survey('survey_shown', session, now - 5000), a], { ua })
    }
    expect(Object.values(await reasons(ids))).toEqual(['bot', 'bot', 'bot'])
  })

  it(`are left out past ${RULES.maxAnswersPerSession} answers of one session about one service`, async () => {
    const session = randomUUID()
    const answers = Array.from({ length: RULES.maxAnswersPerSession + 3 }, (_, i) => survey('survey_response', session, now + 5000 + i))
    await post([survey('survey_shown', session, now), ...answers.slice(0, 5)])
    await post(answers.slice(5))
    const got = await reasons(answers.map((a) => a.id))
    expect(answers.map((a) => got[a.id])).toEqual([...Array(RULES.maxAnswersPerSession).fill(''), 'session_cap', 'session_cap', 'session_cap'])
  })

  it("are left out past the cap even when the session pushes its own answers out of the server's memory with a flood of survey_shown", async () => {
    const session = randomUUID()
    const first = Array.from({ length: RULES.maxAnswersPerSession }, (_, i) => survey('survey_response', session, now + 5000 + i))
    await post([survey('survey_shown', session, now), ...first])
    // More survey_shown than the server keeps per session: without the store, the answers above would be forgotten.
    await post(Array.from({ length: 70 }, (_, i) => survey('survey_shown', session, now + 10_000 + i)))
    const more = Array.from({ length: 3 }, (_, i) => survey('survey_response', session, now + 20_000 + i))
    await post(more)
    const got = await reasons([...first, ...more].map((a) => a.id))
    expect(first.map((a) => got[a.id])).toEqual(Array(RULES.maxAnswersPerSession).fill(''))
    expect(more.map((a) => got[a.id])).toEqual(['session_cap', 'session_cap', 'session_cap'])
  })

  it('from one IP are left out once it answers in more sessions than the site normally has from one source', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const session = randomUUID()
      const a = survey('survey_response', session, now + 3000)
      ids.push(a.id)
      await post([survey('survey_shown', session, now), a], { ip: '192.0.2.50' })
    }
    const got = await reasons(ids)
    expect(ids.map((id) => got[id])).toEqual(['', '', 'burst', 'burst', 'burst'])
  })

  it('from an app site (secret key) are trusted', async () => {
    const a = survey('survey_response', randomUUID(), now)
    await post([a], { site: 'kiosk', ua: null, headers: { 'x-otklik-key': kioskSecret } })
    expect(await reasons([a.id])).toEqual({ [a.id]: '' })
  })
})

describe('reinstating excluded answers', () => {
  const ts = () => now - 3 * DAY
  let ids: string[]
  const auth = (token: string) => ({ authorization: `Bearer ${token}` })
  const rollupAnswers = async () => {
    const [row] = await store.query<{ n: string }>(`SELECT sum(answers) AS n FROM ${store.table('rollup_answers')} WHERE service = 'reinstated'`)
    return Number(row?.n ?? 0)
  }
  const served = async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/metrics/services?service=reinstated&from=${now - 6 * DAY}&to=${now}`, headers: auth(viewer) })
    return res.json().services[0]?.csat.n ?? 0
  }

  beforeAll(async () => {
    const answers = Array.from({ length: 4 }, () => survey('survey_response', randomUUID(), ts(), { service: 'reinstated' }))
    ids = answers.map((a) => a.id)
    await post(answers, { ua: 'curl/8.5.0' })
  })

  it('lists them for an admin, and only for an admin', async () => {
    const url = `/v1/admin/excluded?service=reinstated&from=${now - 6 * DAY}&to=${now}`
    expect((await app.inject({ method: 'GET', url, headers: auth(viewer) })).statusCode).toBe(403)
    const res = await app.inject({ method: 'GET', url, headers: auth(admin) })
    expect(res.statusCode).toBe(200)
    expect(res.json().answers.map((a: { id: string; reason: string }) => [a.id, a.reason]).sort()).toEqual(ids.map((id) => [id, 'bot']).sort())
  })

  it('counts them once in the rollups, the figures and the excluded counts; repeating changes nothing', async () => {
    expect([await rollupAnswers(), await served()]).toEqual([0, 0])
    const body = { ids: [ids[0], ids[1], ids[1], randomUUID()] }
    const res = await app.inject({ method: 'POST', url: '/v1/admin/excluded/reinstate', headers: auth(admin), payload: body })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ reinstated: [ids[0], ids[1]], already_counted: [], not_found: [body.ids[3]] })
    expect([await rollupAnswers(), await served()]).toEqual([2, 2])

    const again = await app.inject({ method: 'POST', url: '/v1/admin/excluded/reinstate', headers: auth(admin), payload: { ids: [ids[0]] } })
    expect(again.json()).toEqual({ reinstated: [], already_counted: [ids[0]], not_found: [] })
    expect([await rollupAnswers(), await served()]).toEqual([2, 2])

    const counts = await app.inject({ method: 'GET', url: `/v1/metrics/excluded?service=reinstated&from=${now - 6 * DAY}&to=${now}`, headers: auth(viewer) })
    expect(counts.json().services).toEqual([{ service: 'reinstated', total: 2, reasons: { bot: 2, not_shown: 0, too_fast: 0, session_cap: 0, burst: 0 } }])
  })

  it('a viewer cannot reinstate', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/admin/excluded/reinstate', headers: auth(viewer), payload: { ids: [ids[2]] } })
    expect(res.statusCode).toBe(403)
  })
})
