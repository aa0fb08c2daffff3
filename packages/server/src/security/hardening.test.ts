/** Security headers, no-store on authenticated answers, HSTS, METRICS_TOKEN, instant revocation and readiness. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.js'
import { createToken } from '../registry/tokens.js'
import { createStore } from '../storage/store.js'
import { testApp, testConfig } from '../../test-support/app.js'

describe('headers', () => {
  let app: FastifyInstance
  let admin: string
  beforeAll(async () => {
    ;({ app } = await testApp({ METRICS_TOKEN: 'metrics-token-of-16+' }))
    admin = (await createToken(app.otklik.store, 'admin', 'a')).token
  })
  afterAll(() => app.close())

  it('every answer says nosniff, no referrer, no framing, and a CSP that allows nothing for API answers', async () => {
    for (const url of ['/healthz', '/v1/metrics/services', '/no-such-route']) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' })
      expect(res.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'")
      expect(res.headers['strict-transport-security']).toBeUndefined()
    }
  })

  it('the docs have a CSP of their own that lets their page work', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/)
    // Plain http (no HSTS): no upgrade of the page's scripts to https.
    expect(res.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/)
  })

  it('the SDK may be loaded by other origins', async () => {
    const res = await app.inject({ method: 'GET', url: '/sdk.js' })
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin')
  })

  it('answers to requests with a token are never cached', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/sites', headers: { authorization: `Bearer ${admin}` } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('a revoked token stops working at once', async () => {
    const viewer = await createToken(app.otklik.store, 'viewer', 'v')
    const use = () => app.inject({ method: 'GET', url: '/v1/metrics/services', headers: { authorization: `Bearer ${viewer.token}` } })
    expect((await use()).statusCode).toBe(200)
    expect((await app.inject({ method: 'DELETE', url: `/v1/tokens/${viewer.id}`, headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(204)
    expect((await use()).statusCode).toBe(401)
  })

  it('/metrics needs METRICS_TOKEN when it is set', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401)
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-of-16+' } })).statusCode).toBe(401)
    const ok = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer metrics-token-of-16+' } })
    expect(ok.statusCode).toBe(200)
    expect(ok.body).toContain('otklik_events_accepted_total')
  })
})

it('HSTS is sent when HSTS=true', async () => {
  const { app } = await testApp({ HSTS: 'true' })
  const res = await app.inject({ method: 'GET', url: '/healthz' })
  expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
  await app.close()
})

it('/readyz is ready while events can be spooled, and not once they can be stored nowhere; it reports the oldest block', async () => {
  // ClickHouse that nobody answers on, a real client to it.
  const config = { ...testConfig(), clickhouse: { database: 'otklik', url: 'http://127.0.0.1:9' } }
  mkdirSync(join(config.dataDir, 'spool'))
  writeFileSync(join(config.dataDir, 'spool', '001700000000000-1-000000.ndjson'), '{"id":"x"}\n')
  const app = await buildApp({ config, store: createStore(config), logger: false })
  try {
    const ready = await app.inject({ method: 'GET', url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toMatchObject({ status: 'ready', storage: 'unreachable', spool: { blocks: 1, writable: true } })
    expect(ready.json().spool.oldest_block_age_s).toBeGreaterThan(0)
    // The spool directory gone and a file in its place: nothing can be written.
    rmSync(join(config.dataDir, 'spool'), { recursive: true })
    writeFileSync(join(config.dataDir, 'spool'), '')
    const down = await app.inject({ method: 'GET', url: '/readyz' })
    expect(down.statusCode).toBe(503)
    expect(down.json()).toMatchObject({ status: 'events cannot be stored', spool: { writable: false } })
  } finally {
    await app.close()
  }
})
