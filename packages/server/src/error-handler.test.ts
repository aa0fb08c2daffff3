import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { testApp } from '../test-support/app.js'

const ADMIN = 'error-words-admin-token-0123456789'
let app: FastifyInstance
beforeAll(async () => {
  ;({ app } = await testApp({ OTKLIK_ADMIN_TOKEN: ADMIN }))
})
afterAll(() => app.close())

const call = (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
  app.inject({ method, url, headers: { authorization: `Bearer ${ADMIN}` }, ...(body === undefined ? {} : { payload: body as object }) })

it("words every invalid request in the product's words, naming the field and where it was", async () => {
  const cases: [Promise<{ statusCode: number; json(): { error: { code: string; message: string } } }>, string][] = [
    [call('PUT', '/v1/services/x', { name_ru: '' }), 'name_ru: must not be empty'],
    [call('PUT', '/v1/services/x', { name_ru: 'X', colour: 'red' }), 'unknown field "colour"'],
    [call('POST', '/v1/tokens', { scope: 'root' }), 'scope: must be one of viewer, analyst, manager, admin'],
    [call('POST', '/v1/tokens', { scope: 'viewer', name: 'x'.repeat(201) }), 'name: must be at most 200 characters long'],
    [call('GET', '/v1/comments?limit=100000'), 'limit: must be at most 500 (query string)'],
    [call('GET', '/v1/comments?limit=0'), 'limit: must be at least 1 (query string)'],
  ]
  for (const [pending, message] of cases) {
    const res = await pending
    expect(res.statusCode, message).toBe(400)
    expect(res.json().error, message).toEqual({ code: 'invalid_request', message })
  }
})

it('takes null in an API body as the field absent, and null for a required field as missing', async () => {
  const res = await call('PUT', '/v1/services/null-test', { name_ru: 'Тест', name_en: null, agency: null, targets: { csat: null } })
  expect(res.statusCode).toBe(201)
  expect(res.json()).toMatchObject({ id: 'null-test', name_en: 'Тест', agency: null })
  const missing = await call('POST', '/v1/tokens', { scope: null })
  expect(missing.json().error.message).toBe('scope: is required')
})
