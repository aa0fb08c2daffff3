import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../test-support/app.js'
import { answer, batch, event } from '../../test-support/events.js'
import { createSite } from '../registry/sites.js'

let app: FastifyInstance
beforeAll(async () => {
  const t = await testApp()
  app = t.app
  await createSite(t.store, { key: 'demo', kind: 'web', name: 'Demo', origins: ['https://gov.example'] })
})
afterAll(() => app.close())

describe('operations endpoints', () => {
  it('/healthz says the process is alive', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' })
  })

  it('/readyz reports storage, spool depth, whether it can be written and the age of its oldest block', async () => {
    const res = await app.inject('/readyz')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ready', storage: 'ok', spool: { blocks: 0, writable: true, oldest_block_age_s: null } })
  })

  it('/metrics exposes accepted and rejected events, insert blocks and latency, spool depth', async () => {
    await app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { 'content-type': 'application/json', origin: 'https://gov.example' },
      payload: JSON.stringify(batch([event(), answer(5), answer(11)])),
    })
    const res = await app.inject('/metrics')
    expect(res.headers['content-type']).toMatch(/^text\/plain/)
    const text = res.body
    expect(text).toMatch(/^otklik_events_accepted_total 2$/m)
    expect(text).toMatch(/^otklik_events_rejected_total\{reason="invalid_score"\} 1$/m)
    expect(text).toMatch(/^otklik_insert_batches_total\{outcome="inserted"\} 1$/m)
    expect(text).toMatch(/^otklik_insert_duration_seconds_count 1$/m)
    expect(text).toMatch(/^otklik_spool_blocks 0$/m)
  })

  it('unknown routes get a coded 404', async () => {
    const res = await app.inject('/nope?token=secret')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'no route GET /nope' } })
  })

  it('/openapi.json documents the ingestion endpoint from the zod schemas', async () => {
    const doc = (await app.inject('/openapi.json')).json()
    expect(doc.openapi).toMatch(/^3\./)
    // The batch is a named component; its JSON and text/plain bodies both refer to it.
    const ref = doc.paths['/v1/events'].post.requestBody.content['application/json'].schema.$ref as string
    expect(doc.paths['/v1/events'].post.requestBody.content['text/plain'].schema.$ref).toBe(ref)
    const body = doc.components.schemas[ref.replace('#/components/schemas/', '')]
    expect(body.properties.events.maxItems).toBe(100)
    expect(body.required).toEqual(expect.arrayContaining(['site', 'events']))
  })
})
