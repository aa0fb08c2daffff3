import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { testApp } from '../../test-support/app.js'

const ADMIN = 'plugin-test-admin-token-0123456789'
let app: FastifyInstance
beforeAll(async () => {
  ;({ app } = await testApp({ OTKLIK_ADMIN_TOKEN: ADMIN }))
})
afterAll(() => app.close())

it('accepts the bearer scheme in any case, and refuses other schemes', async () => {
  for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
    expect((await app.inject({ url: '/v1/sites', headers: { authorization: `${scheme} ${ADMIN}` } })).statusCode).toBe(200)
  }
  expect((await app.inject({ url: '/v1/sites', headers: { authorization: `Basic ${ADMIN}` } })).statusCode).toBe(401)
  expect((await app.inject({ url: '/v1/sites', headers: { authorization: `Bearer ${ADMIN}x` } })).statusCode).toBe(401)
})

it('says a missing token is required, and a wrong one is not recognised', async () => {
  const missing = await app.inject({ url: '/v1/sites' })
  expect(missing.json().error).toEqual({ code: 'unauthorized', message: 'an API token is required (Authorization: Bearer ...)' })
  const wrong = await app.inject({ url: '/v1/sites', headers: { authorization: 'Bearer otk_not-a-token-of-this-server' } })
  expect(wrong.statusCode).toBe(401)
  expect(wrong.json().error).toEqual({
    code: 'token_not_recognised',
    message: 'this API token is not recognised: it may be mistyped, revoked, or from another server (otklik token create makes one)',
  })
})
