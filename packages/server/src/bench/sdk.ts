/**
 * `otklik bench sdk`: the browser SDK and the dashboard in real Chromium
 * (headless, /usr/bin/chromium or CHROMIUM_PATH) against a started server on
 * a fresh temporary data directory: the SDK's main-thread time at load and
 * per call, long tasks, bytes on the wire per event, the gzip sizes of its
 * bundles; and the dashboard's time to a usable overview with the CPU
 * throttled 4×. Figures with the targets of issue 11 beside them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { randomSecret } from '../auth/secrets.js'
import { CliError } from '../cli/data-access.js'
import { loadConfig } from '../config.js'
import { createSite } from '../registry/sites.js'
import { dashboardDist } from '../dashboard/routes.js'
import { isBuilt, sdkPackage } from '../sdk-assets/files.js'
import { startServer, type RunningServer } from '../server.js'
import { quantile } from '../analytics/stats/quantile.js'
import { generateEvents } from './query-events.js'
import { CPU_SLOWDOWN, dashboardUsable } from './sdk-dashboard.js'
import { CALLS_PER_FIGURE, measurePage, type PageFigures } from './sdk-page.js'

export interface SdkBenchOptions {
  /** Page loads measured (medians printed). */
  runs: number
  /** Events generated for the dashboard's overview. */
  events: number
  print: (line: string) => void
}

const SITE = 'bench'
const INIT_TARGET_MS = 2
const CORE_TARGET = 3000
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']

export async function benchSdk(o: SdkBenchOptions): Promise<void> {
  const sdk = sdkPackage()
  if (!isBuilt(sdk) || !dashboardDist()) throw new CliError('the SDK or the dashboard is not built: run `pnpm build` at the repository root first')
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-bench-sdk-'))
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', RATE_LIMIT: '0', LOG_LEVEL: 'warn', OTKLIK_DEMO: '0', FLAGS_EVERY: 'off' })
  // Whatever fails, the browser, the server and the directory go: nothing keeps the process alive.
  let server: RunningServer | undefined
  try {
    server = await startServer({ ...config, port: 0 }, () => {})
    const { store } = server.app.otklik
    await createSite(store, { key: SITE, kind: 'web', name: 'SDK benchmark', origins: [server.url] })
    await generateEvents(store, { from: 0, to: o.events, now: Date.now() })
    const token = randomSecret(32)
    server.app.otklik.tokens.allow(token, { id: 'bench', scope: 'admin', name: 'bench sdk' })

    const runs: PageFigures[] = []
    const touched: PageFigures[] = []
    for (let i = 0; i < o.runs; i++) {
      runs.push(await measurePage(browser, server.url, SITE))
      touched.push(await measurePage(browser, server.url, SITE, true))
    }
    printSdk(o.print, runs, touched, sdk.dist)

    const dashboard = await dashboardUsable(browser, server.url, token)
    o.print(`dashboard: overview usable (first figure rendered) with the CPU ${CPU_SLOWDOWN}× slower: ${dashboard.liveMs} ms with the API live (${o.events} events, answers warm), ${dashboard.replayedMs} ms with its ${dashboard.apiCalls} API answers replayed (the page's own work)`)
  } finally {
    await browser.close()
    await server?.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const median = (xs: number[]) => quantile(xs, 0.5) ?? 0
const ms = (x: number) => x.toFixed(3)

function printSdk(print: (line: string) => void, runs: PageFigures[], touched: PageFigures[], dist: string): void {
  print(`sdk: ${runs.length} + ${touched.length} page loads in headless Chromium, each in a fresh profile (medians; the server on loopback)`)
  const init = median(runs.map((r) => r.initMs))
  const own = median(touched.map((r) => r.initMs))
  const verdict = (x: number) => (x <= INIT_TARGET_MS ? 'ok' : 'MISSED')
  const cpu = (figures: PageFigures[], key: 'initCpuMs' | 'startCpuMs') => ms(median(figures.map((r) => r[key])))
  print(`init: ${ms(init)} ms of main thread evaluating otklik.js (target ≤ ${INIT_TARGET_MS} ms: ${verdict(init)}); max ${ms(Math.max(...runs.map((r) => r.initMs)))} ms; ${cpu(runs, 'initCpuMs')} ms of it on the CPU`)
  print(`init on a page that has used Web Storage already: ${ms(own)} ms (${verdict(own)}); ${cpu(touched, 'initCpuMs')} ms on the CPU`)
  print(
    `deferred start (Web Storage opened, the page view and the calls made so far), in an idle callback after init: ${ms(median(runs.map((r) => r.startMs)))} ms (${cpu(runs, 'startCpuMs')} ms on the CPU); ${ms(median(touched.map((r) => r.startMs)))} ms where the page has used Web Storage already`,
  )
  const calls = Object.keys(runs[0]?.callMs ?? {})
  print(`per call (median of ${CALLS_PER_FIGURE} each): ${calls.map((c) => `${c} ${ms(median(runs.map((r) => r.callMs[c] ?? 0)))} ms`).join(', ')}`)
  print(`survey: shown ${median(runs.map((r) => r.surveyShownMs)).toFixed(0)} ms after survey() (the widget chunk fetched, evaluated and built)`)
  const longTasks = [...runs, ...touched].flatMap((r) => r.longTasks)
  print(`long tasks (≥ 50 ms) during load, ${CALLS_PER_FIGURE * 5} calls and a survey, over all runs: ${longTasks.length}${longTasks.length ? ` (${longTasks.map((t) => `${t.ms.toFixed(0)} ms during ${t.phase}`).join(', ')}) MISSED` : ' (target: none, ok)'}`)
  const requests = runs.flatMap((r) => r.requests)
  const bytes = requests.reduce((a, r) => a + r.bytes, 0)
  const events = requests.reduce((a, r) => a + r.events, 0)
  print(`wire: ${events} events in ${requests.length} requests, ${bytes} bytes of request bodies: ${(bytes / Math.max(events, 1)).toFixed(0)} bytes per event (JSON, uncompressed; headers not counted)`)
  const core = gzipSync(readFileSync(join(dist, 'otklik.js'))).length
  const widget = gzipSync(readFileSync(join(dist, 'otklik-widget.js'))).length
  // The budgets the SDK's build enforces, from the manifest it writes.
  const budget = (file: string): number => (JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { files: Record<string, { budget: number }> }).files[file]!.budget
  const [coreBudget, widgetBudget] = [budget('otklik.js'), budget('otklik-widget.js')]
  print(`size: otklik.js ${core} B gzip (budget ${coreBudget}: ${core <= coreBudget ? 'ok' : 'OVER'}; issue target 3 KB = ${CORE_TARGET}: ${core <= CORE_TARGET ? 'ok' : `over by ${core - CORE_TARGET} B`}), otklik-widget.js ${widget} B gzip (budget ${widgetBudget}: ${widget <= widgetBudget ? 'ok' : 'OVER'})`)
}
