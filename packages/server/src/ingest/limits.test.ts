/**
 * Limits that hold: the per-IP and the per-site limits both count, events
 * per minute per site, a slow body cut off with 408, and a body over the
 * limit answered with a 413 the client can read.
 */
import { request } from 'node:http'
import { connect } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSite } from '../registry/sites.js'
import { testApp } from '../../test-support/app.js'
import { CHROME_UA, batch, event } from '../../test-support/events.js'
import { inParallel } from '../../test-support/post.js'

const ORIGIN = 'https://gov.example'

describe('per-site limits', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    ;({ app } = await testApp({ RATE_LIMIT: '60', SITE_EVENT_LIMIT: '150' }))
    const { store } = app.otklik
    await createSite(store, { key: 'demo', kind: 'web', name: 'Demo', origins: [ORIGIN] })
    await createSite(store, { key: 'other', kind: 'web', name: 'Other', origins: [ORIGIN] })
    await createSite(store, { key: 'bulk', kind: 'web', name: 'Bulk', origins: [ORIGIN] })
  })
  afterAll(() => app.close())

  const send = (site: string, ip: string, events = 1) =>
    app.inject({
      method: 'POST',
      url: '/v1/events',
      remoteAddress: ip,
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'user-agent': CHROME_UA },
      payload: JSON.stringify(batch(Array.from({ length: events }, () => event()), site)),
    })

  it('70 requests to one site from 70 IPs with RATE_LIMIT=60: the 61st and later are 429 with Retry-After', async () => {
    const codes = await inParallel(Array.from({ length: 70 }, (_, i) => i), 8, async (i) => (await send('demo', `10.9.0.${i}`)).statusCode)
    expect(codes.filter((c) => c === 202)).toHaveLength(60)
    expect(codes.filter((c) => c === 429)).toHaveLength(10)
    const limited = await send('demo', '10.9.1.1')
    expect(limited.json().error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('more than 60 requests') })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    // Another site is not held up by this one.
    expect((await send('other', '10.9.1.2')).statusCode).toBe(202)
  }, 180_000)

  it('the per-IP limit still counts alongside', async () => {
    const codes: number[] = []
    for (let i = 0; i < 61; i++) codes.push((await send('other', '10.8.0.1')).statusCode)
    expect(codes.at(-1)).toBe(429)
  }, 180_000)

  it('a site may send SITE_EVENT_LIMIT events a minute, however few the requests', async () => {
    const codes: number[] = []
    for (let i = 0; i < 3; i++) codes.push((await send('bulk', `10.7.0.${i}`, 60)).statusCode)
    expect(codes).toEqual([202, 202, 429])
    const limited = await send('bulk', '10.7.1.1', 60)
    expect(limited.json().error.message).toContain('more than 150 events')
    // What still fits in the minute is taken.
    expect((await send('bulk', '10.7.1.2', 30)).statusCode).toBe(202)
  })
})

describe('slow and oversized bodies on a listening server', () => {
  let app: FastifyInstance
  let port: number
  beforeAll(async () => {
    ;({ app } = await testApp({ REQUEST_TIMEOUT_MS: '1500' }))
    await createSite(app.otklik.store, { key: 'demo', kind: 'web', name: 'Demo', origins: [ORIGIN] })
    await app.listen({ port: 0, host: '127.0.0.1' })
    port = (app.server.address() as { port: number }).port
  })
  afterAll(() => app.close())

  /** Sends headers announcing `length` bytes, then one byte a second; resolves with what came back and when. */
  function trickle(path: string, length: number, extra = ''): Promise<{ response: string; ms: number }> {
    return new Promise((resolve) => {
      const started = Date.now()
      const socket = connect(port, '127.0.0.1')
      let response = ''
      const timer = setInterval(() => socket.write('{'), 1000)
      socket.on('data', (d) => (response += d.toString()))
      socket.on('close', () => {
        clearInterval(timer)
        resolve({ response, ms: Date.now() - started })
      })
      socket.on('error', () => undefined)
      socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nOrigin: ${ORIGIN}\r\n${extra}Content-Length: ${length}\r\n\r\n`)
    })
  }

  it('a body that trickles in gets 408 and the connection is closed within seconds', async () => {
    const { response, ms } = await trickle('/v1/events', 10_000)
    expect(response).toMatch(/^HTTP\/1.1 408/)
    expect(ms).toBeLessThan(5000)
  }, 15_000)

  it('also on a route that answered 401 before the body arrived', async () => {
    const { response, ms } = await trickle('/v1/sites', 10_000)
    expect(response).toMatch(/^HTTP\/1.1 (401|408)/)
    expect(ms).toBeLessThan(5000)
  }, 15_000)

  it('a 1.5 MB batch, written in chunks as a slow client does, gets a 413 the client can read', async () => {
    const body = Buffer.alloc(1_500_000, 32)
    const answer = await new Promise<{ status?: number; text: string; error?: string }>((resolve) => {
      const req = request(
        { port, host: '127.0.0.1', path: '/v1/events', method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN, 'content-length': body.length } },
        (res) => {
          let text = ''
          res.on('data', (c: Buffer) => (text += c.toString()))
          res.on('end', () => resolve({ status: res.statusCode, text }))
        },
      )
      req.on('error', (err: NodeJS.ErrnoException) => resolve({ text: '', error: err.code }))
      let at = 0
      const next = (): void => {
        if (at >= body.length) return void req.end()
        const more = req.write(body.subarray(at, (at += 64 * 1024)))
        if (more) setTimeout(next, 5)
        else req.once('drain', next)
      }
      next()
    })
    expect(answer.error).toBeUndefined()
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.text).error.code).toBe('body_too_large')
  })
})
