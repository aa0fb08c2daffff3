/**
 * `otklik bench ingest`: Otklik's POST /v1/events under autocannon load over
 * loopback, durable as in production, beside the two ceilings measured in
 * the same run with the same settings: a bare Fastify handler (HTTP), and
 * the same rows inserted straight into Otklik's own events table (storage),
 * with a plain table's rate to show what the views cost. Then how many
 * events were stored and how many answers the ballot-stuffing judge left out.
 * Figures, not assertions: machines are shared and noisy.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig } from '../config.js'
import { toNumber } from '../storage/int64.js'
import { migrate } from '../storage/migrate.js'
import { createStore, type Store } from '../storage/store.js'
import { startChild, type ChildServer, type NodeCommand } from './child-process.js'
import { runLoad, type LoadResult } from './load.js'
import { readGroupCommit, sampleMemory, slopePerMinute, type MemorySample } from './memory-probe.js'
import { eventsTableRate, plainTableRate, BLOCK_ROWS, type StorageRate } from './storage-ceiling.js'
import { BENCH_ORIGIN, BENCH_SITE } from './visitor-batches.js'

export interface IngestBenchOptions {
  durationS: number
  connections: number
  eventsPerRequest: number
  /** An Otklik already running; absent = a fresh server on a temporary data directory. */
  url?: string | undefined
  /** The web site key to post to (with `url`); it must allow BENCH_ORIGIN. */
  site?: string | undefined
  /** Where the fresh server keeps its data; absent = a temporary directory, removed afterwards. */
  dataDir?: string | undefined
  /** How to start this package's entry points in a child process. */
  node: NodeCommand
  /** The CLI entry (`otklik serve` is started from it). */
  cli: string
  print: (line: string) => void
}

/** The figures of one run, as printed. */
export interface IngestBenchResult {
  http: LoadResult
  otklik: LoadResult
  atEighty: LoadResult
  storage: StorageRate
  plain: StorageRate
  /** Events in Otklik's table after the runs (fresh server only). */
  stored?: { events: number; excluded: Record<string, number> }
  memory: MemorySample[]
}

// The ceilings are steady rates: longer runs only repeat them. The run at
// Otklik's own maximum takes the whole duration (a soak, with --duration 600).
const CEILING_MAX_S = 30
const SERVICE_DATABASE = 'otklik'
const CEILING_DATABASE = 'bench_ceiling'

const here = fileURLToPath(import.meta.url)
const BARE_SERVER = join(dirname(here), `bare-server${extname(here)}`)

const MiB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`
const rate = (n: number) => Math.round(n).toLocaleString('en-US')
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : 'n/a')
const loadLine = (r: LoadResult) =>
  `${rate(r.eventsPerS)} events/s, ${rate(r.requestsPerS)} requests/s, p50 ${r.p50Ms.toFixed(0)} ms, p99 ${r.p99Ms.toFixed(0)} ms, errors ${r.errors}, non-2xx ${r.non2xx}`

export async function benchIngest(o: IngestBenchOptions): Promise<IngestBenchResult> {
  const own = !o.url
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'otklik-bench-'))
  const ceilingS = Math.min(o.durationS, CEILING_MAX_S)
  const load = (url: string, durationS: number, rate?: number) =>
    runLoad({ url, durationS, connections: o.connections, eventsPerRequest: o.eventsPerRequest, site: o.site ?? BENCH_SITE, rate })
  try {
    o.print(
      `bench ingest: ${o.connections} connections, ${o.eventsPerRequest} events per request, Otklik ${o.durationS} s at full load then ${ceilingS} s at 80 %, ceilings ${ceilingS} s each; autocannon in this process over loopback`,
    )
    const bare = await startChild(o.node, BARE_SERVER, [], process.env, /^(http:\S+)$/m)
    const http = await load(bare.url, ceilingS).finally(() => bare.stop())
    o.print(`HTTP ceiling (bare Fastify handler: parse, answer 202): ${loadLine(http)}`)

    const target = own ? await freshServer(o, dataDir) : { url: o.url!, stop: async () => {} }
    o.print(own ? `Otklik: a fresh server (embedded chDB, durable) on ${dataDir}` : `Otklik: ${o.url}, site ${o.site ?? BENCH_SITE}`)
    const memory = sampleMemory(target.url, Math.max(1000, Math.min(10_000, (o.durationS * 1000) / 10)))
    let otklik: LoadResult
    let atEighty: LoadResult
    let samples: MemorySample[]
    try {
      otklik = await load(target.url, o.durationS)
      o.print(`Otklik POST /v1/events: ${loadLine(otklik)}`)
      atEighty = await load(target.url, ceilingS, 0.8 * otklik.requestsPerS)
      o.print(`Otklik at 80 % of that rate (${rate(0.8 * otklik.requestsPerS)} requests/s): ${loadLine(atEighty)}`)
      const commit = await readGroupCommit(target.url)
      if (commit) {
        const events = otklik.accepted + atEighty.accepted
        o.print(
          `group commit: ${commit.blocks} blocks inserted for ${events} events (${Math.round(events / Math.max(1, commit.blocks))} per block), ${((1000 * commit.insertSeconds) / Math.max(1, commit.blocks)).toFixed(0)} ms per insert (after the stored-id lookup), ${commit.spooledGroups} groups of requests released from the spool before their insert`,
        )
      }
    } finally {
      samples = await memory.stop()
      await target.stop()
    }
    printMemory(o.print, samples)

    // One embedded engine per process and directory: the fresh server's
    // directory (after it stopped), else a temporary one of our own.
    const store = createStore(loadConfig({ DATA_DIR: dataDir, CLICKHOUSE_DATABASE: CEILING_DATABASE }))
    try {
      const stored = own ? await storedEvents(store) : undefined
      if (stored) {
        const excluded = Object.entries(stored.excluded)
        const answered = otklik.accepted + atEighty.accepted
        o.print(
          `stored: ${stored.events} events (${answered} acknowledged with 202; requests cut off at the end of a run may add some); answers excluded by the ballot-stuffing judge: ${excluded.length ? excluded.map(([why, n]) => `${n} ${why}`).join(', ') : 'none'}`,
        )
      } else {
        o.print(`accepted: ${otklik.accepted + atEighty.accepted} events acknowledged with 202 (stored and excluded counts need the server's own storage)`)
      }
      await migrate(store)
      const storage = await eventsTableRate(store, ceilingS, o.eventsPerRequest)
      o.print(
        `storage ceiling (Otklik's events table with its views, blocks of ${BLOCK_ROWS}, same store and client, no HTTP${own ? '' : '; a local embedded engine'}): ${rate(storage.rowsPerS)} events/s`,
      )
      const plain = await plainTableRate(store, ceilingS, o.eventsPerRequest)
      o.print(`plain MergeTree table (same columns and order, no views): ${rate(plain.rowsPerS)} events/s; the events table reaches ${ratio(storage.rowsPerS, plain.rowsPerS)} of it (target ≥ 0.5)`)
      const lower = Math.min(http.eventsPerS, storage.rowsPerS)
      o.print(
        `Otklik / HTTP ceiling ${ratio(otklik.eventsPerS, http.eventsPerS)}, Otklik / storage ceiling ${ratio(otklik.eventsPerS, storage.rowsPerS)}; to the lower ceiling ${ratio(otklik.eventsPerS, lower)} (target ≥ 0.6); p99 at 80 % ${atEighty.p99Ms.toFixed(0)} ms (target ≤ 100)`,
      )
      return { http, otklik, atEighty, storage, plain, memory: samples, ...(stored ? { stored } : {}) }
    } finally {
      await store.close()
    }
  } finally {
    if (!o.dataDir) rmSync(dataDir, { recursive: true, force: true })
  }
}

/** `otklik serve` on `dataDir`, no rate limit, behind a trusted "load balancer" (loopback), with the bench site. */
async function freshServer(o: IngestBenchOptions, dataDir: string): Promise<ChildServer> {
  const token = randomBytes(24).toString('base64url')
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    CLICKHOUSE_DATABASE: SERVICE_DATABASE,
    PORT: '0',
    HOST: '127.0.0.1',
    RATE_LIMIT: '0',
    LOG_LEVEL: 'warn',
    OTKLIK_DEMO: '0',
    FLAGS_EVERY: 'off',
    OTKLIK_ADMIN_TOKEN: token,
    // Each visit comes from its own address, forwarded as a load balancer
    // would; from one address every answer after the second would be a burst.
    TRUST_PROXY: '127.0.0.1',
    // Its own embedded engine, whatever this shell points at (empty = unset).
    CLICKHOUSE_URL: '',
    CLICKHOUSE_CLUSTER: '',
    METRICS_TOKEN: '',
  }
  const server = await startChild(o.node, o.cli, ['serve'], env, /Otklik is running at (\S+)/)
  const res = await fetch(`${server.url}/v1/sites`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ key: BENCH_SITE, kind: 'web', name: 'Benchmark', origins: [BENCH_ORIGIN] }),
  })
  if (res.status !== 201) {
    await server.stop()
    throw new Error(`the bench site could not be created: ${res.status} ${await res.text()}`)
  }
  return server
}

async function storedEvents(store: Store): Promise<{ events: number; excluded: Record<string, number> }> {
  const rows = await store.query<{ excluded: string; n: unknown }>(
    `SELECT excluded, count() AS n FROM ${SERVICE_DATABASE}.events GROUP BY excluded ORDER BY excluded`,
  )
  const excluded: Record<string, number> = {}
  let events = 0
  for (const r of rows) {
    events += toNumber(r.n)
    if (r.excluded !== '') excluded[r.excluded] = toNumber(r.n)
  }
  return { events, excluded }
}

function printMemory(print: (line: string) => void, samples: readonly MemorySample[]): void {
  const first = samples[0]
  const last = samples.at(-1)
  if (!first || !last) {
    print('memory: not measured (GET /metrics did not answer)')
    return
  }
  const slope = (pick: (s: MemorySample) => number) => `${(slopePerMinute(samples, pick) / 2 ** 20).toFixed(1)} MiB/min`
  print(
    `memory of the Otklik process: RSS ${MiB(first.rssBytes)} at start, ${MiB(last.rssBytes)} at end (slope ${slope((s) => s.rssBytes)}, peak ${MiB(Math.max(...samples.map((s) => s.rssBytes)))}); heap ${MiB(first.heapBytes)} → ${MiB(last.heapBytes)} (slope ${slope((s) => s.heapBytes)}); ${samples.length} samples over ${last.atS.toFixed(0)} s`,
  )
}
