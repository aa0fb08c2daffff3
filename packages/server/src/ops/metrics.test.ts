/**
 * The Prometheus exposition passes Prometheus's own linter: `promtool check
 * metrics` (Debian's `prometheus` package; `.ci/run` installs it). Without
 * promtool the linter test is skipped, the naming rule below still runs.
 */
import { spawnSync } from 'node:child_process'
import { expect, it } from 'vitest'
import { createMetrics } from './metrics.js'

const promtool = spawnSync('promtool', ['--version']).status === 0

it('names no gauge, or anything but a counter, with the `_total` suffix', async () => {
  const metrics = createMetrics()
  const all = await metrics.registry.getMetricsAsJSON()
  expect(all.length).toBeGreaterThan(10)
  expect(all.filter((m) => String(m.type) !== 'counter' && m.name.endsWith('_total')).map((m) => m.name)).toEqual([])
  expect(all.filter((m) => String(m.type) === 'counter' && !m.name.endsWith('_total')).map((m) => m.name)).toEqual([])
  expect(all.map((m) => m.name)).toContain('otklik_nodejs_handles_active')
})

it.skipIf(!promtool)('passes `promtool check metrics`', async () => {
  const metrics = createMetrics()
  metrics.eventsAccepted.inc(3)
  metrics.eventsRejected.inc({ reason: 'bad_envelope' })
  metrics.insertSeconds.observe(0.02)
  const text = await metrics.registry.metrics()
  const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' })
  expect(`${run.stdout}${run.stderr}`).toBe('')
  expect(run.status).toBe(0)
})
