/**
 * Helpers of the dashboard's browser tests: one seeded server and one
 * Chromium for the whole file, pages that record what must never happen
 * (console errors, CSP violations, requests to another host, dialogs), and
 * waiting until a view has loaded everything it asked for.
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

// Browser globals, used only inside page.evaluate callbacks (this package's tsconfig has no DOM lib).
/* eslint-disable-next-line @typescript-eslint/no-explicit-any */
declare const document: any, window: any

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url))

export function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
}

export interface Watched {
  page: Page
  context: BrowserContext
  /** Console errors, page errors, CSP violations, requests to other hosts, dialogs: all must stay empty. */
  problems: string[]
  /** The JSON bodies of the API responses the page received, by path and query. */
  responses: Map<string, unknown>
  ready(): Promise<void>
}

/** A page in a fresh context; `token` (if any) is put in sessionStorage before any script runs. */
export async function watchedPage(browser: Browser, origin: string, token?: string, viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const context = await browser.newContext({ viewport, acceptDownloads: true })
  const page = await context.newPage()
  const problems: string[] = []
  const responses = new Map<string, unknown>()
  let inFlight = 0
  if (token) await page.addInitScript((t: string) => window.sessionStorage.setItem('otklik.token', t), token)
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) => {
      window.__cspViolations = [...(window.__cspViolations ?? []), `${e.violatedDirective} ${e.blockedURI}`]
    }),
  )
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`))
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.protocol !== 'blob:' && url.protocol !== 'data:' && url.origin !== origin) problems.push(`request to another host: ${r.url()}`)
    if (url.pathname.startsWith('/v1/')) inFlight++
  })
  const done = (r: { url(): string }) => {
    if (new URL(r.url()).pathname.startsWith('/v1/')) inFlight--
  }
  page.on('requestfailed', done)
  page.on('requestfinished', done)
  page.on('response', async (res) => {
    const url = new URL(res.url())
    if (!url.pathname.startsWith('/v1/') || !(res.headers()['content-type'] ?? '').includes('json')) return
    try {
      responses.set(`${url.pathname}${url.search}`, await res.json())
    } catch {
      // A navigation away discarded the body.
    }
  })
  const ready = async () => {
    // Nothing in flight and nothing loading for a quiet moment: the view has all it asked for.
    let quiet = 0
    for (let i = 0; i < 900 && quiet < 3; i++) {
      await page.waitForTimeout(100)
      const loading = await page.evaluate(() => document.querySelector('[data-loading]') !== null || document.getElementById('app')?.childElementCount === 0)
      quiet = inFlight === 0 && !loading ? quiet + 1 : 0
    }
    if (quiet < 3) throw new Error(`the page did not finish loading: ${page.url()}`)
    const csp = (await page.evaluate(() => window.__cspViolations ?? [])) as string[]
    problems.push(...csp.map((v) => `CSP violation: ${v}`))
  }
  return { page, context, problems, responses, ready }
}

/** The response the page received for a path whose query has all of `params`. */
export function responseFor<T>(w: Watched, path: string, params: Record<string, string> = {}): T {
  for (const [key, body] of w.responses) {
    const url = new URL(key, 'http://x')
    if (url.pathname === path && Object.entries(params).every(([k, v]) => url.searchParams.get(k) === v)) return body as T
  }
  throw new Error(`the page never received ${path} ${JSON.stringify(params)}; it got ${[...w.responses.keys()].join(', ')}`)
}

/** Presses Tab until the focused element matches `selector` (at most `limit` times). */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s: string) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`Tab never reached ${selector}`)
}

/** Text with every kind of space made one plain space. */
export const plain = (s: string | null | undefined): string => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim()
