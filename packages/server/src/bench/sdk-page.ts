/**
 * What `otklik bench sdk` measures in one Chromium page: the SDK's script
 * loaded by a site's page (main-thread time of its evaluation, from the
 * browser's own trace), its calls (main-thread time each), a survey shown,
 * the long tasks of all that, and the bytes of the event requests it sent.
 */
import type { Browser, Page } from 'playwright-core'

// Browser globals, used only inside page.evaluate callbacks: this package's
// tsconfig has no DOM lib, so they are declared loosely here.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any */
declare const document: any, window: any, PerformanceObserver: any, performance: any

export const CALLS_PER_FIGURE = 50
const TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline']

export interface PageFigures {
  /** Main-thread time evaluating otklik.js at load (ms), as the page waits for it, and the CPU time within it. */
  initMs: number
  initCpuMs: number
  /** The same for the SDK's deferred start: the idle callback that opens Web Storage and runs the page view and the calls made so far. */
  startMs: number
  startCpuMs: number
  /** Median main-thread time of one call (ms), by call. */
  callMs: Record<string, number>
  /** From `survey()` to the dialog in the page (ms): the widget chunk fetched, evaluated and built. */
  surveyShownMs: number
  /** Long tasks (≥ 50 ms) and when: during the page's load (before the SDK was ready), its calls or the survey. */
  longTasks: { phase: 'load' | 'calls' | 'survey'; ms: number }[]
  /** Bodies of POST /v1/events: bytes and events. */
  requests: { bytes: number; events: number }[]
}

/** A page of `origin` holding the SDK's script tag (served by the route, not the server). */
export function sitePage(site: string, touchStorage: boolean): string {
  // Chromium opens an origin's Web Storage on its first use, synchronously; a
  // page that has used it already spares the SDK that cost.
  const touch = touchStorage ? '<script>localStorage.length; sessionStorage.length</script>\n' : ''
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>SDK bench</title></head>
<body><main><h1>Заявление</h1><p>Страница услуги.</p></main>
${touch}<script src="/sdk.js" data-site="${site}" data-service="passport-rf" data-pageviews="true"></script>
</body></html>`
}

export async function measurePage(browser: Browser, origin: string, site: string, touchStorage = false): Promise<PageFigures> {
  const context = await browser.newContext()
  const page = await context.newPage()
  try {
    const requests: PageFigures['requests'] = []
    page.on('request', (r) => {
      if (r.method() !== 'POST' || !r.url().endsWith('/v1/events')) return
      const body = r.postDataBuffer() ?? Buffer.alloc(0)
      const events = (JSON.parse(body.toString('utf8')) as { events?: unknown[] }).events?.length ?? 0
      requests.push({ bytes: body.length, events })
    })
    // Run from source (tsx), named functions inside evaluate callbacks call esbuild's __name helper.
    await page.addInitScript({ content: 'window.__name = (f) => f' })
    await page.addInitScript(() => {
      window.__longTasks = []
      new PerformanceObserver((list: { getEntries(): { startTime: number; duration: number }[] }) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration })
      }).observe({ type: 'longtask', buffered: true })
    })
    await page.route(`${origin}/bench/page.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: sitePage(site, touchStorage) }))

    await browser.startTracing(page, { categories: TRACE_CATEGORIES })
    await page.goto(`${origin}/bench/page.html`, { waitUntil: 'load' })
    await page.waitForFunction(() => typeof window.otklik === 'function' && window.otklik.v !== undefined)
    const ready = (await page.evaluate(() => performance.now())) as number
    const callMs = await timeCalls(page)
    const callsDone = (await page.evaluate(() => performance.now())) as number
    const surveyStart = Date.now()
    await page.evaluate(() => window.otklik('survey', { metric: 'csat' }))
    await page.waitForFunction(() => document.querySelector('otklik-survey[kind=dialog]') !== null)
    const surveyShownMs = Date.now() - surveyStart
    await page.evaluate(() => window.otklik('flush'))
    await page.waitForTimeout(500)
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }
    const tasks = (await page.evaluate(() => window.__longTasks)) as { start: number; ms: number }[]
    const evaluations = trace.traceEvents.filter((e) => e.ph === 'X' && e.name === 'EvaluateScript' && /\/sdk\.js$/.test(e.args?.data?.url ?? ''))
    // The page runs no idle callbacks of its own.
    const idleCallbacks = trace.traceEvents.filter((e) => e.ph === 'X' && e.name === 'FireIdleCallback')
    const longTasks = tasks.map((t) => ({ phase: t.start < ready ? ('load' as const) : t.start < callsDone ? ('calls' as const) : ('survey' as const), ms: t.ms }))
    return {
      initMs: wallMs(evaluations),
      initCpuMs: cpuMs(evaluations),
      startMs: wallMs(idleCallbacks),
      startCpuMs: cpuMs(idleCallbacks),
      callMs,
      surveyShownMs,
      longTasks,
      requests,
    }
  } finally {
    await context.close()
  }
}

/**
 * Median main-thread time of each call, timed inside the page, each call in
 * a task of its own as a page makes them (the SDK queues events and sends
 * them later, so this is what a call costs the page at the moment it is made).
 */
async function timeCalls(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async (n: number) => {
    const otklik = window.otklik
    const calls: [string, (i: number) => void][] = [
      ['start', (i) => otklik('start', { lifeSituation: i % 2 ? 'moving' : 'marriage' })],
      ['step', (i) => otklik('step', `step-${i % 5}`)],
      ['complete', () => otklik('complete')],
      ['pageview', () => otklik('pageview')],
      ['flush', () => otklik('flush')],
    ]
    const out: Record<string, number> = {}
    for (const [name, call] of calls) {
      const each: number[] = []
      for (let i = 0; i < n; i++) {
        await new Promise((resolve) => setTimeout(resolve, 0))
        const t = performance.now()
        call(i)
        each.push(performance.now() - t)
      }
      out[name] = each.sort((a, b) => a - b)[Math.floor(n / 2)] ?? 0
    }
    return out
  }, CALLS_PER_FIGURE)
}

interface TraceEvent {
  name: string
  ph: string
  dur?: number
  tdur?: number
  args?: { data?: { url?: string } }
}

/**
 * The wall time (ms) of complete trace events: what the page waits, a
 * synchronous wait for the browser process (opening Web Storage) included.
 */
const wallMs = (events: readonly TraceEvent[]): number => events.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000

/** Their thread time (ms): the main thread's CPU time, which time taken by other processes of a shared machine does not inflate. */
const cpuMs = (events: readonly TraceEvent[]): number => events.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000
