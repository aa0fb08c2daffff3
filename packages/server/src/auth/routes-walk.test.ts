/**
 * Walks every route the app registers: each declares its access, and each
 * non-public one answers 401 without a token and 403 with a token of a
 * lower scope (DESIGN §6, issue 4 item 8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../test-support/app.js'
import { createToken } from '../registry/tokens.js'
import { SCOPES, type Scope } from './scopes.js'

const ADMIN = 'walk-admin-token-0123456789abcdef'
let t: TestApp
const tokens = {} as Record<Scope, string>

beforeAll(async () => {
  t = await testApp({ OTKLIK_ADMIN_TOKEN: ADMIN })
  tokens.admin = ADMIN
  tokens.analyst = (await createToken(t.store, 'analyst', 'walk')).token
  tokens.manager = (await createToken(t.store, 'manager', 'walk')).token
  tokens.viewer = (await createToken(t.store, 'viewer', 'walk')).token
})
afterAll(() => t.app.close())

const concrete = (url: string) => url.replace(/:[A-Za-z_]+/g, 'x').replace(/\*/g, 'x') || '/'
const routes = () => t.app.routeList.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')

describe('every route', () => {
  it('is in the list, and the list covers the groups', () => {
    const urls = new Set(routes().map((r) => r.url))
    for (const u of ['/v1/events', '/v1/sites', '/v1/tokens', '/v1/services', '/v1/services/:id', '/v1/life-situations', '/v1/agencies', '/v1/open/services.json', '/open/', '/dashboard/', '/v1/me']) {
      expect(urls, u).toContain(u)
    }
  })

  it('declares its access', () => {
    const undeclared = routes().filter((r) => r.access === undefined)
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([])
  })

  it('answers 401 without a token and 403 with a lower scope; the scope it needs gets past auth', async () => {
    const guarded = routes().filter((r) => r.access !== undefined && r.access !== 'public')
    expect(guarded.length).toBeGreaterThan(10)
    for (const r of guarded) {
      const url = concrete(r.url)
      const method = r.method as 'GET'
      const name = `${r.method} ${r.url}`
      const none = await t.app.inject({ method, url })
      expect(none.statusCode, `${name} without a token`).toBe(401)
      const bad = await t.app.inject({ method, url, headers: { authorization: 'Bearer otk_aaaaaaaaaa_not-a-real-token-at-all' } })
      expect(bad.statusCode, `${name} with a wrong token`).toBe(401)
      const need = SCOPES.indexOf(r.access as Scope)
      for (const lower of SCOPES.slice(0, need)) {
        const res = await t.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[lower]}` } })
        expect(res.statusCode, `${name} with a ${lower} token`).toBe(403)
      }
      if (r.method === 'GET') {
        const ok = await t.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[r.access as Scope]}` } })
        expect([401, 403], `${name} with a ${r.access} token`).not.toContain(ok.statusCode)
      }
    }
  })

  it('public routes need no token', async () => {
    for (const r of routes().filter((x) => x.access === 'public' && x.method === 'GET')) {
      const res = await t.app.inject({ method: 'GET', url: concrete(r.url) })
      expect([401, 403], `${r.method} ${r.url}`).not.toContain(res.statusCode)
    }
  })
})
