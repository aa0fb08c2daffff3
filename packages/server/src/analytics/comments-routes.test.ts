import { parse } from 'csv-parse/sync'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../storage/store.js'
import { testAppWithTokens } from '../../test-support/app.js'
import { answer, insertRows } from './testing/rows.js'

const T0 = Date.UTC(2025, 5, 2, 9)
const M = 60_000
const WINDOW = `from=2025-06-01&to=2025-06-10`

let app: FastifyInstance
let store: Store
let viewer: string
let analyst: string

beforeAll(async () => {
  ;({ app, store, viewer, analyst } = await testAppWithTokens())
  await insertRows(store, [
    answer('csat', 1, T0 + 1 * M, { comment: 'Долго ждал в очереди' }),
    answer('csat', 2, T0 + 2 * M, { comment: 'Очередь огромная, долго', channel: 'mobile' }),
    answer('csat', 5, T0 + 3 * M, { comment: 'Всё отлично, спасибо' }),
    answer('nps', 3, T0 + 4 * M, { comment: 'Оплата не работает', service: 'beta' }),
    answer('ces', 6, T0 + 5 * M, { comment: '=cmd|calc "формула"' }),
    // Two comments at the same millisecond: the keyset must not lose or repeat either.
    answer('csat', 4, T0 + 6 * M, { comment: 'same ms A' }),
    answer('csat', 4, T0 + 6 * M, { comment: 'same ms B' }),
    answer('csat', 3, T0 + 7 * M),
    answer('csat', 1, T0 - 5 * 86_400_000, { comment: 'too old' }),
  ])
})
afterAll(() => app.close())

const get = (url: string, token: string | null = analyst, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } })

describe('GET /v1/comments', () => {
  it('pages newest first by keyset, each comment once', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await get(`/v1/comments?${WINDOW}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(body.comments.length).toBeLessThanOrEqual(2)
      seen.push(...body.comments.map((c: { comment: string }) => c.comment))
      cursor = body.next_cursor
      pages++
    } while (cursor && pages < 10)
    expect(seen).toHaveLength(7)
    expect(new Set(seen).size).toBe(7)
    expect(seen.slice(0, 2).sort()).toEqual(['same ms A', 'same ms B'])
    expect(seen.slice(2)).toEqual(['=cmd|calc "формула"', 'Оплата не работает', 'Всё отлично, спасибо', 'Очередь огромная, долго', 'Долго ждал в очереди'])
  })

  it('returns the answer with its fields, and takes the filters', async () => {
    const body = (await get(`/v1/comments?${WINDOW}&service=beta`)).json()
    expect(body.comments).toEqual([
      expect.objectContaining({ service: 'beta', metric: 'nps', score: 3, comment: 'Оплата не работает', ts: new Date(T0 + 4 * M).toISOString(), channel: 'web' }),
    ])
    expect(body.next_cursor).toBeNull()
    const mobile = (await get(`/v1/comments?${WINDOW}&channel=mobile`)).json().comments
    expect(mobile.map((c: { comment: string }) => c.comment)).toEqual(['Очередь огромная, долго'])
    const low = (await get(`/v1/comments?${WINDOW}&scores=low&metric=csat`)).json().comments
    expect(low.map((c: { comment: string }) => c.comment)).toEqual(['Очередь огромная, долго', 'Долго ждал в очереди'])
  })

  it('rejects a cursor it did not return with a 400 naming the cursor, never a 500', async () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    for (const bad of [
      'nonsense',
      '%E2%98%83',
      cursor([Date.UTC(2025, 5, 2), '------------------------------------']),
      cursor([Date.UTC(2025, 5, 2), 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz']),
      cursor([Number.MAX_SAFE_INTEGER, '6b0f7a4e-1c1a-4c8e-9a55-3f1f5b6f0c01']),
      cursor([-Number.MAX_SAFE_INTEGER, '6b0f7a4e-1c1a-4c8e-9a55-3f1f5b6f0c01']),
      cursor({ ts: 1, id: 'x' }),
      cursor(null),
      'x'.repeat(500),
    ]) {
      const res = await get(`/v1/comments?${WINDOW}&cursor=${bad}`)
      expect(res.statusCode, bad).toBe(400)
      expect(res.json().error.message, bad).toBe('cursor: not a cursor this API returned; use next_cursor of the previous page')
    }
  })

  it('rejects a bad limit with 400', async () => {
    expect((await get(`/v1/comments?limit=0`)).statusCode).toBe(400)
    expect((await get(`/v1/comments?limit=100000`)).statusCode).toBe(400)
  })

  it('needs the analyst scope', async () => {
    expect((await get(`/v1/comments`, null)).statusCode).toBe(401)
    expect((await get(`/v1/comments`, viewer)).statusCode).toBe(403)
    expect((await get(`/v1/comments/terms`, viewer)).statusCode).toBe(403)
    expect((await get(`/v1/comments.csv`, viewer)).statusCode).toBe(403)
  })

  it('exports the same page as CSV, defusing formulas', async () => {
    const json = (await get(`/v1/comments?${WINDOW}`)).json().comments
    const rows = parse((await get(`/v1/comments.csv?${WINDOW}`)).body, { columns: true }) as Record<string, string>[]
    expect(rows.map((r) => r.id)).toEqual(json.map((c: { id: string }) => c.id))
    expect(rows.find((r) => r.metric === 'ces')?.comment).toBe('\'=cmd|calc "формула"')
  })
})

describe('GET /v1/comments/terms', () => {
  it('counts the terms of low-score comments per service', async () => {
    const body = (await get(`/v1/comments/terms?${WINDOW}`)).json()
    expect(body.scores).toBe('low')
    const alpha = body.services.find((s: { service: string }) => s.service === 'alpha')
    expect(alpha.comments).toBe(3)
    // The CES 6 comment is a complaint too; ties are ordered by term.
    expect(alpha.terms).toEqual([
      { term: 'долго', count: 2 },
      { term: 'calc', count: 1 },
      { term: 'cmd', count: 1 },
      { term: 'ждал', count: 1 },
      { term: 'огромная', count: 1 },
      { term: 'очереди', count: 1 },
      { term: 'очередь', count: 1 },
      { term: 'формула', count: 1 },
    ])
    const beta = body.services.find((s: { service: string }) => s.service === 'beta')
    expect(beta.terms).toEqual([
      { term: 'не работает', count: 1 },
      { term: 'оплата', count: 1 },
    ])
  })
})
