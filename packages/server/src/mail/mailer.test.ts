/**
 * Mail at a real SMTP server (smtp-server): the owner's notice when a flag
 * opens, and an agency's weekly digest, each in Russian and English, as
 * plain text and HTML; a digest goes once per agency and week.
 */
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../../test-support/app.js'
import { insertRows } from '../analytics/testing/rows.js'
import { generateService, rng, spec } from '../analytics/testing/portfolio.js'
import { createToken } from '../registry/tokens.js'
import { namedTables } from '../registry/named-entries.js'
import { rowOf, serviceTable } from '../registry/services.js'
import { startOfWeek } from './mailer.js'

const D = 86_400_000
const T0 = Date.UTC(2025, 2, 1) // a Saturday
const OWNER = 'sokolova@example.org'
const COMPLAINT = 'Долго ждал в очереди у окна номер пять'
let now = T0
let t: TestApp
let smtp: SMTPServer
const inbox: (ParsedMail & { envelopeTo: string[] })[] = []

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }))
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const port = (smtp.server.address() as AddressInfo).port
  t = await testApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Otklik <otklik@example.org>' }, { now: () => now })
  await namedTables.agencies.insert(t.store, [{ id: 'mvd', name_ru: 'МВД России', name_en: 'Ministry of Internal Affairs' }])
  await serviceTable.insert(t.store, [
    rowOf('passport', { name_ru: 'Паспорт', name_en: 'Passport', agency: 'mvd', life_situations: [], targets: {}, owner: { name: 'Ирина Соколова', contact: OWNER } }),
  ])
  const windows = { baseline: [T0 - 56 * D, T0 - 28 * D] as [number, number], window: [T0 - 28 * D, T0] as [number, number] }
  const bad = { csat: 0.55, complaints: [COMPLAINT] }
  await insertRows(t.store, generateService(spec('passport', bad, bad), windows, rng(11)))
}, 120_000)
afterAll(async () => {
  await t.app.close()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

describe('mail', () => {
  it("tells the owner when their service is flagged, in Russian and English, text and HTML, and quotes no comment", async () => {
    await t.app.otklik.flags.evaluate('demand')
    const mail = inbox.find((m) => m.subject?.includes('Паспорт'))
    expect(mail?.envelopeTo).toEqual([OWNER])
    expect(mail?.from?.value[0]?.address).toBe('otklik@example.org')
    expect(mail?.subject).toBe('Otklik: Новый флаг / New flag — «Паспорт»')
    expect(mail?.text).toContain('Новый флаг: «Паспорт»')
    expect(mail?.text).toMatch(/Доля довольных \(CSAT\) услугой «Паспорт» — [\d.]+%/)
    expect(mail?.text).toContain('New flag: «Passport»')
    expect(mail?.text).toMatch(/CSAT of «Passport» is [\d.]+% satisfied/)
    expect(mail?.html).toContain('<section lang="ru"><h1>Новый флаг: «Паспорт»</h1>')
    expect(mail?.html).toContain('<section lang="en"><h1>New flag: «Passport»</h1>')
    expect(`${mail?.text}${mail?.html}`).not.toContain('очереди')
  })

  it('sends the weekly digest of an agency to its owners once, with new and overdue flags, in both languages', async () => {
    const manager = (await createToken(t.store, 'manager', 'Maria')).token
    const flags = (await t.app.inject({ url: '/v1/flags?from=' + (T0 - 28 * D) + '&to=' + T0, headers: { authorization: `Bearer ${manager}` } })).json().flags as { id: string; rule: string }[]
    const id = flags.find((f) => f.rule === 'low_csat')?.id
    const plan = await t.app.inject({
      method: 'POST',
      url: `/v1/flags/${id}/status`,
      headers: { authorization: `Bearer ${manager}` },
      payload: { status: 'in_progress', note: 'Открыть ещё два окна', due: new Date(T0 + D).toISOString() },
    })
    expect(plan.statusCode).toBe(200)
    now = T0 + 3 * D // Tuesday of the next week
    expect(startOfWeek(now)).toBe(Date.UTC(2025, 2, 3))
    const before = inbox.length
    expect(await t.app.otklik.mail?.weeklyDigests()).toEqual(['mvd'])
    const digest = inbox[before]
    expect(digest?.envelopeTo).toEqual([OWNER])
    expect(digest?.subject).toBe('Otklik: еженедельная сводка / weekly digest — МВД России, 2025-02-24')
    expect(digest?.text).toContain('Еженедельная сводка: МВД России, 2025-02-24 – 2025-03-03')
    expect(digest?.text).toContain('Weekly digest: Ministry of Internal Affairs, 2025-02-24 – 2025-03-03')
    expect(digest?.text).toMatch(/Новые флаги \(\d+\)\n- «Паспорт»: /)
    expect(digest?.text).toContain('Просроченные действия (1)\n- «Паспорт»: ')
    expect(digest?.text).toContain('Действие: Открыть ещё два окна (срок 2025-03-02).')
    expect(digest?.text).toContain('Overdue actions (1)')
    expect(digest?.text).toContain('Action: Открыть ещё два окна (due 2025-03-02).')
    expect(digest?.text).toContain('Resolved (0)\n- none')
    expect(digest?.html).toContain('<h2>Подтверждены данными (0)</h2><p>нет</p>')
    expect(digest?.html).toContain('<h2>Verified by the data (0)</h2><p>none</p>')
    // Once per agency and week.
    expect(await t.app.otklik.mail?.weeklyDigests()).toEqual([])
    expect(inbox).toHaveLength(before + 1)
  })
})
