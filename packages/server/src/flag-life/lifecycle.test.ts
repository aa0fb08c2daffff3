/**
 * The first test: a planted problem opens a flag at an evaluation
 * and a signed webhook arrives; acknowledging, planning and resolving it is
 * recorded; two quiet windows after the fix verify it, while a problem that
 * returns reopens its flag with an alert. Time is an injected clock.
 */
import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../test-support/app.js'
import { startReceiver, type Receiver } from '../../test-support/receiver.js'
import { addService, insertRows } from '../analytics/testing/rows.js'
import { HEALTHY, generateService, rng, spec } from '../analytics/testing/portfolio.js'
import { createToken } from '../registry/tokens.js'

const D = 86_400_000
const L = 28 * D
const T0 = Date.UTC(2025, 2, 1)
const R = T0 + D
const SECRET = 'whsec-lifecycle-0123456789'
const bad = { csat: 0.55, complaints: ['Долго ждал в очереди', 'очередь огромная, долго'] }

let t: TestApp
let now = T0
let receiver: Receiver
let manager: string
let viewer: string
const random = rng(7)

const call = async (method: 'GET' | 'POST', url: string, token: string, payload?: unknown) => {
  const res = await t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) })
  return { status: res.statusCode, body: res.json() }
}
const evaluateAt = async (at: number) => {
  now = at
  const res = await call('POST', '/v1/flags/evaluate', manager)
  expect(res.status).toBe(200)
  await t.app.otklik.webhooks.runDue()
  return res.body as { events: { type: string; id: string }[] }
}
const lowCsat = async (service: string) => {
  const res = await call('GET', `/v1/flags?from=${T0 - L}&to=${T0}&service=${service}`, viewer)
  return (res.body.flags as { id: string; rule: string; status?: string; first_seen?: string }[]).find((f) => f.rule === 'low_csat')
}
const deliveries = () =>
  receiver.received.map((r) => ({ ...(JSON.parse(r.body) as { type: string; flag: { id: string; service: string; status: string } }), headers: r.headers, raw: r.body }))

beforeAll(async () => {
  t = await testApp({}, { now: () => now })
  receiver = await startReceiver()
  manager = (await createToken(t.store, 'manager', 'Maria')).token
  viewer = (await createToken(t.store, 'viewer', 'v')).token
  await addService(t.store, 'fixed', { name_en: 'Passport', name_ru: 'Паспорт' })
  await addService(t.store, 'relapse')
  // Both bad before the fix; after it, "fixed" recovers and "relapse" does not.
  const before = { baseline: [T0 - 2 * L, T0 - L] as [number, number], window: [T0 - L, T0] as [number, number] }
  const after = { baseline: [R, R + L] as [number, number], window: [R + L, R + 2 * L] as [number, number] }
  await insertRows(t.store, [
    ...generateService(spec('fixed', bad, bad), before, random),
    ...generateService(spec('relapse', bad, bad), before, random),
    ...generateService({ ...spec('fixed'), window: HEALTHY, baseline: HEALTHY }, after, random),
    ...generateService(spec('relapse', bad, bad), after, random),
  ])
  expect((await call('POST', '/v1/webhooks', 'x', {})).status).toBe(401)
}, 120_000)
afterAll(async () => {
  await t.app.close()
  await receiver.close()
})

describe('a flag from open to verified, and a flag that comes back', () => {
  let fixedId: string
  let relapseId: string

  it('an evaluation opens the flag and a signed webhook arrives at the receiver', async () => {
    const admin = (await createToken(t.store, 'admin', 'a')).token
    const hook = await call('POST', '/v1/webhooks', admin, { url: receiver.url, secret: SECRET })
    expect(hook.status).toBe(201)
    expect(JSON.stringify(hook.body)).not.toContain(SECRET)
    const e = await evaluateAt(T0)
    const flag = await lowCsat('fixed')
    expect(flag).toMatchObject({ status: 'open', first_seen: new Date(T0).toISOString() })
    fixedId = flag?.id as string
    relapseId = (await lowCsat('relapse'))?.id as string
    expect(e.events).toContainEqual({ type: 'flag.opened', id: fixedId })

    const opened = deliveries().find((d) => d.type === 'flag.opened' && d.flag.id === fixedId)
    expect(opened?.flag).toMatchObject({ service: 'fixed', status: 'open', name: { en: 'Passport', ru: 'Паспорт' } })
    expect(opened?.headers['x-otklik-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(opened?.raw ?? '').digest('hex')}`)
    expect(opened?.headers['x-otklik-delivery']).toMatch(/^[0-9a-f-]{36}$/)
    expect(opened?.headers['x-otklik-event']).toBe('flag.opened')

    // The same flag at the next evaluation keeps its id and is not opened again.
    const again = await evaluateAt(T0 + 3_600_000)
    expect(again.events.filter((x) => x.type === 'flag.opened')).toEqual([])
    expect((await lowCsat('fixed'))?.id).toBe(fixedId)
  })

  it('refuses what the status machine does not allow, with the reason', async () => {
    expect((await call('POST', `/v1/flags/${fixedId}/status`, viewer, { status: 'acknowledged' })).status).toBe(403)
    const verified = await call('POST', `/v1/flags/${fixedId}/status`, manager, { status: 'verified' })
    expect(verified).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('set by the data') } } })
    const noNote = await call('POST', `/v1/flags/${fixedId}/status`, manager, { status: 'resolved' })
    expect(noNote).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('public note') } } })
    const noDue = await call('POST', `/v1/flags/${fixedId}/status`, manager, { status: 'in_progress', note: 'more staff' })
    expect(noDue).toMatchObject({ status: 400, body: { error: { message: 'due: in_progress needs a due date' } } })
    const pastDue = await call('POST', `/v1/flags/${fixedId}/status`, manager, { status: 'in_progress', note: 'more staff', due: new Date(now - D).toISOString() })
    expect(pastDue.status).toBe(400)
    const reopen = await call('POST', `/v1/flags/${fixedId}/status`, manager, { status: 'reopened', note: 'x' })
    expect(reopen).toMatchObject({ status: 409, body: { error: { message: 'an open flag cannot become reopened; from open it can become acknowledged, in_progress, resolved, wont_fix' } } })
    expect((await call('POST', '/v1/flags/f0000000000000000/status', manager, { status: 'acknowledged' })).status).toBe(400)
    expect((await call('POST', '/v1/flags/f000000000000000/status', manager, { status: 'acknowledged' })).status).toBe(404)
  })

  it('acknowledging, planning (then overdue) and resolving are recorded with who and when', async () => {
    now = T0 + 2 * 3_600_000
    expect((await call('POST', `/v1/flags/${fixedId}/status`, manager, { status: 'acknowledged' })).body.status).toBe('acknowledged')
    const plan = await call('POST', `/v1/flags/${fixedId}/status`, manager, {
      status: 'in_progress',
      note: 'Two more windows at the office',
      due: new Date(T0 + 12 * 3_600_000).toISOString(),
      owner: { name: 'Ivan Petrov', contact: 'ivan@example.org' },
    })
    expect(plan.body).toMatchObject({ status: 'in_progress', action: { note: 'Two more windows at the office', due: '2025-03-01T12:00:00.000Z' }, owner: { name: 'Ivan Petrov', contact: 'ivan@example.org' } })
    // Past its due date, the next evaluation says so once.
    const late = await evaluateAt(T0 + 13 * 3_600_000)
    expect(late.events).toContainEqual({ type: 'flag.overdue', id: fixedId })
    expect((await evaluateAt(T0 + 14 * 3_600_000)).events).not.toContainEqual({ type: 'flag.overdue', id: fixedId })
    expect(deliveries().some((d) => d.type === 'flag.overdue' && d.flag.id === fixedId)).toBe(true)

    now = R
    const resolved = await call('POST', `/v1/flags/${fixedId}/status`, manager, { status: 'resolved', note: 'Two more windows opened; waiting time halved' })
    expect(resolved.body).toMatchObject({ status: 'resolved', public_note: 'Two more windows opened; waiting time halved', resolved_at: new Date(R).toISOString() })
    // A note may run over several lines (the dashboard's field is a text area).
    const relapseResolved = await call('POST', `/v1/flags/${relapseId}/status`, manager, { status: 'resolved', note: 'New form:\nfewer fields' })
    expect(relapseResolved.body.public_note).toBe('New form:\nfewer fields')
    // Still firing on a window of data from before the fix, the flag carries its public note in the report too.
    const report = await call('GET', '/v1/flags', viewer)
    expect((report.body.flags as { id: string; public_note?: string }[]).find((f) => f.id === fixedId)?.public_note).toBe('Two more windows opened; waiting time halved')
    await t.app.otklik.webhooks.runDue()
    expect(deliveries().filter((d) => d.type === 'flag.resolved').map((d) => d.flag.id).sort()).toEqual([fixedId, relapseId].sort())

    const history = await call('GET', `/v1/flags/${fixedId}/history`, viewer)
    expect(history.status).toBe(200)
    const changes = (history.body.history as { kind: string; status_to: string; actor: string; at: string; note?: string }[]).filter((h) => h.kind === 'status')
    expect(changes.map((h) => [h.status_to, h.actor, h.at])).toEqual([
      ['resolved', expect.stringContaining('Maria'), new Date(R).toISOString()],
      ['in_progress', expect.stringContaining('Maria'), new Date(T0 + 2 * 3_600_000).toISOString()],
      ['acknowledged', expect.stringContaining('Maria'), new Date(T0 + 2 * 3_600_000).toISOString()],
    ])
    const evaluations = (history.body.history as { kind: string; fired?: boolean; figure?: { n: number } }[]).filter((h) => h.kind === 'evaluation')
    expect(evaluations.length).toBe(4)
    expect(evaluations.every((h) => h.fired === true && (h.figure?.n ?? 0) >= 30)).toBe(true)
  })

  it('evaluations whose window still holds data from before the fix change nothing', async () => {
    const e = await evaluateAt(R + 10 * D)
    expect(e.events.filter((x) => x.id === fixedId || x.id === relapseId)).toEqual([])
  })

  it('after one quiet window the fix is not verified yet; a problem that returns reopens its flag with an alert', async () => {
    const e = await evaluateAt(R + L)
    expect(e.events).toContainEqual({ type: 'flag.reopened', id: relapseId })
    expect(e.events.filter((x) => x.id === fixedId)).toEqual([])
    expect(deliveries().some((d) => d.type === 'flag.reopened' && d.flag.id === relapseId && d.flag.status === 'reopened')).toBe(true)
  })

  it('two full quiet windows after the fix verify it', async () => {
    const e = await evaluateAt(R + 2 * L)
    expect(e.events).toContainEqual({ type: 'flag.verified', id: fixedId })
    const history = await call('GET', `/v1/flags/${fixedId}/history`, viewer)
    expect(history.body.flag).toMatchObject({ status: 'verified', verified_at: new Date(R + 2 * L).toISOString(), firing: false })
    expect(history.body.history[0]).toMatchObject({ kind: 'evaluation', fired: false, status_from: 'resolved', status_to: 'verified', actor: 'otklik' })
    expect(deliveries().some((d) => d.type === 'flag.verified' && d.flag.id === fixedId)).toBe(true)
  })

  it('the public "you said, we did" lists the verified flag with its note and figures before and after, and never a comment or a small count', async () => {
    const res = await t.app.inject({ url: '/v1/open/actions.json' })
    expect(res.statusCode).toBe(200)
    const { actions } = res.json() as { actions: Record<string, unknown>[] }
    expect(actions.map((a) => a.service)).toEqual(['fixed'])
    const [a] = actions
    expect(a).toMatchObject({
      id: fixedId,
      name_en: 'Passport',
      status: 'verified',
      rule: 'low_csat',
      done: 'Two more windows opened; waiting time halved',
      resolved_at: new Date(R).toISOString(),
      verified_at: new Date(R + 2 * L).toISOString(),
      said: { rule_en: expect.stringContaining('satisf'), rule_ru: expect.stringContaining('довольных') },
    })
    const before = a?.before as { value: number; n: number; interval: [number, number] }
    const after = a?.after as { value: number; n: number; interval: [number, number]; window: { from: string } }
    expect(before.value).toBeLessThan(0.7)
    expect(after.value).toBeGreaterThan(0.85)
    expect(before.n).toBeGreaterThanOrEqual(30)
    expect(before.interval[1]).toBeLessThan(after.interval[0])
    expect(after.window.from >= new Date(R + L).toISOString()).toBe(true)
    expect((a?.said as { terms: string[] }).terms).toContain('долго')
    for (const comment of ['Долго ждал в очереди', 'очередь огромная, долго']) expect(res.body).not.toContain(comment)

    // A k above the counts withholds the figures, their counts and the terms.
    const strict = (await t.app.inject({ url: '/v1/open/actions.json?k=5000' })).json().actions[0]
    expect(strict.before).toMatchObject({ value: null, n: null, interval: null, suppressed: 'below_k' })
    expect(strict.after).toMatchObject({ value: null, n: null, suppressed: 'below_k' })
    expect(strict.said.terms).toEqual([])
    expect((await t.app.inject({ url: '/v1/open/actions.json?k=3' })).statusCode).toBe(400)

    const csv = await t.app.inject({ url: '/v1/open/actions.csv' })
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    const { parse } = await import('csv-parse/sync')
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[]
    expect(rows.map((r) => [r.service, r.done, Number(r['before.value']), Number(r['after.value'])])).toEqual([['fixed', a?.done, before.value, after.value]])
  })
})
