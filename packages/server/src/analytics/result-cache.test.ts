import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../storage/store.js'
import { testConfig, testStore } from '../../test-support/app.js'
import type { Scope } from './filters.js'
import { servicesReport } from './reports/services.js'
import { createResultCache, dataVersion } from './result-cache.js'
import { answer, insertRows } from './testing/rows.js'

const D = 86_400_000
const START = Date.UTC(2025, 0, 6)
const scope: Scope = { window: { from: START, to: START + 7 * D }, values: {} }
let store: Store

beforeAll(async () => {
  store = await testStore(testConfig())
  await insertRows(store, [answer('csat', 5, START + D), answer('csat', 2, START + 2 * D)])
})
afterAll(async () => store.close())

describe('result cache', () => {
  it('serves a repeated call from the cache and recomputes as soon as new events are stored', async () => {
    const cache = createResultCache(store, () => Date.now())
    let computed = 0
    const services = () => cache.get('services', [scope], async () => (computed++, servicesReport(store, scope)))

    const first = await services()
    expect(await services()).toBe(first)
    expect(computed).toBe(1)
    expect(first.services[0]?.csat.n).toBe(2)

    await insertRows(store, [answer('csat', 1, START + 3 * D)])
    const after = await services()
    expect(computed).toBe(2)
    expect(after.services[0]?.csat.n).toBe(3)
    expect(after).toEqual(await servicesReport(store, scope))
  })

  it('keeps answers apart by their arguments and shares one computation between calls in flight', async () => {
    const cache = createResultCache(store, () => Date.now())
    let computed = 0
    const compute = async () => ++computed
    const [a, b] = await Promise.all([cache.get('x', [1], compute), cache.get('x', [1], compute)])
    expect([a, b]).toEqual([1, 1])
    expect(await cache.get('x', [2], compute)).toBe(2)
    expect(await cache.get('y', [1], compute)).toBe(3)
  })

  it('does not keep a failure, and forgets the least recently used answer beyond its size', async () => {
    const cache = createResultCache(store, () => Date.now(), 2)
    await expect(cache.get('x', [1], () => Promise.reject(new Error('down')))).rejects.toThrow('down')
    expect(await cache.get('x', [1], async () => 'up')).toBe('up')
    await cache.get('x', [2], async () => 'two')
    await cache.get('x', [1], async () => 'not asked: cached')
    await cache.get('x', [3], async () => 'three')
    // [2] was the least recently used of the three.
    expect(await cache.get('x', [2], async () => 'again')).toBe('again')
    expect(await cache.get('x', [1], async () => 'recomputed')).toBe('recomputed')
  })

  it('answers a slow report from the data before a change while computing it again once, and at once when a fresh answer is asked', async () => {
    let now = START
    const cache = createResultCache(store, () => now)
    let computed = 0
    let release = () => {}
    // Each computation "takes" 1.5 s of the injected clock; the second one waits to be released.
    const compute = async () => {
      const n = ++computed
      if (n === 2) await new Promise<void>((resolve) => (release = resolve))
      now += 1500
      return n
    }
    expect(await cache.get('slow', [1], compute)).toBe(1)

    await insertRows(store, [answer('csat', 4, START + 4 * D)])
    // The answer before the change, while the new one is computed in the background, once.
    expect(await cache.get('slow', [1], compute)).toBe(1)
    expect(await cache.get('slow', [1], compute)).toBe(1)
    expect(computed).toBe(2)
    // A fresh answer is computed on the current data (it shares the computation in flight).
    const fresh = cache.get('slow', [1], compute, { fresh: true })
    release()
    expect(await fresh).toBe(2)
    expect(await cache.get('slow', [1], compute)).toBe(2)

    // Past five minutes the old answer no longer stands in.
    await insertRows(store, [answer('csat', 4, START + 4 * D)])
    now += 5 * 60_000 + 1
    expect(await cache.get('slow', [1], compute)).toBe(3)
  })

  it('answers a quick report on the current data at once after a change', async () => {
    const cache = createResultCache(store, () => START)
    let computed = 0
    const compute = async () => ++computed
    expect(await cache.get('quick', [1], compute)).toBe(1)
    await insertRows(store, [answer('csat', 3, START + 4 * D)])
    expect(await cache.get('quick', [1], compute)).toBe(2)
  })

  it('has a data version that changes with every insert and delete, and not with a merge', async () => {
    const before = await dataVersion(store)
    expect(await dataVersion(store)).toBe(before)
    await insertRows(store, [answer('nps', 9, START + 4 * D)])
    const inserted = await dataVersion(store)
    expect(inserted).not.toBe(before)

    // Merges rename parts and sum rollup rows, but change no answer.
    for (const table of ['events', 'rollup_answers', 'rollup_events']) await store.command(`OPTIMIZE TABLE ${store.table(table)} FINAL`)
    expect(await dataVersion(store)).toBe(inserted)

    await store.command(`ALTER TABLE ${store.table('rollup_answers')} DELETE WHERE metric = 'nps' SETTINGS mutations_sync = 2`)
    const deleted = await dataVersion(store)
    expect(deleted).not.toBe(inserted)
    await store.command(`ALTER TABLE ${store.table('events')} DELETE WHERE metric = 'nps' SETTINGS mutations_sync = 2`)
    expect(await dataVersion(store)).not.toBe(deleted)
  })
})
