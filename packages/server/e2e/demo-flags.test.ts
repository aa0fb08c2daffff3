import { afterAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { seedDemo } from '../src/demo/seed.js'
import { INSUFFICIENT_SERVICE, PLANTED, WINDOW_DAYS } from '../src/demo/planted.js'
import { createToken } from '../src/registry/tokens.js'
import { startServer, type RunningServer } from '../src/server.js'
import { testConfig, testStore } from '../test-support/app.js'

// The README's table of planted problems is a promise for any day the demo
// is loaded: the flags of the 28 days ending where the demo ends name exactly
// those problems, whatever the weekday, the month or the year.
const DAY = 86_400_000
const ADMIN = 'demo-flags-admin-token-0123456789'

interface Flag {
  service: string
  rule: string
  step?: string
  dimension?: string
  group?: string
  explanation: string
}
interface FlagsBody {
  flags: Flag[]
  insufficient: { service: string }[]
  ranking: { service: string }[]
}

type Get = (path: string, language: string) => Promise<{ status: number; body: FlagsBody }>

const byKey = (a: { service: string; rule: string }, b: { service: string; rule: string }) => `${a.service}/${a.rule}`.localeCompare(`${b.service}/${b.rule}`)

async function expectPlanted(get: Get, path: string): Promise<void> {
  const { status, body } = await get(path, 'en')
  expect(status).toBe(200)
  const found = body.flags.map(({ service, rule, step, dimension, group }) => ({ service, rule, ...(step ? { step } : {}), ...(dimension ? { dimension, group } : {}) }))
  expect(found.sort(byKey)).toEqual([...PLANTED].sort(byKey))
  for (const f of body.flags) expect(f.explanation).toMatch(/\d/)
  expect(body.insufficient.map((i) => i.service)).toContain(INSUFFICIENT_SERVICE)
  expect(new Set(body.ranking.map((r) => r.service))).toEqual(new Set(PLANTED.map((p) => p.service)))
  const ru = await get(path, 'ru-RU,ru;q=0.9')
  expect(ru.body.flags[0]?.explanation).toMatch(/[а-яё]/i)
}

describe('a first start with demo data', () => {
  // A Saturday morning, mid-month: the clock is injected, never the wall clock.
  const now = Date.parse('2026-11-28T09:30:00Z')
  let server: RunningServer
  afterAll(() => server?.close())

  it('flags exactly the planted problems over the default window, each explained with its numbers', async () => {
    server = await startServer({ ...testConfig({ OTKLIK_ADMIN_TOKEN: ADMIN, OTKLIK_DEMO: '1' }), port: 0 }, () => {}, () => now)
    await expectPlanted(async (path, language) => {
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${ADMIN}`, 'accept-language': language } })
      return { status: res.status, body: (await res.json()) as FlagsBody }
    }, '/v1/flags')
  }, 300_000)

  it('the demo flags are cases: opened by the evaluation at start, and a manager resolves one for the public to see', async () => {
    const auth = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }
    const evaluated = await fetch(`${server.url}/v1/flags/evaluate`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}` } })
    expect(evaluated.status).toBe(200)
    const body = (await (await fetch(`${server.url}/v1/flags`, { headers: auth })).json()) as { flags: (Flag & { id: string; status: string; owner: { contact: string } | null })[] }
    expect(body.flags.map((f) => f.status)).toEqual(body.flags.map(() => 'open'))
    const flag = body.flags[0] as (typeof body.flags)[number]
    expect(flag.owner?.contact).toMatch(/@example\.org$/)
    const move = (status: object) => fetch(`${server.url}/v1/flags/${flag.id}/status`, { method: 'POST', headers: auth, body: JSON.stringify(status) })
    expect((await move({ status: 'acknowledged' })).status).toBe(200)
    expect((await move({ status: 'in_progress', note: 'Simplify the form', due: new Date(now + 7 * DAY).toISOString() })).status).toBe(200)
    expect((await move({ status: 'resolved', note: 'The form was simplified' })).status).toBe(200)
    const actions = (await (await fetch(`${server.url}/v1/open/actions.json`)).json()) as { actions: { id: string; done: string; before: { value: number | null }; after: unknown }[] }
    expect(actions.actions).toEqual([expect.objectContaining({ id: flag.id, done: 'The form was simplified', after: null })])
    expect(actions.actions[0]?.before.value).not.toBeNull()
  }, 300_000)
})

// The demo's randomness depends on its end only through the weekday of 12
// hours before it (src/demo/seed.test.ts), so the first start above (a Friday
// stream) and these six cover every portfolio the demo can make: any date.
describe.each([
  ['2026-06-02', 'Monday', 'early summer'],
  ['2026-06-03', 'Tuesday', 'a day later'],
  ['2026-01-01', 'Wednesday', 'at a year\'s end'],
  ['2026-06-05', 'Thursday', 'two days later'],
  ['2027-01-31', 'Saturday', 'a month\'s end'],
  ['2026-03-16', 'Sunday', 'its window across February'],
])('demo data ending on %s (the %s stream, %s)', (end) => {
  it('is flagged with exactly the planted problems over the 28 days ending there', async () => {
    const to = Date.parse(`${end}T00:00:00Z`)
    const config = testConfig()
    const store = await testStore(config)
    await seedDemo(store, { now: to })
    // The app's clock is elsewhere on purpose: the explicit window decides.
    const app = await buildApp({ config, store, logger: false, now: () => to + 400 * DAY })
    const token = (await createToken(store, 'viewer', 'demo-flags')).token
    try {
      const from = new Date(to - WINDOW_DAYS * DAY).toISOString().slice(0, 10)
      await expectPlanted(async (path, language) => {
        const res = await app.inject({ url: path, headers: { authorization: `Bearer ${token}`, 'accept-language': language } })
        return { status: res.statusCode, body: res.json<FlagsBody>() }
      }, `/v1/flags?from=${from}&to=${end}`)
    } finally {
      await app.close()
    }
  }, 300_000)
})
