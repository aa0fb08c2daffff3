import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { testConfig, testStore } from '../../test-support/app.js'
import { CHROME_UA, answer, event } from '../../test-support/events.js'
import type { Store } from '../storage/store.js'
import { importEvents } from './import-events.js'

let store: Store
beforeAll(async () => {
  store = await testStore(testConfig())
})

const YEARS_AGO = Date.UTC(2019, 4, 1)
const opts = { site: 'import', retentionDays: 0 }

describe('importEvents', () => {
  it('takes history of any age, parses user_agent then drops it, defaults the site, and rejects bad events by index', async () => {
    const good = event({ ts: YEARS_AGO })
    const withSite = { ...answer(4, { ts: YEARS_AGO + 1 }), site: 'regional', user_agent: CHROME_UA }
    const result = await importEvents(
      store,
      [good, 'text', [1], { ...event(), type: 'nope' }, { ...event(), site: 'bad site!' }, { ...event(), user_agent: 5 }, withSite, { ...event(), extra: 1 }],
      opts,
    )
    expect(result).toEqual({
      imported: 2,
      already_present: 0,
      rejected: [
        { index: 1, reason: 'not a JSON object' },
        { index: 2, reason: 'not a JSON object' },
        { index: 3, reason: expect.stringMatching(/^type: /) },
        { index: 4, reason: expect.stringMatching(/^site: /) },
        { index: 5, reason: expect.stringMatching(/^user_agent: /) },
        { index: 7, reason: expect.stringMatching(/unknown field "extra"/) },
      ],
    })
    const rows = await store.query<{ id: string; site_id: string; browser: string; ts: string; sdk: string }>(
      `SELECT toString(id) AS id, site_id, browser, toString(ts) AS ts, sdk FROM ${store.table('events')} ORDER BY ts`,
    )
    expect(rows).toEqual([
      { id: good.id, site_id: 'import', browser: 'unknown', ts: '2019-05-01 00:00:00.000', sdk: 'import' },
      { id: withSite.id, site_id: 'regional', browser: 'Chrome', ts: '2019-05-01 00:00:00.001', sdk: 'import' },
    ])
  })

  it('rejects events older than the retention period (the TTL would drop them)', async () => {
    const old = event({ ts: Date.now() - 31 * 86_400_000 })
    const result = await importEvents(store, [old, event({ ts: Date.now() - 29 * 86_400_000 })], { site: 'import', retentionDays: 30 })
    expect(result).toEqual({ imported: 1, already_present: 0, rejected: [{ index: 0, reason: 'ts: is older than the retention period (RETENTION_DAYS=30)' }] })
  })

  it('adds nothing the second time, and counts an id stored with another service or time as present', async () => {
    const events = Array.from({ length: 30 }, (_, i) => event({ id: randomUUID(), ts: YEARS_AGO + i * 86_400_000 }))
    expect((await importEvents(store, events, opts)).imported).toBe(30)
    const again = await importEvents(store, [...events, events[0], { ...events[1], service: 'other', ts: Date.now() }], opts)
    expect(again).toEqual({ imported: 0, already_present: 32, rejected: [] })
  })
})
