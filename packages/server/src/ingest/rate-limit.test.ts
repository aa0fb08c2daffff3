import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { createSite } from '../registry/sites.js'
import { testApp } from '../../test-support/app.js'
import { batch, event } from '../../test-support/events.js'

let app: FastifyInstance
beforeAll(async () => {
  const t = await testApp({ RATE_LIMIT: '3' })
  app = t.app
  await createSite(t.store, { key: 'demo', kind: 'web', name: 'Demo', origins: ['https://gov.example'] })
})
afterAll(() => app.close())

it('answers 429 with Retry-After once a client passes RATE_LIMIT requests a minute', async () => {
  const send = () =>
    app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { 'content-type': 'application/json', origin: 'https://gov.example' },
      payload: JSON.stringify(batch([event()])),
    })
  const codes = []
  for (let i = 0; i < 4; i++) codes.push((await send()).statusCode)
  expect(codes).toEqual([202, 202, 202, 429])
  const limited = await send()
  expect(limited.statusCode).toBe(429)
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
  expect(limited.json().error.code).toBe('rate_limited')
})
