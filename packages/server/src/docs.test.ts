/** The API described: /openapi.json is OpenAPI 3 with every documented route, /docs serves the UI. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../test-support/app.js'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.app.close())

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const
// Fastify `/v1/services/:id` is OpenAPI `/v1/services/{id}`.
const openApiPath = (url: string) => url.replace(/:([A-Za-z_]+)/g, '{$1}').replace(/(.)\/$/, '$1')

describe('API documentation', () => {
  it('/openapi.json is a valid OpenAPI 3 document listing every route that is not hidden', async () => {
    const res = await t.app.inject({ url: '/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json() as { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, { responses?: object }>> }
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/)
    expect(doc.info.title).toBeTruthy()
    expect(doc.info.version).toBeTruthy()
    const documented = t.app.routeList.filter((r) => !r.hidden && r.url !== '/docs' && !r.url.startsWith('/docs/') && r.method !== 'HEAD' && r.method !== 'OPTIONS')
    expect(documented.length).toBeGreaterThan(10)
    for (const r of documented) {
      const path = doc.paths[openApiPath(r.url)]
      expect(path, `${r.method} ${r.url} in /openapi.json`).toBeDefined()
      expect(path?.[r.method.toLowerCase()], `${r.method} ${r.url} in /openapi.json`).toBeDefined()
    }
    // Structurally valid: every operation has responses, every path starts with /.
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path.startsWith('/')).toBe(true)
      for (const m of METHODS) if (item[m]) expect(item[m]?.responses, `${m} ${path}`).toBeDefined()
    }
    // Hidden routes stay out.
    expect(doc.paths['/healthz']).toBeUndefined()
  })

  it('/docs serves the documentation page', async () => {
    const res = await t.app.inject({ url: '/docs' })
    const page = res.statusCode === 302 ? await t.app.inject({ url: String(res.headers.location).startsWith('/') ? String(res.headers.location) : `/docs/${res.headers.location}` }) : res
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
    expect(page.body).toMatch(/swagger/i)
  })
})
