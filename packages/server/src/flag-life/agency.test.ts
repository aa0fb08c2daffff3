/** An agency's token sees and acts on its own services' flags only; owners come from the registry. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../test-support/app.js'
import { addService, insertRows } from '../analytics/testing/rows.js'
import { generateService, rng, spec } from '../analytics/testing/portfolio.js'
import { rowOf, serviceTable } from '../registry/services.js'

const D = 86_400_000
const T0 = Date.UTC(2025, 2, 1)
const ADMIN = 'agency-test-admin-token-0123456789'
const bad = { csat: 0.55 }
let t: TestApp

beforeAll(async () => {
  t = await testApp({ OTKLIK_ADMIN_TOKEN: ADMIN }, { now: () => T0 })
  await serviceTable.insert(t.store, [
    rowOf('mvd-svc', { name_ru: 'МВД', agency: 'mvd', life_situations: [], targets: {}, owner: { name: 'Ирина', contact: 'irina@example.org' } }),
  ])
  await addService(t.store, 'fns-svc', { agency: 'fns' })
  const random = rng(3)
  const windows = { baseline: [T0 - 56 * D, T0 - 28 * D] as [number, number], window: [T0 - 28 * D, T0] as [number, number] }
  await insertRows(t.store, [...generateService(spec('mvd-svc', bad, bad), windows, random), ...generateService(spec('fns-svc', bad, bad), windows, random)])
  await t.app.otklik.flags.evaluate('demand')
}, 120_000)
afterAll(() => t.app.close())

const call = async (method: 'GET' | 'POST', url: string, token: string, payload?: object) => {
  const res = await t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) })
  return { status: res.statusCode, body: res.json() }
}
const token = async (scope: string, agency?: string) => (await call('POST', '/v1/tokens', ADMIN, { scope, name: `${scope} ${agency}`, ...(agency ? { agency } : {}) })).body.token as string

it("lists only the agency's flags to its token, with the owner from the registry", async () => {
  const mvd = await token('viewer', 'mvd')
  const res = await call('GET', `/v1/flags?from=${T0 - 28 * D}&to=${T0}`, mvd)
  expect(res.status).toBe(200)
  const services = new Set((res.body.flags as { service: string }[]).map((f) => f.service))
  expect([...services]).toEqual(['mvd-svc'])
  const flag = (res.body.flags as { rule: string; owner: unknown; status: string }[]).find((f) => f.rule === 'low_csat')
  expect(flag).toMatchObject({ status: 'open', owner: { name: 'Ирина', contact: 'irina@example.org' } })
  // Even when it asks for another agency's services.
  const other = await call('GET', `/v1/flags?from=${T0 - 28 * D}&to=${T0}&service=fns-svc`, mvd)
  expect(other.body.flags).toEqual([])
  const all = await call('GET', `/v1/flags?from=${T0 - 28 * D}&to=${T0}`, ADMIN)
  expect(new Set((all.body.flags as { service: string }[]).map((f) => f.service))).toEqual(new Set(['mvd-svc', 'fns-svc']))
  expect((await call('GET', '/v1/tokens', ADMIN)).body.tokens).toContainEqual(expect.objectContaining({ scope: 'viewer', agency: 'mvd' }))
})

it("refuses another agency's flag as not found, to history and to status changes", async () => {
  const fns = await token('manager', 'fns')
  const all = await call('GET', `/v1/flags?from=${T0 - 28 * D}&to=${T0}`, ADMIN)
  const byService = (s: string) => (all.body.flags as { id: string; service: string; rule: string }[]).find((f) => f.service === s && f.rule === 'low_csat')?.id
  expect((await call('GET', `/v1/flags/${byService('mvd-svc')}/history`, fns)).status).toBe(404)
  expect((await call('POST', `/v1/flags/${byService('mvd-svc')}/status`, fns, { status: 'acknowledged' })).status).toBe(404)
  expect((await call('POST', `/v1/flags/${byService('fns-svc')}/status`, fns, { status: 'acknowledged' })).body.status).toBe('acknowledged')
})
