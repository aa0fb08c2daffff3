/**
 * `otklik bench query`: fills a fresh temporary data directory (embedded
 * chDB) with generated events, size after size, and times each call the
 * dashboard makes through real HTTP to a started server:
 * - cold: the first call on this data, ClickHouse's caches dropped just before;
 * - computed: the answer computed again on warm ClickHouse caches, after a
 *   write that changes no figure (a registry row) but the data version, as
 *   every first call after new events is under live ingestion; asked with
 *   `Cache-Control: no-cache`, since a slow report otherwise answers from
 *   the data before the change while it is computed again (result-cache.ts);
 * - cached: repeated calls on unchanged data, served by the answer cache
 *   (analytics/result-cache.ts).
 * Medians of several calls. Figures, not assertions; the ceilings of issue 11
 * are printed beside them.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomSecret } from '../auth/secrets.js'
import { loadConfig } from '../config.js'
import { createSite } from '../registry/sites.js'
import { startServer, type RunningServer } from '../server.js'
import { toNumber } from '../storage/int64.js'
import type { Store } from '../storage/store.js'
import { quantile } from '../analytics/stats/quantile.js'
import { dashboardCalls, type DashboardCall } from './query-calls.js'
import { BENCH_DAYS, EVENTS_PER_JOURNEY, generateEvents } from './query-events.js'

export interface QueryBenchOptions {
  /** Sizes in events, measured in increasing order on one growing data set. */
  sizes: number[]
  /** Warm calls per figure (the median is printed). */
  repeats: number
  print: (line: string) => void
  /** The clock of the data and of the server (default: now). */
  now?: number
}

export interface CallFigures {
  call: DashboardCall
  coldMs: number
  computedMs: number
  cachedMs: number
}

export interface SizeFigures {
  events: number
  types: Record<string, number>
  calls: CallFigures[]
}

// Caches a cold call must not find warm; one that this engine lacks is skipped.
const DROP_CACHES = ['SYSTEM DROP MARK CACHE', 'SYSTEM DROP UNCOMPRESSED CACHE', 'SYSTEM DROP QUERY CACHE', 'SYSTEM DROP PRIMARY INDEX CACHE']
const BUSIEST_SERVICE = 'child-allowance'

export async function benchQuery(o: QueryBenchOptions): Promise<SizeFigures[]> {
  const now = o.now ?? Date.now()
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-bench-query-'))
  // Embedded chDB on a fresh directory, whatever CLICKHOUSE_URL says: the
  // benchmark writes its own data and must not touch a real database.
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', RATE_LIMIT: '0', LOG_LEVEL: 'warn', OTKLIK_DEMO: '0', FLAGS_EVERY: 'off' })
  const results: SizeFigures[] = []
  let server: RunningServer | undefined
  try {
    server = await startServer({ ...config, port: 0 }, () => {}, () => now)
    const token = randomSecret(32)
    server.app.otklik.tokens.allow(token, { id: 'bench', scope: 'admin', name: 'bench query' })
    const { store } = server.app.otklik
    const calls = dashboardCalls(BUSIEST_SERVICE, now)
    let stored = 0
    for (const size of [...o.sizes].sort((a, b) => a - b)) {
      const started = performance.now()
      await generateEvents(store, { from: stored, to: size, now }, (p) => {
        if (p.rows % 20_000_000 === 0) o.print(`  … ${stored + p.rows} events generated (${p.seconds.toFixed(0)} s)`)
      })
      o.print(`generated: ${size - stored} events in ${((performance.now() - started) / 1000).toFixed(1)} s`)
      stored = size
      const types = await countTypes(store)
      const rollups = await rollupTotals(store)
      o.print(`stored: ${describeTypes(types)}; ${Math.ceil(size / EVENTS_PER_JOURNEY)} journeys over ${BENCH_DAYS} days`)
      o.print(`rollups (filled by the views): ${rollups.events} events, ${rollups.answers} answers, ${rollups.journeys} journeys`)
      const figures: CallFigures[] = []
      for (const call of calls) figures.push(await timeCall(server, store, token, call, o.repeats))
      printTable(o.print, size, figures, o.repeats)
      results.push({ events: size, types, calls: figures })
    }
    if (results.length > 1) printGrowth(o.print, results)
  } finally {
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return results
}

async function timeCall(server: RunningServer, store: Store, token: string, call: DashboardCall, repeats: number): Promise<CallFigures> {
  for (const sql of DROP_CACHES) await store.command(sql).catch(() => undefined)
  const coldMs = await get(server, token, call.path)
  const computed: number[] = []
  for (let i = 0; i < repeats; i++) {
    await touchRegistry(store)
    computed.push(await get(server, token, call.path, { 'cache-control': 'no-cache' }))
  }
  const cached: number[] = []
  for (let i = 0; i < repeats; i++) cached.push(await get(server, token, call.path))
  return { call, coldMs, computedMs: quantile(computed, 0.5) ?? coldMs, cachedMs: quantile(cached, 0.5) ?? coldMs }
}

/** A registry write that changes no figure (a new site, which no event names) but the data version. */
const touchRegistry = (store: Store) => createSite(store, { kind: 'web', name: 'bench query: a new data version', origins: [] })

async function get(server: RunningServer, token: string, path: string, headers: Record<string, string> = {}): Promise<number> {
  const t = performance.now()
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...headers } })
  await res.arrayBuffer()
  const ms = performance.now() - t
  if (!res.ok) throw new Error(`bench query: GET ${path} answered ${res.status}`)
  return ms
}

async function countTypes(store: Store): Promise<Record<string, number>> {
  const rows = await store.query<{ type: string; n: unknown }>(`SELECT type, count() AS n FROM ${store.table('events')} GROUP BY type ORDER BY type`)
  return Object.fromEntries(rows.map((r) => [r.type, toNumber(r.n)]))
}

async function rollupTotals(store: Store): Promise<{ events: number; answers: number; journeys: number }> {
  const [row] = await store.query<Record<string, unknown>>(`SELECT
  (SELECT sum(events) FROM ${store.table('rollup_events')}) AS events,
  (SELECT sum(answers) FROM ${store.table('rollup_answers')}) AS answers,
  (SELECT uniqExact(service, journey) FROM ${store.table('rollup_journey_days')}) AS journeys`)
  return { events: toNumber(row?.events), answers: toNumber(row?.answers), journeys: toNumber(row?.journeys) }
}

const describeTypes = (types: Record<string, number>) =>
  `${Object.values(types).reduce((a, b) => a + b, 0)} events (${Object.entries(types)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ')})`

const pad = (s: string, n: number) => s.padEnd(n)
const num = (s: string, n: number) => s.padStart(n)
const NAME_WIDTH = 52

function printTable(print: (line: string) => void, events: number, figures: CallFigures[], repeats: number): void {
  print(`\nquery at ${formatSize(events)} events (embedded chDB, real HTTP; computed and cached = medians of ${repeats})`)
  print('(computed = asked with Cache-Control: no-cache after new data; without it, a report that took a second or more answers from the data before the change, at most 5 minutes old, as fast as cached, while it is computed again)')
  print(`${pad('call', NAME_WIDTH)} ${num('cold ms', 9)} ${num('computed', 9)} ${num('cached', 9)} ${num('ceiling', 8)}  within (computed / cached)`)
  const within = (ms: number, target: number) => (ms <= target ? 'yes' : `no ${(ms / target).toFixed(1)}×`)
  for (const f of figures) {
    const t = f.call.targetMs
    print(
      `${pad(f.call.name, NAME_WIDTH)} ${num(f.coldMs.toFixed(1), 9)} ${num(f.computedMs.toFixed(1), 9)} ${num(f.cachedMs.toFixed(1), 9)} ${num(String(t), 8)}  ${within(f.computedMs, t)} / ${within(f.cachedMs, t)}`,
    )
  }
}

function printGrowth(print: (line: string) => void, results: SizeFigures[]): void {
  const first = results[0]!
  const last = results[results.length - 1]!
  print(`\ngrowth from ${formatSize(first.events)} to ${formatSize(last.events)} events (target: within 2×), computed | cached, ms`)
  print(`${pad('call', NAME_WIDTH)} ${results.map((r) => num(formatSize(r.events), 17)).join(' ')} ${num('growth', 15)}`)
  first.calls.forEach((f, i) => {
    const of = (r: SizeFigures) => r.calls[i]!
    const cells = results.map((r) => num(`${of(r).computedMs.toFixed(0)} | ${of(r).cachedMs.toFixed(0)}`, 17))
    const growth = (pick: (c: CallFigures) => number) => pick(of(last)) / pick(of(first))
    const g = `${growth((c) => c.computedMs).toFixed(1)}× | ${growth((c) => c.cachedMs).toFixed(1)}×`
    print(`${pad(f.call.name, NAME_WIDTH)} ${cells.join(' ')} ${num(g, 15)}`)
  })
}

export function formatSize(events: number): string {
  if (events >= 1e6 && events % 1e5 === 0) return `${events / 1e6}M`
  if (events >= 1e3 && events % 100 === 0) return `${events / 1e3}k`
  return String(events)
}

/** `1M`, `10M`, `250k`, `5000`, or a list of them separated by commas. */
export function parseSizes(text: string): number[] | undefined {
  const sizes = text.split(',').map((part) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(part)
    if (!m) return NaN
    const scale = { '': 1, k: 1e3, m: 1e6 }[m[2]!.toLowerCase() as '' | 'k' | 'm']
    return Math.round(Number(m[1]) * scale)
  })
  return sizes.every((n) => Number.isSafeInteger(n) && n > 0) ? sizes : undefined
}
