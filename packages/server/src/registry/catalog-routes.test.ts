import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from './tokens.js'
import { testApp, type TestApp } from '../../test-support/app.js'
import { answer } from '../../test-support/events.js'
import { eventsSink } from '../storage/events-store.js'
import { normalizeEvents } from '../ingest/normalize.js'

const ADMIN = 'catalog-admin-token-0123456789'
let t: TestApp
let viewer: string
const auth = (token: string) => ({ authorization: `Bearer ${token}` })

beforeAll(async () => {
  t = await testApp({ OTKLIK_ADMIN_TOKEN: ADMIN })
  viewer = (await createToken(t.store, 'viewer', 'test')).token
})
afterAll(() => t.app.close())

const put = (url: string, payload: unknown, token = ADMIN) => t.app.inject({ method: 'PUT', url, payload: payload as object, headers: auth(token) })

describe('services', () => {
  it('PUT adds (201) then replaces (200); GET shows default targets where unset', async () => {
    const body = { name_ru: 'Загранпаспорт', name_en: 'Passport', agency: 'mvd', life_situations: ['travel'], targets: { csat: 0.85 } }
    expect((await put('/v1/services/passport-rf', body)).statusCode).toBe(201)
    const again = await put('/v1/services/passport-rf', { ...body, targets: { csat: 0.9, nps: null } })
    expect(again.statusCode).toBe(200)
    const got = await t.app.inject({ url: '/v1/services/passport-rf', headers: auth(viewer) })
    expect(got.statusCode).toBe(200)
    expect(got.json()).toMatchObject({
      id: 'passport-rf',
      agency: 'mvd',
      targets: { csat: 0.9, nps: 30, ces: 3, completion: 0.7, error_rate: 0.05 },
      custom_targets: { csat: 0.9, nps: null },
    })
  })

  it('rejects out-of-range targets, bad ids and unknown fields with a 400 and a reason', async () => {
    for (const [url, body, reason] of [
      ['/v1/services/x', { name_ru: 'X', targets: { csat: 1.5 } }, /targets.csat/],
      ['/v1/services/x', { name_ru: 'X', targets: { nps: -101 } }, /targets.nps/],
      ['/v1/services/x', { name_ru: 'X', targets: { ces: 0 } }, /targets.ces/],
      ['/v1/services/x', { name_ru: 'X', targets: { error_rate: 2 } }, /error_rate/],
      ['/v1/services/x', { name_ru: 'X', targets: { csat: '0.5' } }, /csat/],
      ['/v1/services/x', { name_ru: '' }, /name_ru/],
      ['/v1/services/x', { name_ru: 'X', owner: 'me' }, /owner/],
      ['/v1/services/x', { name_ru: 'X', life_situations: ['bad id!'] }, /life_situations/],
      ['/v1/services/%20x', { name_ru: 'X' }, /id/],
      ['/v1/services/x', { id: 'y', name_ru: 'X' }, /differs/],
    ] as const) {
      const res = await put(url, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().error.message).toMatch(reason)
    }
    const notJson = await t.app.inject({ method: 'PUT', url: '/v1/services/x', payload: '{', headers: { ...auth(ADMIN), 'content-type': 'application/json' } })
    expect(notJson.statusCode).toBe(400)
  })

  it('writes need the admin token; reads a viewer token', async () => {
    expect((await put('/v1/services/y', { name_ru: 'Y' }, viewer)).statusCode).toBe(403)
    expect((await t.app.inject({ url: '/v1/services' })).statusCode).toBe(401)
    expect((await t.app.inject({ url: '/v1/services', headers: auth(viewer) })).statusCode).toBe(200)
  })

  it('DELETE removes (404 afterwards); a PUT right after brings it back', async () => {
    await put('/v1/services/tmp', { name_ru: 'Временная' })
    expect((await t.app.inject({ method: 'DELETE', url: '/v1/services/tmp', headers: auth(ADMIN) })).statusCode).toBe(204)
    expect((await t.app.inject({ url: '/v1/services/tmp', headers: auth(ADMIN) })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'DELETE', url: '/v1/services/tmp', headers: auth(ADMIN) })).statusCode).toBe(404)
    expect((await put('/v1/services/tmp', { name_ru: 'Снова' })).statusCode).toBe(201)
    expect((await t.app.inject({ url: '/v1/services/tmp', headers: auth(ADMIN) })).json().name_ru).toBe('Снова')
  })

  it('lists with filters and shows unregistered services seen in events', async () => {
    await put('/v1/services/tax', { name_ru: 'Налог', agency: 'fns', life_situations: ['business-start'] })
    const { rows } = normalizeEvents([answer(5, { service: 'not-registered' })], { siteKey: 'demo', offline: false, receivedAt: Date.now(), device: { device: 'desktop', browser: 'x', os: 'y' } })
    await eventsSink(t.store).insert(rows)
    const all = (await t.app.inject({ url: '/v1/services', headers: auth(viewer) })).json()
    expect(all.services.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['passport-rf', 'tax']))
    expect(all.unregistered).toEqual([{ service: 'not-registered', events: 1 }])
    expect(all.default_targets).toEqual({ csat: 0.8, nps: 30, ces: 3, completion: 0.7, error_rate: 0.05 })
    const fns = (await t.app.inject({ url: '/v1/services?agency=fns', headers: auth(viewer) })).json()
    expect(fns.services.map((s: { id: string }) => s.id)).toEqual(['tax'])
    const ls = (await t.app.inject({ url: '/v1/services?life_situation=travel', headers: auth(viewer) })).json()
    expect(ls.services.map((s: { id: string }) => s.id)).toEqual(['passport-rf'])
    expect((await t.app.inject({ url: "/v1/services?agency=' OR 1=1", headers: auth(viewer) })).statusCode).toBe(400)
  })
})

describe('life situations and agencies', () => {
  it('CRUD', async () => {
    expect((await put('/v1/life-situations/birth-of-child', { name_ru: 'Рождение ребёнка', name_en: 'Birth of a child' })).statusCode).toBe(201)
    expect((await put('/v1/agencies/fns', { name_ru: 'ФНС России' })).statusCode).toBe(201)
    const ls = (await t.app.inject({ url: '/v1/life-situations', headers: auth(viewer) })).json()
    expect(ls.life_situations).toEqual([{ id: 'birth-of-child', name_ru: 'Рождение ребёнка', name_en: 'Birth of a child' }])
    const ag = (await t.app.inject({ url: '/v1/agencies/fns', headers: auth(viewer) })).json()
    expect(ag).toEqual({ id: 'fns', name_ru: 'ФНС России', name_en: 'ФНС России' })
    expect((await t.app.inject({ method: 'DELETE', url: '/v1/agencies/fns', headers: auth(ADMIN) })).statusCode).toBe(204)
    expect((await t.app.inject({ url: '/v1/agencies/fns', headers: auth(viewer) })).statusCode).toBe(404)
  })
})

describe('POST /v1/registry/import', () => {
  it('loads good entries, reports bad ones by index, and is idempotent', async () => {
    const doc = {
      agencies: [{ id: 'sfr', name_ru: 'СФР' }, { id: 'bad id', name_ru: 'x' }],
      life_situations: [{ id: 'retirement', name_ru: 'Выход на пенсию', name_en: 'Retirement' }],
      services: [
        { id: 'pension', name_ru: 'Пенсия', agency: 'sfr', life_situations: ['retirement'], target_csat: 0.9 },
        { id: 'pension', name_ru: 'Дубль' },
        { name_ru: 'Без id' },
        { id: 'ok2', name_ru: 'Ещё', targets: { nps: 500 } },
      ],
    }
    const post = () => t.app.inject({ method: 'POST', url: '/v1/registry/import', payload: doc, headers: auth(ADMIN) })
    const first = (await post()).json()
    expect(first.agencies).toEqual({ added: 1, updated: 0, unchanged: 0 })
    expect(first.services).toEqual({ added: 1, updated: 0, unchanged: 0 })
    expect(first.rejected).toEqual([
      { kind: 'agencies', index: 1, reason: expect.stringMatching(/^id: /) },
      { kind: 'services', index: 1, reason: expect.stringMatching(/appears again/) },
      { kind: 'services', index: 2, reason: 'id: is required' },
      { kind: 'services', index: 3, reason: expect.stringMatching(/targets.nps/) },
    ])
    const second = (await post()).json()
    expect(second.services).toEqual({ added: 0, updated: 0, unchanged: 1 })
    expect(second.agencies).toEqual({ added: 0, updated: 0, unchanged: 1 })
    const pension = (await t.app.inject({ url: '/v1/services/pension', headers: auth(viewer) })).json()
    expect(pension.targets.csat).toBe(0.9)
    expect((await t.app.inject({ method: 'POST', url: '/v1/registry/import', payload: { services: 'x' }, headers: auth(ADMIN) })).statusCode).toBe(400)
  })
})
