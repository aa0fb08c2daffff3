import { afterAll, beforeAll, expect, it } from 'vitest'
import { INSUFFICIENT_SERVICE, PLANTED } from '../src/demo/planted.js'
import { startServer, type RunningServer } from '../src/server.js'
import { testConfig } from '../test-support/app.js'

// The "done when": a fresh start with demo data, and the flags name
// exactly the planted problems, with explanations, in the manager's language.
const ADMIN = 'demo-flags-admin-token-0123456789'
let server: RunningServer

beforeAll(async () => {
  server = await startServer({ ...testConfig({ OTKLIK_ADMIN_TOKEN: ADMIN, OTKLIK_DEMO: '1' }), port: 0 }, () => {})
}, 180_000)
afterAll(() => server.close())

interface Flag {
  service: string
  rule: string
  step?: string
  dimension?: string
  group?: string
  explanation: string
}

const flags = async (language: string) => {
  const res = await fetch(`${server.url}/v1/flags`, { headers: { authorization: `Bearer ${ADMIN}`, 'accept-language': language } })
  expect(res.status).toBe(200)
  return (await res.json()) as { flags: Flag[]; insufficient: { service: string }[]; ranking: { service: string }[] }
}

it('a fresh start with demo data flags exactly the planted problems, each explained with its numbers', async () => {
  const body = await flags('en')
  const found = body.flags.map(({ service, rule, step, dimension, group }) => ({ service, rule, ...(step ? { step } : {}), ...(dimension ? { dimension, group } : {}) }))
  const byKey = (a: { service: string; rule: string }, b: { service: string; rule: string }) => `${a.service}/${a.rule}`.localeCompare(`${b.service}/${b.rule}`)
  expect(found.sort(byKey)).toEqual([...PLANTED].sort(byKey))
  for (const f of body.flags) expect(f.explanation).toMatch(/\d/)
  expect(body.insufficient.map((i) => i.service)).toContain(INSUFFICIENT_SERVICE)
  expect(new Set(body.ranking.map((r) => r.service))).toEqual(new Set(PLANTED.map((p) => p.service)))

  const ru = await flags('ru-RU,ru;q=0.9')
  expect(ru.flags[0]?.explanation).toMatch(/[а-яё]/i)
})

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
  expect((await move({ status: 'in_progress', note: 'Simplify the form', due: new Date(Date.now() + 7 * 86_400_000).toISOString() })).status).toBe(200)
  expect((await move({ status: 'resolved', note: 'The form was simplified' })).status).toBe(200)
  const actions = (await (await fetch(`${server.url}/v1/open/actions.json`)).json()) as { actions: { id: string; done: string; before: { value: number | null }; after: unknown }[] }
  expect(actions.actions).toEqual([expect.objectContaining({ id: flag.id, done: 'The form was simplified', after: null })])
  expect(actions.actions[0]?.before.value).not.toBeNull()
})
