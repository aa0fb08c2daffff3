/**
 * The API described: /openapi.json is a valid OpenAPI 3.1 document (two
 * maintained validators agree), says what every operation needs and
 * answers, and every route's real answers, success and error, match it.
 */
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { validate } from '@readme/openapi-parser'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answer, batch, event } from '../test-support/events.js'
import { testApp, type TestApp } from '../test-support/app.js'
import { DEMO_SDK } from './demo/generate.js'
import { createToken } from './registry/tokens.js'

const ADMIN = 'docs-test-admin-token-0123456789'
const ORIGIN = 'https://pages.example'
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

interface Operation {
  operationId?: string
  security?: Record<string, string[]>[]
  description?: string
  requestBody?: { content: Record<string, unknown> }
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>
}
interface Doc {
  openapi: string
  info: { title: string; version: string }
  paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>
  components: { schemas: Record<string, unknown> }
}

let t: TestApp
let doc: Doc
let viewer: string
let site: string
beforeAll(async () => {
  t = await testApp({ OTKLIK_ADMIN_TOKEN: ADMIN })
  viewer = (await createToken(t.store, 'viewer', 'docs')).token
  doc = (await t.app.inject({ url: '/openapi.json' })).json()
  site = (
    await t.app.inject({ method: 'POST', url: '/v1/sites', headers: auth(ADMIN), payload: { name: 'Docs', origins: [ORIGIN] } })
  ).json<{ site: { key: string } }>().site.key
})
afterAll(() => t.app.close())

const auth = (token: string) => ({ authorization: `Bearer ${token}` })
// Fastify `/v1/services/:id` is OpenAPI `/v1/services/{id}`.
const openApiPath = (url: string) => url.replace(/:([A-Za-z_]+)/g, '{$1}').replace(/(.)\/$/, '$1')
const documentedRoutes = () =>
  t.app.routeList.filter((r) => !r.hidden && r.url !== '/docs' && !r.url.startsWith('/docs/') && r.method !== 'HEAD' && r.method !== 'OPTIONS')
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) => METHODS.flatMap((m) => (item[m] ? [{ key: `${m.toUpperCase()} ${path}`, op: item[m]! }] : [])))

describe('the document', () => {
  it('lists every route that is not hidden', () => {
    expect(doc.openapi).toBe('3.1.0')
    const routes = documentedRoutes()
    expect(routes.length).toBeGreaterThan(30)
    for (const r of routes) expect(doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase() as 'get'], `${r.method} ${r.url}`).toBeDefined()
    for (const path of ['/healthz', '/readyz', '/v1/events', '/v1/open/services.csv', '/v1/metrics/services.csv']) expect(doc.paths[path], path).toBeDefined()
  })

  it('is valid for @readme/openapi-parser', async () => {
    const result = await validate(structuredClone(doc) as never)
    expect(result.valid ? [] : result.errors).toEqual([])
  })

  it('has no errors for redocly lint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-openapi-'))
    try {
      const file = join(dir, 'openapi.json')
      writeFileSync(file, JSON.stringify(doc, null, 2))
      const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js')
      let out: string
      try {
        out = execFileSync(process.execPath, [cli, 'lint', file, '--format=json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      } catch (err) {
        // Exit code 1 when there are errors; the report is still on stdout.
        out = String((err as { stdout?: string }).stdout)
      }
      const problems = (JSON.parse(out) as { problems: { severity: string; ruleId: string; message: string; location: { pointer: string }[] }[] }).problems
      const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)
      expect(errors).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it('gives every protected operation bearer security and its scope, and every public one none', () => {
    const access = new Map(documentedRoutes().map((r) => [`${r.method} ${openApiPath(r.url)}`, r.access]))
    const protectedOps = operations().filter(({ key }) => access.get(key) !== 'public')
    expect(protectedOps.length).toBeGreaterThan(20)
    for (const { key, op } of operations()) {
      const need = access.get(key)
      if (need === 'public') {
        expect(op.security, key).toEqual([])
      } else {
        expect(op.security, key).toEqual([{ bearer: [] }])
        expect(op.description, key).toContain(`\`${need}\` scope`)
        expect(Object.keys(op.responses), key).toEqual(expect.arrayContaining(['401', '403']))
      }
    }
  })

  it('names every operation once, for generated clients', () => {
    const ids = operations().map(({ op }) => op.operationId)
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(doc.paths['/v1/services/{id}']?.put?.operationId).toBe('putServicesById')
  })

  it('documents the error answers of every operation with the one ErrorBody', () => {
    for (const { key, op } of operations()) {
      const errors = Object.entries(op.responses).filter(([status]) => /^[45]/.test(status))
      expect(errors.length, key).toBeGreaterThan(0)
      for (const [status, r] of errors) {
        if (key === 'GET /readyz' && status === '503') continue
        expect(r.content?.['application/json']?.schema, `${key} ${status}`).toEqual({ $ref: '#/components/schemas/ErrorBody' })
      }
    }
    expect(doc.components.schemas.ErrorBody).toBeDefined()
  })

  it('names the media types: text/plain for ingestion, CSV for exports, named schemas as components', () => {
    const ingest = doc.paths['/v1/events']?.post
    expect(Object.keys(ingest?.requestBody?.content ?? {})).toEqual(['application/json', 'text/plain'])
    expect(Object.keys(doc.paths['/v1/metrics/services']?.get?.responses['200']?.content ?? {})).toEqual(['application/json', 'text/csv'])
    expect(Object.keys(doc.paths['/v1/metrics/services.csv']?.get?.responses['200']?.content ?? {})).toEqual(['text/csv'])
    expect(Object.keys(doc.paths['/v1/open/services.csv']?.get?.responses['200']?.content ?? {})).toEqual(['text/csv'])
    expect(doc.paths['/v1/flags']?.get?.responses['200']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/FlagsReport' })
    // Only the variants the operations use: the list of agencies is never a request.
    expect(doc.components.schemas.AgencyListInput).toBeUndefined()
    for (const name of ['EventInput', 'EventBatchInput', 'ServicesReport', 'FlagsReport', 'CommentsPage', 'Service', 'Site', 'Token', 'OpenData', 'ImportChunkResult']) {
      expect(doc.components.schemas[name], name).toBeDefined()
    }
  })
})

describe('every route answers what the document says', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  let added = false
  const seen = new Map<string, Set<string>>()

  /** The operation of a request: its path template matched against the URL. */
  function operationOf(method: string, url: string): { key: string; op: Operation; pointer: string } {
    const path = url.split('?')[0]!
    for (const [template, item] of Object.entries(doc.paths)) {
      const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`)
      const op = item[method.toLowerCase() as 'get']
      if (op && re.test(path)) return { key: `${method} ${template}`, op, pointer: `#/paths/${template.replaceAll('~', '~0').replaceAll('/', '~1')}/${method.toLowerCase()}` }
    }
    throw new Error(`${method} ${path} is not in the document`)
  }

  /** Sends a request and checks its status, media type and body against the document. */
  async function check(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, opts: { token?: string; payload?: unknown; headers?: Record<string, string> } = {}) {
    if (!added) {
      ajv.addSchema(doc as object, 'openapi.json')
      added = true
    }
    const res: LightMyRequestResponse = await t.app.inject({
      method,
      url,
      headers: { ...(opts.token ? auth(opts.token) : {}), ...opts.headers },
      ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}),
    })
    const { key, op, pointer } = operationOf(method, url)
    const name = `${method} ${url} → ${res.statusCode}`
    const status = String(res.statusCode)
    expect(Object.keys(op.responses), `${name}: status documented`).toContain(status)
    const content = op.responses[status]?.content
    const type = String(res.headers['content-type'] ?? '').split(';')[0]!
    if (!content) {
      expect(res.body, `${name}: no body`).toBe('')
    } else {
      expect(Object.keys(content), `${name}: media type documented`).toContain(type)
      if (type === 'application/json') {
        const ok = ajv.validate({ $ref: `openapi.json${pointer}/responses/${status}/content/application~1json/schema` }, res.json())
        expect(ok, `${name}: ${ajv.errorsText(ajv.errors)}\n${res.body.slice(0, 500)}`).toBe(true)
      }
    }
    const kinds = seen.get(key) ?? new Set<string>()
    kinds.add(res.statusCode < 400 ? 'success' : 'error')
    seen.set(key, kinds)
    return res
  }

  it('ingestion, sites and tokens', async () => {
    const events = [event(), event({ type: 'survey_response', metric: 'csat', score: 5, comment: 'Всё понятно', step: undefined, journey: undefined })]
    await check('POST', '/v1/events', { payload: batch(events, site), headers: { origin: ORIGIN } })
    await check('POST', '/v1/events', { payload: JSON.stringify(batch([event()], site)), headers: { origin: ORIGIN, 'content-type': 'text/plain' } })
    await check('POST', '/v1/events', { payload: batch([event({ score: 3 })], site), headers: { origin: ORIGIN } })
    await check('POST', '/v1/events', { payload: batch([event()], site), headers: { origin: 'https://elsewhere.example' } })
    await check('POST', '/v1/events', { payload: batch([event()], 'no-such-site'), headers: { origin: ORIGIN } })
    await check('POST', '/v1/events', { payload: 'not json', headers: { origin: ORIGIN, 'content-type': 'text/plain' } })
    await check('POST', '/v1/events', { payload: '<x/>', headers: { origin: ORIGIN, 'content-type': 'application/xml' } })
    await t.app.otklik.committer.flush()

    await check('GET', '/v1/sites', { token: ADMIN })
    await check('GET', '/v1/sites', { token: viewer })
    await check('GET', `/v1/sites/${site}`, { token: ADMIN })
    await check('GET', '/v1/sites/nope', { token: ADMIN })
    await check('POST', '/v1/sites', { token: ADMIN, payload: { kind: 'app', name: 'Kiosk', key: 'kiosk-1' } })
    await check('POST', '/v1/sites', { token: ADMIN, payload: { kind: 'app', name: 'Kiosk', key: 'kiosk-1' } })
    await check('POST', '/v1/sites', { token: ADMIN, payload: { name: 'No origins' } })
    await check('GET', '/v1/tokens', { token: ADMIN })
    await check('GET', '/v1/tokens')
    const created = await check('POST', '/v1/tokens', { token: ADMIN, payload: { scope: 'analyst', name: 'docs' } })
    await check('POST', '/v1/tokens', { token: ADMIN, payload: { scope: 'root' } })
    await check('DELETE', `/v1/tokens/${created.json<{ id: string }>().id}`, { token: ADMIN })
    await check('DELETE', '/v1/tokens/nope', { token: ADMIN })
  })

  it('the catalogue and the registry import', async () => {
    await check('PUT', '/v1/agencies/mvd', { token: ADMIN, payload: { name_ru: 'МВД' } })
    await check('PUT', '/v1/agencies/mvd', { token: ADMIN, payload: { name_ru: 'МВД России' } })
    await check('PUT', '/v1/agencies/mvd', { token: ADMIN, payload: { name_ru: '' } })
    await check('GET', '/v1/agencies', { token: viewer })
    await check('GET', '/v1/agencies')
    await check('GET', '/v1/agencies/mvd', { token: viewer })
    await check('GET', '/v1/agencies/none', { token: viewer })
    await check('PUT', '/v1/life-situations/birth-of-child', { token: ADMIN, payload: { name_ru: 'Рождение ребёнка' } })
    await check('PUT', '/v1/life-situations/birth-of-child', { token: viewer, payload: { name_ru: 'Рождение ребёнка' } })
    await check('GET', '/v1/life-situations', { token: viewer })
    await check('GET', '/v1/life-situations', { token: 'otk_wrong' })
    await check('GET', '/v1/life-situations/birth-of-child', { token: viewer })
    await check('GET', '/v1/life-situations/none', { token: viewer })
    await check('PUT', '/v1/services/passport-rf', { token: ADMIN, payload: { name_ru: 'Паспорт', agency: 'mvd', life_situations: ['birth-of-child'], targets: { csat: 0.9 } } })
    await check('PUT', '/v1/services/passport-rf', { token: ADMIN, payload: { name_ru: 'Паспорт РФ', agency: 'mvd' } })
    await check('PUT', '/v1/services/passport-rf', { token: ADMIN, payload: { name_ru: 'Паспорт', targets: { csat: 2 } } })
    await check('GET', '/v1/services', { token: viewer })
    await check('GET', '/v1/services?agency=mvd', { token: viewer })
    await check('GET', '/v1/services?agency=!!', { token: viewer })
    await check('GET', '/v1/services/passport-rf', { token: viewer })
    await check('GET', '/v1/services/none', { token: viewer })
    await check('POST', '/v1/registry/import', { token: ADMIN, payload: { services: [{ id: 'tax', name_ru: 'Налог' }, { id: '' }] } })
    await check('POST', '/v1/registry/import', { token: ADMIN, payload: { unknown: [] } })
    await check('PUT', '/v1/services/tax', { token: ADMIN, payload: { name_ru: 'Налог' } })
    await check('DELETE', '/v1/services/tax', { token: ADMIN })
    await check('DELETE', '/v1/services/tax', { token: ADMIN })
    await check('PUT', '/v1/agencies/gone', { token: ADMIN, payload: { name_ru: 'Нет' } })
    await check('DELETE', '/v1/agencies/gone', { token: ADMIN })
    await check('DELETE', '/v1/agencies/gone', { token: ADMIN })
    await check('PUT', '/v1/life-situations/gone', { token: ADMIN, payload: { name_ru: 'Нет' } })
    await check('DELETE', '/v1/life-situations/gone', { token: ADMIN })
    await check('DELETE', '/v1/life-situations/gone', { token: viewer })
  })

  it('metrics, flags and comments, as JSON and CSV', async () => {
    const reports = ['services', 'timeseries', 'breakdown?by=device', 'distribution', 'funnel', 'durations', 'volumes'].map((r) => `/v1/metrics/${r}`)
    for (const url of [...reports, '/v1/flags', '/v1/comments', '/v1/comments/terms']) {
      const [path, query = ''] = url.split('?')
      const q = query ? `?${query}` : ''
      await check('GET', url, { token: ADMIN })
      await check('GET', `${path}${q}${q ? '&' : '?'}format=csv`, { token: ADMIN })
      await check('GET', `${path}.csv${q}`, { token: ADMIN })
      await check('GET', `${path}.csv${q}`, { token: viewer })
      await check('GET', `${path}${q}${q ? '&' : '?'}from=yesterday`, { token: ADMIN })
      await check('GET', url)
    }
    await check('GET', '/v1/metrics/timeseries?bucket=week', { token: viewer })
    await check('GET', '/v1/metrics/breakdown', { token: viewer })
    await check('GET', '/v1/comments?format=csv', { token: viewer })
    await check('GET', '/v1/comments?cursor=not-a-cursor', { token: ADMIN })
  })

  it('open data, admin loads and operations', async () => {
    await check('GET', '/v1/open/services.json')
    await check('GET', '/v1/open/services.json?k=2')
    await check('GET', '/v1/open/services.csv')
    await check('GET', '/v1/open/services.csv?from=2025-13')
    await check('POST', '/v1/admin/import', { token: ADMIN, payload: { site: 'import', events: [event({ ts: Date.now() - 86_400_000 }), { id: 'x' }] } })
    await check('POST', '/v1/admin/import', { token: ADMIN, payload: { events: [] } })
    await check('POST', '/v1/admin/import', { token: viewer, payload: { events: [event()] } })
    // A demo event present already: the seed answers at once that it added nothing.
    await check('POST', '/v1/events', { payload: { ...batch([event()], site), sdk: DEMO_SDK }, headers: { origin: ORIGIN } })
    await t.app.otklik.committer.flush()
    await check('POST', '/v1/admin/demo-seed', { token: ADMIN })
    await check('POST', '/v1/admin/demo-seed', { token: viewer })
    await check('GET', '/healthz')
    await check('GET', '/readyz')
  })

  it('me, excluded answers, erase, flag cases, webhooks and actions', async () => {
    await check('GET', '/v1/me', { token: viewer })
    await check('GET', '/v1/me')
    await check('GET', '/v1/metrics/excluded', { token: viewer })
    await check('GET', '/v1/metrics/excluded?from=yesterday', { token: viewer })
    await check('GET', '/v1/admin/excluded', { token: ADMIN })
    await check('GET', '/v1/admin/excluded', { token: viewer })
    await check('POST', '/v1/admin/excluded/reinstate', { token: ADMIN, payload: { ids: ['00000000-0000-4000-8000-000000000001'] } })
    await check('POST', '/v1/admin/excluded/reinstate', { token: ADMIN, payload: { ids: [] } })
    await check('POST', '/v1/admin/erase', { token: ADMIN, payload: { site: 'nothing-here' } })
    await check('POST', '/v1/admin/erase', { token: ADMIN, payload: {} })
    // Plainly unhappy answers (imported, so trusted) make one flag fire: a flag's own routes then answer success too.
    const unhappy = Array.from({ length: 150 }, () => answer(1, { service: 'passport-rf', session: randomUUID(), ts: t.app.otklik.now() - 3_600_000 }))
    expect((await t.app.inject({ method: 'POST', url: '/v1/admin/import', headers: { authorization: `Bearer ${ADMIN}` }, payload: { site, events: unhappy } })).statusCode).toBe(200)
    await check('POST', '/v1/flags/evaluate', { token: ADMIN })
    await check('POST', '/v1/flags/evaluate', { token: viewer })
    const fired = (await t.app.inject({ url: '/v1/flags', headers: { authorization: `Bearer ${viewer}` } })).json<{ flags: { id: string }[] }>().flags[0]?.id
    expect(fired).toMatch(/^f[0-9a-f]{15}$/)
    await check('POST', `/v1/flags/${fired}/status`, { token: ADMIN, payload: { status: 'acknowledged', note: 'seen' } })
    await check('GET', `/v1/flags/${fired}/history`, { token: viewer })
    await check('GET', '/v1/flags/f0123456789abcdef/history', { token: viewer })
    await check('GET', '/v1/flags/not-an-id/history', { token: viewer })
    await check('POST', '/v1/flags/f0123456789abcdef/status', { token: ADMIN, payload: { status: 'acknowledged' } })
    await check('POST', '/v1/flags/f0123456789abcdef/status', { token: ADMIN, payload: { status: 'nonsense' } })
    const hook = await check('POST', '/v1/webhooks', { token: ADMIN, payload: { url: 'https://hooks.example.org/otklik', secret: 'a-secret-of-sixteen-chars' } })
    await check('POST', '/v1/webhooks', { token: ADMIN, payload: { url: 'not a url', secret: 'short' } })
    await check('GET', '/v1/webhooks', { token: ADMIN })
    await check('GET', '/v1/webhooks', { token: viewer })
    const id = (hook.json() as { id: string }).id
    await check('GET', `/v1/webhooks/${id}/deliveries`, { token: ADMIN })
    await check('GET', '/v1/webhooks/no-such-hook/deliveries', { token: ADMIN })
    await check('DELETE', `/v1/webhooks/${id}`, { token: ADMIN })
    await check('DELETE', `/v1/webhooks/${id}`, { token: ADMIN })
    await check('GET', '/v1/open/actions.json')
    await check('GET', '/v1/open/actions.json?k=2')
    await check('GET', '/v1/open/actions.csv')
    await check('GET', '/v1/open/actions.csv?k=2')
  })

  it('the check can fail: a body that breaks the schema is refused', () => {
    const flags = { $ref: 'openapi.json#/paths/~1v1~1flags/get/responses/200/content/application~1json/schema' }
    expect(ajv.validate(flags, { window: { from: 'a', to: 'b' } })).toBe(false)
    const error = { $ref: 'openapi.json#/components/schemas/ErrorBody' }
    expect(ajv.validate(error, { error: { code: 'x', message: 'y' } })).toBe(true)
    expect(ajv.validate(error, { error: { code: 'x' } })).toBe(false)
  })

  it('covered every operation, each with a success and (where a client can cause one) an error', () => {
    const noClientError = new Set(['GET /healthz', 'GET /readyz'])
    for (const { key } of operations()) {
      expect([...(seen.get(key) ?? [])].sort(), key).toEqual(noClientError.has(key) ? ['success'] : ['error', 'success'])
    }
  })
})

it('/docs serves the documentation page', async () => {
  const res = await t.app.inject({ url: '/docs' })
  const page = res.statusCode === 302 ? await t.app.inject({ url: String(res.headers.location).startsWith('/') ? String(res.headers.location) : `/docs/${res.headers.location}` }) : res
  expect(page.statusCode).toBe(200)
  expect(page.headers['content-type']).toMatch(/text\/html/)
  expect(page.body).toMatch(/swagger/i)
})
