import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import pino from 'pino'
import { expect, it } from 'vitest'
import { tempDir, testConfig, testStore } from '../../test-support/app.js'
import { answer } from '../../test-support/events.js'
import { createMetrics } from '../ops/metrics.js'
import { eventsSink } from '../storage/events-store.js'
import { Committer } from './committer.js'
import { normalizeEvents } from './normalize.js'
import { Spool } from './spool.js'

it('a row ClickHouse refuses is set aside, and never holds up its neighbours or later blocks', async () => {
  const store = await testStore(testConfig())
  const dir = tempDir()
  const c = new Committer({ sink: eventsSink(store), spool: new Spool(dir), metrics: createMetrics(), log: pino({ level: 'silent' }), intervalMs: 5, maxEvents: 1000 })
  const rows = normalizeEvents(
    Array.from({ length: 7 }, () => answer(4)),
    { siteKey: 'demo', offline: false, receivedAt: Date.now(), device: { device: 'desktop', browser: 'Chrome', os: 'Linux' } },
  ).rows
  // Validation refuses this; here it stands for anything ClickHouse cannot parse.
  rows[3]!.comment = 'broken \ud800 text'
  await c.submit(rows)
  const later = normalizeEvents([answer(5)], { siteKey: 'demo', offline: false, receivedAt: Date.now(), device: { device: 'desktop', browser: 'Chrome', os: 'Linux' } }).rows
  await c.submit(later)
  await c.close()

  const stored = await store.query<{ sid: string }>(`SELECT toString(id) AS sid FROM ${store.table('events')} WHERE id IN {ids:Array(UUID)}`, {
    ids: [...rows, ...later].map((r) => r.id),
  })
  expect(stored.map((r) => r.sid).sort()).toEqual([...rows.filter((_, i) => i !== 3), ...later].map((r) => r.id).sort())
  expect(c.spoolDepth).toBe(0)
  const rejected = readdirSync(join(dir, 'rejected'))
  expect(rejected).toHaveLength(1)
  expect(readFileSync(join(dir, 'rejected', rejected[0]!), 'utf8')).toContain(rows[3]!.id)
})
