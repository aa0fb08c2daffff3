import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSite } from '../registry/sites.js'
import type { Store } from '../storage/store.js'
import { testApp } from '../../test-support/app.js'
import { CHROME_UA, IPHONE_UA, answer, batch, event } from '../../test-support/events.js'

const ORIGIN = 'https://gov.example'
let app: FastifyInstance
let store: Store
let appSecret: string

beforeAll(async () => {
  ;({ app, store } = await testApp())
  await createSite(store, { key: 'demo', kind: 'web', name: 'Demo', origins: [ORIGIN, 'https://*.region.example'] })
  const kiosk = await createSite(store, { key: 'kiosk', kind: 'app', name: 'MFC kiosk' })
  appSecret = kiosk.secret ?? ''
})
afterAll(() => app.close())

const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/v1/events',
    headers: { 'content-type': 'application/json', origin: ORIGIN, 'user-agent': CHROME_UA, ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  })

async function rows(ids: string[]) {
  return store.query<Record<string, unknown>>(`SELECT *, toUnixTimestamp64Milli(ts) AS ts_ms FROM ${store.table('events')} WHERE id IN {ids:Array(UUID)} ORDER BY ts`, { ids })
}

describe('POST /v1/events', () => {
  it('stores a valid batch with the server-added fields and answers 202 once durable', async () => {
    const events = [event({ path: '/services/passport/step-2?snils=123#top' }), answer(5, { comment: 'Всё хорошо' })]
    const res = await post(batch(events))
    expect(res.statusCode).toBe(202)
    expect(res.json()).toEqual({ accepted: 2, rejected: [] })
    const stored = await rows(events.map((e) => e.id))
    expect(stored).toHaveLength(2)
    const step = stored.find((r) => r.type === 'journey_step')
    expect(step).toMatchObject({ site_id: 'demo', device: 'desktop', browser: 'Chrome', os: 'Windows', path: '/services/passport/step-2' })
    expect(Math.abs(Number(step?.ts_ms) - (events[0]?.ts ?? 0))).toBe(0)
    expect(stored.find((r) => r.type === 'survey_response')).toMatchObject({ score: 5, metric: 'csat', comment: 'Всё хорошо' })
  })

  it('a retried batch is counted once', async () => {
    const events = [event(), event(), answer(4)]
    expect((await post(batch(events))).statusCode).toBe(202)
    expect((await post(batch(events))).statusCode).toBe(202)
    expect(await rows(events.map((e) => e.id))).toHaveLength(3)
  })

  it('one bad event is rejected with its index and reason while its neighbours are kept', async () => {
    const good = [event(), answer(3)]
    const res = await post(batch([good[0]!, answer(9), good[1]!, { ...event(), type: 'nope' } as never]))
    expect(res.statusCode).toBe(202)
    const body = res.json()
    expect(body.accepted).toBe(2)
    expect(body.rejected).toEqual([
      { index: 1, reason: 'score: must be 1-5 for csat' },
      { index: 3, reason: expect.stringContaining('type') },
    ])
    expect(await rows(good.map((e) => e.id))).toHaveLength(2)
  })

  it('takes null for an optional field as that field absent, in events and in the envelope', async () => {
    const e = event({ step: null as never, life_situation: null as never, comment: null as never })
    const res = await post({ ...batch([e]), sent_at: null })
    expect(res.statusCode).toBe(202)
    expect(res.json()).toEqual({ accepted: 1, rejected: [] })
    expect((await rows([e.id]))[0]).toMatchObject({ step: '', life_situation: '', comment: '' })
  })

  it('names the origin it refused, and the size limit it applied', async () => {
    const refused = await post(batch([event()]), { origin: 'https://evil.example' })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.message).toBe('origin https://evil.example is not among the allowed origins of site "demo"')
    const big = await post(batch(Array.from({ length: 90 }, () => answer(5, { comment: 'x'.repeat(1000) }))))
    expect(big.statusCode).toBe(413)
    expect(big.json().error).toEqual({ code: 'body_too_large', message: 'the body is larger than the limit of 64 KiB (65536 bytes) for this address' })
  })

  it('accepts text/plain bodies as sent by sendBeacon', async () => {
    const e = event()
    const res = await post(JSON.stringify(batch([e])), { 'content-type': 'text/plain;charset=UTF-8' })
    expect(res.statusCode).toBe(202)
    expect(await rows([e.id])).toHaveLength(1)
  })

  it('parses the device class from a mobile User-Agent and keeps no User-Agent or IP column', async () => {
    const e = event()
    await post(batch([e]), { 'user-agent': IPHONE_UA })
    expect((await rows([e.id]))[0]).toMatchObject({ device: 'mobile', browser: 'Safari', os: 'iOS' })
    const columns = await store.query<{ name: string }>('SELECT name FROM system.columns WHERE database = {db:String} AND table = {t:String}', {
      db: store.target.database,
      t: 'events',
    })
    expect(columns.map((c) => c.name)).not.toEqual(expect.arrayContaining(['ip']))
    expect(columns.map((c) => c.name).filter((n) => /ip|user_agent|ua$/.test(n))).toEqual([])
  })

  it('accepts wildcard subdomain origins', async () => {
    expect((await post(batch([event()]), { origin: 'https://moscow.region.example' })).statusCode).toBe(202)
    expect((await post(batch([event()]), { origin: 'https://region.example.evil.test' })).statusCode).toBe(403)
  })

  it('shifts timestamps of a client whose clock is wrong and says so', async () => {
    const hourAhead = 60 * 60 * 1000
    const e = event({ ts: Date.now() + hourAhead })
    const res = await post({ ...batch([e]), sent_at: Date.now() + hourAhead })
    expect(res.statusCode).toBe(202)
    expect(res.json().clock_skew_ms).toBeLessThan(-hourAhead + 60_000)
    const [row] = await rows([e.id])
    expect(Math.abs(Number(row?.ts_ms) - Date.now())).toBeLessThan(60_000)
  })

  it('answers a CORS preflight for any origin and reflects an allowed origin', async () => {
    const pre = await app.inject({
      method: 'OPTIONS',
      url: '/v1/events',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(pre.statusCode).toBe(204)
    expect(pre.headers['access-control-allow-origin']).toBe(ORIGIN)
    expect((await post(batch([event()]))).headers['access-control-allow-origin']).toBe(ORIGIN)
  })
})

describe('app sites (kiosk, mobile app, call centre)', () => {
  const postApp = (body: unknown, key?: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { 'content-type': 'application/json', ...(key ? { 'x-otklik-key': key } : {}) },
      payload: JSON.stringify(body),
    })

  it('needs the secret key instead of an origin', async () => {
    expect((await postApp(batch([event()], 'kiosk'))).statusCode).toBe(401)
    expect((await postApp(batch([event()], 'kiosk'), 'ots_wrong')).statusCode).toBe(403)
    expect((await postApp(batch([event({ channel: 'kiosk' })], 'kiosk'), appSecret)).statusCode).toBe(202)
  })

  it('may send a batch collected offline days ago', async () => {
    const e = event({ ts: Date.now() - 10 * 86_400_000, channel: 'mfc' })
    const res = await postApp({ ...batch([e], 'kiosk'), sent_at: Date.now() }, appSecret)
    expect(res.statusCode).toBe(202)
    expect((await rows([e.id]))[0]).toMatchObject({ site_id: 'kiosk', channel: 'mfc' })
  })
})

describe('bad input gets a clear 4xx and writes nothing', () => {
  const cases: [string, () => Promise<{ statusCode: number; json(): { error?: { message?: string } } }>, number, RegExp][] = [
    ['malformed JSON', () => post('{"site": "demo", "events": [', {}), 400, /JSON/],
    ['malformed JSON as text/plain', () => post('{nope', { 'content-type': 'text/plain' }), 400, /JSON/],
    ['an empty text/plain body', () => post('', { 'content-type': 'text/plain' }), 400, /^body is not valid JSON: the body is empty/],
    ['a multipart body', () => post('--x\r\n\r\n', { 'content-type': 'multipart/form-data; boundary=x' }), 415, /text\/plain/],
    ['a wrongly typed score', () => post(batch([answer(2, { score: '2' as never })])), 400, /score: must be a number, not string/],
    ['a null required field', () => post(batch([event({ type: null as never })])), 400, /type: is required/],
    ['wrong content type', () => post('site=demo', { 'content-type': 'application/x-www-form-urlencoded' }), 415, /content type/],
    ['oversized body', () => post(batch(Array.from({ length: 90 }, () => answer(5, { comment: 'x'.repeat(1000) }))), {}), 413, /larger/],
    ['too many events', () => post(batch(Array.from({ length: 101 }, () => event()))), 400, /at most 100/],
    ['no events', () => post(batch([])), 400, /at least one/],
    ['unknown site', () => post(batch([event()], 'nosuchsite')), 404, /no site/],
    ['disallowed origin', () => post(batch([event()]), { origin: 'https://evil.example' }), 403, /origin/],
    ['missing origin for a web site', () => app.inject({ method: 'POST', url: '/v1/events', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(batch([event()])) }), 403, /Origin/],
    ['wrong types', () => post(batch([{ ...event(), ts: 'yesterday' } as never])), 400, /ts/],
    ['envelope of the wrong type', () => post('[1,2,3]'), 400, /object|expected/i],
    ['oversized strings', () => post(batch([event({ service: 's'.repeat(129) })])), 400, /service/],
    ['control characters', () => post(batch([event({ step: 'a\u0000b' })])), 400, /step/],
    ['control characters in a comment', () => post(batch([answer(2, { comment: 'hi\u0007' })])), 400, /comment/],
    ['a lone surrogate in a comment', () => post(batch([answer(2, { comment: 'broken \ud800 text' })])), 400, /comment: must be valid Unicode/],
    ['a lone surrogate in a path', () => post(batch([event({ path: '/a\udc00' })])), 400, /path/],
    ['a long path is judged without its query string', () => post(batch([event({ path: `/p${'x'.repeat(1100)}?q=1` })])), 400, /path: must be at most 1024/],
    ['future timestamps', () => post(batch([event({ ts: Date.now() + 2 * 86_400_000 })])), 400, /future/],
    ['too old for a web site', () => post(batch([event({ ts: Date.now() - 8 * 86_400_000 })])), 400, /past/],
    ['unknown fields', () => post(batch([{ ...event(), email: 'a@b.ru' } as never])), 400, /unknown field/],
    ['prototype poisoning', () => post('{"site":"demo","__proto__":{"x":1},"events":[]}'), 400, /./],
    ['a non-UUID id', () => post(batch([event({ id: 'not-a-uuid' })])), 400, /id/],
    ['a comment on a non-survey event', () => post(batch([event({ comment: 'hello' })])), 400, /comment/],
  ]
  it.each(cases)('%s', async (_name, send, status, reason) => {
    const before = await store.query<{ c: string }>(`SELECT count() AS c FROM ${store.table('events')}`)
    const res = await send()
    expect(res.statusCode).toBe(status)
    const body = res.json() as { error?: { message?: string }; rejected?: { reason: string }[] }
    const said = `${body.error?.message ?? ''} ${JSON.stringify(body.rejected ?? [])}`
    expect(said).toMatch(reason)
    const after = await store.query<{ c: string }>(`SELECT count() AS c FROM ${store.table('events')}`)
    expect(after).toEqual(before)
  })
})

describe('idempotence beyond identical batches', () => {
  it('an event retried inside a different batch is stored once', async () => {
    const [a, b, c] = [event(), event(), event()]
    expect((await post(batch([a!, b!]))).statusCode).toBe(202)
    expect((await post(batch([b!, c!, a!]))).json()).toEqual({ accepted: 3, rejected: [] })
    expect(await rows([a!.id, b!.id, c!.id])).toHaveLength(3)
  })
})

describe('idempotence whatever the timestamp', () => {
  it('an event retried with a timestamp days away (a corrected clock) is still stored once', async () => {
    const e = event()
    expect((await post(batch([e]))).statusCode).toBe(202)
    expect((await post(batch([{ ...e, ts: e.ts - 5 * 86_400_000 }]))).statusCode).toBe(202)
    expect(await rows([e.id])).toHaveLength(1)
  })
})
