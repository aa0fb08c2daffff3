import { expect, it } from 'vitest'
import { buildApp } from '../app.js'
import type { Store } from '../storage/store.js'
import { testConfig, testStore } from '../../test-support/app.js'
import { batch, event } from '../../test-support/events.js'
import { SiteCache, StorageUnavailableError, createSite } from './sites.js'

/** The real store, with reads that can be made to fail as when ClickHouse is away. */
async function switchable() {
  const store = await testStore(testConfig())
  const state = { down: false }
  const away: Store = {
    ...store,
    query: (...args: Parameters<Store['query']>) => (state.down ? Promise.reject(new Error('connect ECONNREFUSED')) : store.query(...args)),
  } as Store
  return { store, away, state }
}

it('a known site keeps its last answer while ClickHouse is away, however old; an unseen one is StorageUnavailable', async () => {
  const { store, away, state } = await switchable()
  await createSite(store, { key: 'gov', kind: 'web', name: 'Gov', origins: ['https://gov.example'] })
  const cache = new SiteCache(away, 0) // every read is a refresh
  expect((await cache.get('gov'))?.key).toBe('gov')
  state.down = true
  expect((await cache.get('gov'))?.key).toBe('gov')
  await expect(cache.get('other')).rejects.toBeInstanceOf(StorageUnavailableError)
})

it('ingestion answers 503 with Retry-After, not 500, for a site it cannot look up while ClickHouse is away', async () => {
  const { away, state } = await switchable()
  const config = testConfig()
  const app = await buildApp({ config, store: away, logger: false })
  state.down = true
  const res = await app.inject({
    method: 'POST',
    url: '/v1/events',
    headers: { 'content-type': 'application/json', origin: 'https://gov.example' },
    payload: JSON.stringify(batch([event()], 'gov')),
  })
  expect(res.statusCode).toBe(503)
  expect(res.headers['retry-after']).toBe('5')
  expect(res.json().error.code).toBe('storage_unavailable')
  await app.close()
})

it('concurrent lookups of a site share one read, and a stale entry is answered at once while one refresh runs', async () => {
  const { store } = await switchable()
  await createSite(store, { key: 'gov', kind: 'web', name: 'Gov', origins: ['https://gov.example'] })
  let reads = 0
  const counted: Store = { ...store, query: (...args: Parameters<Store['query']>) => (reads++, store.query(...args)) } as Store
  const cache = new SiteCache(counted, 0) // every entry is stale at once
  const first = await Promise.all(Array.from({ length: 20 }, () => cache.get('gov')))
  expect(first.every((s) => s?.key === 'gov')).toBe(true)
  expect(reads).toBe(1)
  const stale = await Promise.all(Array.from({ length: 20 }, () => cache.get('gov')))
  expect(stale.every((s) => s?.key === 'gov')).toBe(true)
  expect(reads).toBe(2)
})
