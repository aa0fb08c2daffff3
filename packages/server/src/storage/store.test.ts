import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { testConfig, testStore } from '../../test-support/app.js'
import { answer } from '../../test-support/events.js'
import { normalizeEvents } from '../ingest/normalize.js'
import { eventsSink } from './events-store.js'
import { toNumber } from './int64.js'
import { repairEventIds } from './event-ids.js'
import { applyRetention, migrate } from './migrate.js'
import type { Store } from './store.js'

let store: Store
beforeAll(async () => {
  store = await testStore(testConfig())
})

const rowsOf = (n: number) =>
  normalizeEvents(
    Array.from({ length: n }, () => answer(5)),
    { siteKey: 'demo', offline: false, receivedAt: Date.now(), device: { device: 'desktop', browser: 'Chrome', os: 'Linux' } },
  ).rows

const count = async () => toNumber((await store.query<{ c: unknown }>(`SELECT count() AS c FROM ${store.table('events')}`))[0]?.c)

describe('storage', () => {
  it('migrations are recorded and applying them again changes nothing', async () => {
    const again = await migrate(store)
    expect(again).toEqual({ applied: [], fresh: false })
  })

  it('reads 64-bit integers as numbers whichever transport is used', async () => {
    const [row] = await store.query<{ big: unknown }>('SELECT toUInt64(9007199254740991) AS big')
    expect(toNumber(row?.big)).toBe(9007199254740991)
  })

  it('an insert with a deduplication token is stored once, and never makes a later plain insert look like a duplicate', async () => {
    const sink = eventsSink(store)
    const before = await count()
    const rows = rowsOf(3)
    await sink.insert(rows)
    await sink.insert(rows)
    expect(await count()).toBe(before + 3)
    await store.insert('events', rowsOf(2))
    expect(await count()).toBe(before + 5)
  })

  it('finds which event ids are stored already', async () => {
    const sink = eventsSink(store)
    const rows = rowsOf(4)
    await sink.insert(rows.slice(0, 2))
    const stored = await sink.storedIds(rows)
    expect([...stored].sort()).toEqual(rows.slice(0, 2).map((r) => r.id).sort())
    expect(await sink.storedIds([{ ...rows[0]!, id: randomUUID() }])).toEqual(new Set())
  })

  it('finds a stored id through the table of ids, whatever the timestamp a retry carries within the window', async () => {
    const sink = eventsSink(store)
    const [row] = rowsOf(1)
    await sink.insert([row!])
    const [held] = await store.query<{ n: unknown }>(`SELECT count() AS n FROM ${store.table('event_ids')} WHERE id = {id:UUID}`, { id: row!.id })
    expect(toNumber(held?.n)).toBe(1)
    // Resent days later by a client whose clock was corrected meanwhile.
    expect(await sink.storedIds([{ ...row!, ts: row!.ts + 3 * 86_400_000 }])).toEqual(new Set([row!.id]))
  })

  it('adds at start-up the ids of the last events that lack them (an insert cut short between the two parts)', async () => {
    const rows = rowsOf(3)
    await eventsSink(store).insert(rows)
    // As if the process died after the events' part and before the ids' part.
    await store.command(`DELETE FROM ${store.table('event_ids')} WHERE id IN {ids:Array(UUID)}`, { ids: rows.map((r) => r.id) })
    expect(await eventsSink(store).storedIds(rows)).toEqual(new Set())
    expect(await eventsSink(store).storedIds(rows, { thorough: true })).toEqual(new Set(rows.map((r) => r.id)))
    await repairEventIds(store)
    await repairEventIds(store)
    expect(await eventsSink(store).storedIds(rows)).toEqual(new Set(rows.map((r) => r.id)))
    const [n] = await store.query<{ n: unknown }>(`SELECT count() AS n FROM ${store.table('event_ids')} WHERE id IN {ids:Array(UUID)}`, { ids: rows.map((r) => r.id) })
    expect(toNumber(n?.n)).toBe(3)
  })

  it('keeps the TTL of the events and of their ids in step with RETENTION_DAYS', async () => {
    const ttl = async (t: string) =>
      (await store.query<{ q: string }>('SELECT create_table_query AS q FROM system.tables WHERE database = {db:String} AND name = {t:String}', {
        db: store.target.database,
        t,
      }))[0]?.q ?? ''
    expect(await applyRetention(store, 30)).toBe(true)
    for (const t of ['events', 'event_ids']) expect(await ttl(t)).toMatch(/TTL toDateTime\(ts\) \+ toIntervalDay\(30\)/)
    expect(await applyRetention(store, 30)).toBe(false)
    expect(await applyRetention(store, 0)).toBe(true)
    for (const t of ['events', 'event_ids']) expect(await ttl(t)).not.toMatch(/TTL/)
  })
})
