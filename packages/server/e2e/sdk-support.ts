/**
 * What the browser end-to-end tests of the SDK share: the built SDK (which
 * they require, never skip), Chromium, axe-core, a running server on a fresh
 * embedded ClickHouse, and keyboard-only helpers.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { startServer, type RunningServer } from '../src/server.js'
import type { EventRow } from '../src/storage/events-store.js'
import { createStore, type Store } from '../src/storage/store.js'
import { testConfig } from '../test-support/app.js'
import { freePort } from '../test-support/server-process.js'
import { CHROMIUM_LAUNCH } from './engines.js'
// Browser globals, used only inside page.evaluate callbacks: this package's
// tsconfig has no DOM lib, so they are declared loosely here.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any */
declare const document: any, window: any


const SDK_DIST = fileURLToPath(new URL('../../sdk/dist/', import.meta.url))

/** Fails (never skips) when the SDK has not been built. */
export function requireSdkBuild(): void {
  for (const file of ['otklik.js', 'otklik-widget.js', 'manifest.json']) {
    if (!existsSync(SDK_DIST + file)) throw new Error(`packages/sdk/dist/${file} is missing: run \`pnpm build\` at the repository root first`)
  }
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const axeSource = readFileSync(createRequire(new URL('../../sdk/package.json', import.meta.url)).resolve('axe-core/axe.min.js'), 'utf8')

async function launch(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH)
}

export interface Server {
  server: RunningServer
  store: Store
  url: string
}

/** The real server (`startServer`) on a free port, so that the demo site allows its own origin. */
export async function startOtklik(): Promise<Server> {
  const port = await freePort()
  const config = { ...testConfig({ PORT: String(port), FLUSH_INTERVAL_MS: '20' }), port }
  const server = await startServer(config, () => {})
  const store = createStore(config, server.app.otklik.store.client)
  return { server, store, url: `http://127.0.0.1:${port}` }
}

export interface Running {
  otklik: Server
  browser: Browser
}

/**
 * Registers the file's `beforeAll` (the SDK build is required, then the
 * server and Chromium start) and `afterAll` (both stop). The returned object
 * is filled in once `beforeAll` has run.
 */
export function serverAndBrowser(): Running {
  const running = {} as Running
  beforeAll(async () => {
    requireSdkBuild()
    running.otklik = await startOtklik()
    running.browser = await launch()
  })
  afterAll(async () => {
    await running.browser?.close()
    await running.otklik?.server.close()
  })
  return running
}

export type StoredEvent = Pick<
  EventRow,
  'type' | 'session' | 'journey' | 'service' | 'life_situation' | 'step' | 'error_code' | 'metric' | 'question' | 'score' | 'comment' | 'path' | 'locale'
> & { excluded: string }

/** The site's events once `done` says they are all there (polled: ingestion is asynchronous). */
export async function waitForEvents(store: Store, site: string, done: (events: StoredEvent[]) => boolean, timeoutMs = 20_000): Promise<StoredEvent[]> {
  const until = Date.now() + timeoutMs
  let events: StoredEvent[] = []
  while (Date.now() < until) {
    events = await store.query<StoredEvent>(
      `SELECT type, toString(session) AS session, toString(journey) AS journey, service, life_situation, step, error_code, metric, question, score, comment, path, locale, excluded
       FROM ${store.table('events')} WHERE site_id = {site:String} ORDER BY ts, type`,
      { site },
    )
    if (done(events)) return events
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`events not as expected after ${timeoutMs} ms:\n${JSON.stringify(events, null, 1)}`)
}

/** Runs axe-core in the page (evaluated over the DevTools protocol, so the page's CSP does not block it). */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  await page.evaluate(axeSource)
  return page.evaluate(async (tags) => {
    const axe = window.axe as { run(ctx: unknown, o: object): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> }
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }))
  }, AXE_TAGS)
}

/** Describes the focused element, looking into open shadow roots. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let a = document.activeElement
    const path: string[] = []
    while (a) {
      path.push(`${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.getAttribute('kind') ? `[kind=${a.getAttribute('kind')}]` : ''}${a.getAttribute('type') ? `[type=${a.getAttribute('type')}]` : ''}${a.getAttribute('value') ? `[value=${a.getAttribute('value')}]` : ''}`)
      a = a.shadowRoot?.activeElement ?? null
    }
    return path.join(' > ')
  })
}

/** Presses Tab until the focused element's description contains `what` (keyboard only, no mouse). */
export async function tabTo(page: Page, what: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)).includes(what)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`could not reach ${what} with Tab; focus is on ${await focused(page)}`)
}
