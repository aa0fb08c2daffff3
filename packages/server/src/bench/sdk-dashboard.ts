/**
 * The dashboard's time to a usable overview (its first figures rendered)
 * with the CPU throttled 4× over the DevTools protocol: once with the API
 * live, once with the API's answers replayed so that only the page's own
 * work (download, parse, render) is timed.
 */
import type { Browser, Page } from 'playwright-core'

// Browser globals, used only inside page.evaluate callbacks.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any */
declare const window: any

export const CPU_SLOWDOWN = 4
/** The overview's first figure: a KPI's value (packages/dashboard/src/components/kpi.tsx). */
const FIRST_FIGURE = '.kpi .kpi-value'
const WAIT_MS = 120_000

export interface DashboardFigures {
  /** Reload → first figure, CPU 4×, API live (ms). */
  liveMs: number
  /** The same with the API's answers replayed (ms). */
  replayedMs: number
  /** API calls the overview made. */
  apiCalls: number
}

export async function dashboardUsable(browser: Browser, origin: string, token: string): Promise<DashboardFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  try {
    await page.addInitScript((t: string) => window.sessionStorage.setItem('otklik.token', t), token)
    const answers = new Map<string, string>()
    page.on('response', async (res) => {
      const url = new URL(res.url())
      if (!url.pathname.startsWith('/v1/') || !(res.headers()['content-type'] ?? '').includes('json')) return
      answers.set(`${url.pathname}${url.search}`, await res.text().catch(() => ''))
    })
    // A first load warms the browser's and the server's caches, as a manager's second visit would find them.
    await page.goto(`${origin}/dashboard/?lang=en`)
    await page.waitForSelector(FIRST_FIGURE, { timeout: WAIT_MS })
    await page.waitForLoadState('networkidle')

    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
    const liveMs = await reloadUntilFigure(page)
    await page.waitForLoadState('networkidle')
    await page.route('**/v1/**', (route) => {
      const url = new URL(route.request().url())
      const body = answers.get(`${url.pathname}${url.search}`)
      return body ? route.fulfill({ contentType: 'application/json', body }) : route.continue()
    })
    const replayedMs = await reloadUntilFigure(page)
    return { liveMs, replayedMs, apiCalls: answers.size }
  } finally {
    await context.close()
  }
}

async function reloadUntilFigure(page: Page): Promise<number> {
  const started = Date.now()
  await page.reload()
  await page.waitForSelector(FIRST_FIGURE, { timeout: WAIT_MS })
  return Date.now() - started
}
