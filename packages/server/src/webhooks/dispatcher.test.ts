/**
 * A receiver that is down: deliveries are stored, retried with back-off,
 * and none is lost when Otklik restarts (a new app on the same database);
 * a receiver that never answers ends in `failed` after the last attempt.
 */
import { createHmac } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../test-support/app.js'
import { startReceiver } from '../../test-support/receiver.js'
import { freePort } from '../../test-support/server-process.js'
import { buildApp } from '../app.js'
import type { FlagEvent } from '../flag-life/life.js'
import { createToken } from '../registry/tokens.js'
import { BACKOFF_MS } from './dispatcher.js'

const T = Date.UTC(2025, 5, 1)
const SECRET = 'whsec-restart-0123456789'
let now = T
let t: TestApp
let admin: string
const apps: FastifyInstance[] = []

const event = (id: string): FlagEvent => ({ type: 'flag.opened', flag: { id, service: 's' } as FlagEvent['flag'], at: new Date(T).toISOString() })
const log = async (app: FastifyInstance, hook: string) =>
  (await app.inject({ url: `/v1/webhooks/${hook}/deliveries`, headers: { authorization: `Bearer ${admin}` } })).json().deliveries as { id: string; status: string; attempts: number; last_code: number; last_error: string; next_at: string | null }[]

beforeAll(async () => {
  t = await testApp({}, { now: () => now })
  apps.push(t.app)
  admin = (await createToken(t.store, 'admin', 'a')).token
})
afterAll(async () => {
  for (const app of apps) await app.close()
})

it('retries a down receiver with back-off, and delivers every event after a restart, with the same delivery ids', async () => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/hook`
  const created = await t.app.inject({ method: 'POST', url: '/v1/webhooks', headers: { authorization: `Bearer ${admin}` }, payload: { url, secret: SECRET, events: ['flag.opened'] } })
  const hook = created.json().id as string
  await t.app.otklik.webhooks.notify([event('f1'), event('f2'), event('f3')])
  await t.app.otklik.webhooks.runDue()
  const failed = await log(t.app, hook)
  expect(failed).toHaveLength(3)
  for (const d of failed) expect(d).toMatchObject({ status: 'pending', attempts: 1, last_code: 0, last_error: 'ECONNREFUSED', next_at: new Date(T + BACKOFF_MS[0]!).toISOString() })
  await t.app.close()

  // Otklik restarts; the receiver comes up on its address.
  const receiver = await startReceiver(port)
  try {
    now = T + 5_000
    const again = await buildApp({ config: t.config, store: t.store, logger: false, now: () => now })
    apps.push(again)
    await again.otklik.webhooks.runDue()
    expect(receiver.received).toHaveLength(0) // not due yet
    now = T + BACKOFF_MS[0]! + 1
    await again.otklik.webhooks.runDue()
    expect(receiver.received.map((r) => JSON.parse(r.body).flag.id).sort()).toEqual(['f1', 'f2', 'f3'])
    for (const r of receiver.received) {
      expect(r.headers['x-otklik-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(r.body).digest('hex')}`)
      expect(failed.map((d) => d.id)).toContain(r.headers['x-otklik-delivery'])
      expect(JSON.parse(r.body).id).toBe(r.headers['x-otklik-delivery'])
    }
    const delivered = await log(again, hook)
    expect(delivered.map((d) => [d.status, d.attempts, d.last_code])).toEqual(Array(3).fill(['delivered', 2, 204]))
    // Delivered means delivered: nothing is sent twice.
    now += 86_400_000
    await again.otklik.webhooks.runDue()
    expect(receiver.received).toHaveLength(3)
  } finally {
    await receiver.close()
  }
})

it('gives a delivery up after the last back-off, and sends only the events a webhook asked for', async () => {
  const app = apps[apps.length - 1] as FastifyInstance
  const url = `http://127.0.0.1:${await freePort()}/never`
  const hook = (await app.inject({ method: 'POST', url: '/v1/webhooks', headers: { authorization: `Bearer ${admin}` }, payload: { url, secret: SECRET, events: ['flag.verified'] } })).json().id as string
  await app.otklik.webhooks.notify([event('f4'), { ...event('f5'), type: 'flag.verified' }])
  for (let i = 0; i <= BACKOFF_MS.length; i++) {
    await app.otklik.webhooks.runDue()
    now += BACKOFF_MS[i] ?? 0
  }
  expect((await log(app, hook)).map((d) => [d.status, d.attempts])).toEqual([['failed', BACKOFF_MS.length + 1]])
})

it('refuses a webhook URL with credentials or a short secret, and never shows the secret', async () => {
  const app = apps[apps.length - 1] as FastifyInstance
  const post = (payload: object) => app.inject({ method: 'POST', url: '/v1/webhooks', headers: { authorization: `Bearer ${admin}` }, payload })
  expect((await post({ url: 'http://user:pw@example.org/', secret: SECRET })).json().error.message).toContain('must not carry a user name or password')
  expect((await post({ url: 'ftp://example.org/', secret: SECRET })).statusCode).toBe(400)
  expect((await post({ url: 'https://example.org/', secret: 'short' })).json().error.message).toContain('at least 16')
  expect((await post({ url: 'https://example.org/', secret: SECRET, events: ['flag.nope'] })).statusCode).toBe(400)
  const list = await app.inject({ url: '/v1/webhooks', headers: { authorization: `Bearer ${admin}` } })
  expect(list.body).not.toContain(SECRET)
  const [first] = list.json().webhooks as { id: string }[]
  expect((await app.inject({ method: 'DELETE', url: `/v1/webhooks/${first?.id}`, headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(204)
  expect((await app.inject({ method: 'DELETE', url: `/v1/webhooks/${first?.id}`, headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(404)
})
