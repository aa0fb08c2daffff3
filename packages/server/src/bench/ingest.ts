/**
 * `otklik bench ingest`: posts N events over real HTTP to a fresh server on a
 * temporary data directory and prints throughput, latency, group-commit
 * effect and memory. Figures, not assertions: machines here are shared and
 * noisy, so compare runs made one after the other.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../config.js'
import type { OtklikEvent } from '@otklik/contract/types'
import { createSite } from '../registry/sites.js'
import { startServer } from '../server.js'
import { toNumber } from '../storage/int64.js'
import { quantile } from '../analytics/stats/quantile.js'

export interface IngestBenchOptions {
  events: number
  batch: number
  connections: number
  print: (line: string) => void
}

const ORIGIN = 'https://bench.example'
const SERVICES = ['passport-rf', 'birth-registration', 'tax-deduction', 'pension-application', 'business-registration']

function makeBatch(size: number): OtklikEvent[] {
  const now = Date.now()
  return Array.from({ length: size }, (_, i) => {
    const service = SERVICES[i % SERVICES.length]
    return i % 5 === 0
      ? { id: randomUUID(), type: 'survey_response', ts: now, service, metric: 'csat', score: 1 + (i % 5), comment: 'Всё понятно, спасибо' }
      : { id: randomUUID(), type: 'journey_step', ts: now, service, journey: randomUUID(), step: `step-${i % 4}`, channel: 'web', segment: 'citizen', locale: 'ru', path: '/services/step' }
  })
}

export async function benchIngest(o: IngestBenchOptions): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-bench-'))
  // Only the storage settings come from the environment: a benchmark wants no
  // rate limit and no demo data in its count.
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', RATE_LIMIT: '0', LOG_LEVEL: 'warn', OTKLIK_DEMO: '0' })
  const server = await startServer({ ...config, port: 0 }, () => {})
  try {
    const { store, metrics } = server.app.otklik
    await createSite(store, { key: 'bench', kind: 'web', name: 'Benchmark', origins: [ORIGIN] })
    const requests = Math.ceil(o.events / o.batch)
    const bodies = Array.from({ length: requests }, (_, i) =>
      JSON.stringify({ site: 'bench', sent_at: Date.now(), events: makeBatch(Math.min(o.batch, o.events - i * o.batch)) }),
    )
    let rssPeak = process.memoryUsage().rss
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50)
    const latencies: number[] = []
    let next = 0
    let failed = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: o.connections }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]
          const t = performance.now()
          const res = await fetch(`${server.url}/v1/events`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: ORIGIN }, body })
          await res.arrayBuffer()
          latencies.push(performance.now() - t)
          if (res.status !== 202) failed++
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000
    clearInterval(sampler)
    const [row] = await store.query<{ n: unknown }>(`SELECT count() AS n FROM ${store.table('events')}`)
    const stored = toNumber(row?.n)
    const blocks = (await metrics.insertBatches.get()).values.find((v) => v.labels.outcome === 'inserted')?.value ?? 0
    const ms = (p: number) => (quantile(latencies, p) ?? 0).toFixed(1)
    o.print(`ingest: ${o.events} events in ${requests} requests of ${o.batch} over ${o.connections} connections (${store.embedded ? 'embedded chDB' : 'ClickHouse server'}; client in the same process)`)
    o.print(`throughput: ${Math.round(o.events / seconds)} events/s, ${Math.round(requests / seconds)} requests/s, ${seconds.toFixed(2)} s`)
    o.print(`latency per request: p50 ${ms(0.5)} ms, p90 ${ms(0.9)} ms, p99 ${ms(0.99)} ms, max ${Math.max(...latencies).toFixed(1)} ms`)
    o.print(`group commit: ${blocks} insert blocks for ${requests} requests (${(requests / Math.max(blocks, 1)).toFixed(1)} requests, ${Math.round(stored / Math.max(blocks, 1))} events per block)`)
    o.print(`memory: RSS peak ${(rssPeak / 2 ** 20).toFixed(0)} MiB`)
    o.print(`stored: ${stored} of ${o.events}${failed ? `; ${failed} requests failed` : ''}`)
    if (stored !== o.events || failed) throw new Error(`benchmark lost events: stored ${stored} of ${o.events}, ${failed} requests failed`)
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
