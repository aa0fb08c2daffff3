import { afterAll, beforeAll, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../test-support/app.js'
import { createToken } from '../registry/tokens.js'

const ADMIN = 'me-test-admin-token-0123456789abcdef'
let t: TestApp
beforeAll(async () => {
  t = await testApp({ OTKLIK_ADMIN_TOKEN: ADMIN })
})
afterAll(() => t.app.close())

const me = (token?: string) => t.app.inject({ url: '/v1/me', headers: token ? { authorization: `Bearer ${token}` } : {} })

it('GET /v1/me tells any valid token its scope, name and agency', async () => {
  const viewer = await createToken(t.store, 'viewer', 'wall screen')
  expect((await me(viewer.token)).json()).toEqual({ scope: 'viewer', name: 'wall screen', agency: null })
  const analyst = await createToken(t.store, 'analyst', 'analysis')
  expect((await me(analyst.token)).json()).toEqual({ scope: 'analyst', name: 'analysis', agency: null })
  const manager = await createToken(t.store, 'manager', 'tax office', 'fns')
  expect((await me(manager.token)).json()).toEqual({ scope: 'manager', name: 'tax office', agency: 'fns' })
  expect((await me(ADMIN)).json()).toMatchObject({ scope: 'admin' })
})

it('GET /v1/me without a token or with a wrong one is a 401', async () => {
  expect((await me()).statusCode).toBe(401)
  expect((await me('otk_aaaaaaaaaa_not-a-real-token-at-all')).statusCode).toBe(401)
})
