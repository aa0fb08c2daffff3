/**
 * The SDK in one browser engine (sdk-chromium, sdk-firefox and sdk-webkit
 * run it in each): the demo journey and its survey by keyboard only, and a
 * three-page walk on another origin under each referrer policy that made
 * Firefox and WebKit lose events with sendBeacon (`Origin: null`). Every
 * page is left right after the action, as a person moving on quickly does;
 * every event must arrive exactly once, counted in ClickHouse. And a batch
 * the server refuses for good is reported, not retried forever.
 */
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSite } from '../src/registry/sites.js'
import { launchEngine, type Engine, type EngineName, type KeyName, type Tab } from './engines.js'
import { requireSdkBuild, startOtklik, type Server } from './sdk-support.js'
// Browser globals, used only inside functions run in the page: this
// package's tsconfig has no DOM lib, so they are declared loosely here.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any */
declare const document: any, window: any, sessionStorage: any, getComputedStyle: any

const POLICIES = ['no-referrer', 'same-origin', 'strict-origin-when-cross-origin'] as const
type Policy = (typeof POLICIES)[number]

interface Stored {
  id: string
  type: string
  journey: string
  step: string
  error_code: string
  metric: string
  question: string
  score: number | null
}

export function engineSuite(name: EngineName): void {
  let otklik: Server
  let engine: Engine
  let pages: { server: HttpServer; origin: string }

  beforeAll(async () => {
    requireSdkBuild()
    otklik = await startOtklik()
    pages = await startPageServer(otklik.url, name)
    for (const policy of POLICIES) await createSite(otklik.store, { kind: 'web', key: siteKey(name, policy), name: `${name} ${policy}`, origins: [pages.origin] })
    engine = await launchEngine(name)
  }, 240_000)
  afterAll(async () => {
    await Promise.allSettled([engine?.close(), new Promise((r) => pages?.server.close(r))])
    await otklik?.server.close()
  }, 120_000)

  /** The rows stored for `where` once `done` holds, and again a moment later: a late duplicate would show then. */
  async function stored(where: string, params: Record<string, string>, done: (rows: Stored[]) => boolean): Promise<Stored[]> {
    const query = () =>
      otklik.store.query<Stored>(
        `SELECT toString(id) AS id, type, toString(journey) AS journey, step, error_code, metric, question, score
         FROM ${otklik.store.table('events')} WHERE ${where} ORDER BY ts, type`,
        params,
      )
    let last: Stored[] = []
    await until(async () => done((last = await query())), 45_000, `events as expected (have ${JSON.stringify(last)})`).catch(() => {
      throw new Error(`events not as expected after 45 s: ${JSON.stringify(last.map((e) => [e.type, e.step, e.metric, e.score]))}`)
    })
    await new Promise((r) => setTimeout(r, 1500))
    return query()
  }

  it(`${name}: a keyboard-only person goes through the demo journey and answers its survey; every event arrives exactly once`, { timeout: 180_000 }, async () => {
    let session = ''
    let events: Stored[] = []
    const ofJourney = (rows: Stored[]) => rows.filter((e) => e.journey === rows.find((x) => x.type === 'journey_start')?.journey)
    await withTab(engine, async (tab) => {
      await tab.goto(`${otklik.url}/demo/`)
      await waitFor(tab, () => Boolean(window.otklik?.v))

      // The journey starts on the click that leaves the page.
      await tabTo(tab, 'a#start')
      await leaveWith(tab, 'Enter', /\/demo\/documents$/)
      session = await tab.run(() => JSON.parse(sessionStorage.getItem('otklik:s')).i as string)
      await tabTo(tab, 'a[href=/demo/application]')
      await leaveWith(tab, 'Enter', /\/demo\/application$/)
      // Submitting without a region is a journey error; then the region is chosen with the arrow key.
      await tabTo(tab, 'button[type=submit]')
      await tab.press('Enter')
      await waitFor(tab, () => document.activeElement?.id === 'region')
      await tab.press('ArrowDown')
      await tabTo(tab, 'button[type=submit]')
      await leaveWith(tab, 'Enter', /\/demo\/done\?/)

      // The survey opens after `complete` with focus on its first answer.
      await waitFor(tab, () => document.querySelector('otklik-survey[kind=dialog]')?.shadowRoot?.activeElement?.value === '1')
      // The feedback tab shares the corner: hidden while the dialog is open.
      expect(await tab.run(() => document.querySelector('otklik-survey[kind=tab]')?.hidden)).toBe(true)
      await tab.press('Enter')
      expect(await tab.run(errorText)).toBe('Выберите ответ, чтобы продолжить.')
      await tab.press('Space') // 1
      for (let i = 0; i < 3; i++) await tab.press('ArrowRight') // 4
      // Chosen: the message is gone; the radio moved to by the arrow key shows a focus ring.
      expect(await tab.run(errorText)).toBe('')
      expect(await tab.run(focusRing)).toEqual({ value: '4', checked: true, ring: true })
      await tab.press('Enter')
      await waitFor(tab, () => Boolean(document.querySelector('otklik-survey[kind=dialog]')?.shadowRoot?.querySelector('textarea')))
      await tab.press('Tab') // the first criterion (time)
      await tab.press('Space') // 1
      await tab.press('ArrowRight') // 2
      // Left at once: the answer given so far goes on page hide.
      await tab.goto('about:blank')
      events = await stored('site_id = {site:String} AND session = toUUID({session:String})', { site: 'demo', session }, (rows) => ofJourney(rows).length >= 8)
    })
    const mine = ofJourney(events)
    expect(sorted(mine.map((e) => [e.type, e.step, e.error_code, e.metric, e.question, e.score]))).toEqual(
      sorted([
        ['journey_start', '', '', '', '', null],
        ['journey_step', 'documents', '', '', '', null],
        ['journey_step', 'application', '', '', '', null],
        ['journey_error', 'application', 'region-missing', '', '', null],
        ['journey_complete', 'application', '', '', '', null],
        ['survey_shown', 'application', '', 'csat', '', null],
        ['survey_response', 'application', '', 'csat', '', 4],
        ['survey_response', 'application', '', 'rating', 'time', 2],
      ]),
    )
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
  })

  it(`${name}: a batch refused for good (an origin the site does not allow) is reported to onIgnored each time, warned about once, and not kept`, { timeout: 120_000 }, async () => {
    await withTab(engine, async (tab) => {
      await tab.goto(`${pages.origin}/refused`)
      await waitFor(tab, () => window.ignored.length === 1)
      await tab.run(() => (window.otklik('pageview'), window.otklik('flush')))
      await waitFor(tab, () => window.ignored.length === 2)
      expect(await tab.run(() => window.ignored)).toEqual([
        ['rejected', 1],
        ['rejected', 1],
      ])
      expect(await tab.run(() => window.warned.filter((m: string) => m.includes('refused (403)')).length)).toBe(1)
      expect(await tab.run(() => JSON.parse(window.localStorage.getItem('otklik:q:demo')).q)).toEqual([])
    })
  })

  for (const policy of POLICIES) {
    it(`${name}, ${policy}, the endpoint on another origin: a walk of three pages, each left right after an action, delivers every event exactly once`, { timeout: 180_000 }, async () => {
      let events: Stored[] = []
      await withTab(engine, async (tab) => {
        await tab.goto(`${pages.origin}/${policy}/1`)
        await waitFor(tab, () => Boolean(window.otklik?.v))
        await tabTo(tab, 'a#go')
        await leaveWith(tab, 'Enter', /\/2$/)
        await waitFor(tab, () => Boolean(window.otklik?.v))
        await tabTo(tab, 'a#go')
        await leaveWith(tab, 'Enter', /\/3$/)
        // The last page completes the journey; the survey is answered and the page left at once.
        await waitFor(tab, () => document.querySelector('otklik-survey[kind=dialog]')?.shadowRoot?.activeElement?.value === '1')
        await tab.press('Space') // 1
        await tab.press('ArrowRight') // 2
        await tab.press('Enter')
        await waitFor(tab, () => Boolean(document.querySelector('otklik-survey[kind=dialog]')?.shadowRoot?.querySelector('textarea')))
        await tab.goto(`${pages.origin}/${policy}/bye`)
        events = await stored('site_id = {site:String}', { site: siteKey(name, policy) }, (rows) => rows.length >= 6)
      })

      expect(sorted(events.map((e) => [e.type, e.step, e.metric, e.score]))).toEqual(
        sorted([
          ['journey_start', '', '', null],
          ['journey_step', 'documents', '', null],
          ['journey_step', 'application', '', null],
          ['journey_complete', 'application', '', null],
          ['survey_shown', 'application', 'csat', null],
          ['survey_response', 'application', 'csat', 2],
        ]),
      )
      // One journey, continued on every page by the README's snippet.
      expect(new Set(events.map((e) => e.journey)).size).toBe(1)
    })
  }
}

/**
 * Runs `fn` in a fresh tab, closed afterwards whatever happens. A test that
 * leaves its last page waits for the events inside `fn`: closing the tab
 * closes its browser context, which cancels keepalive requests still on
 * their way, as a person's browser, left open, would not.
 */
async function withTab(engine: Engine, fn: (tab: Tab) => Promise<void>): Promise<void> {
  const tab = await engine.tab()
  try {
    await fn(tab)
  } finally {
    await tab.close()
  }
}

const siteKey = (engine: EngineName, policy: Policy): string => `${engine}-${policy}`
const sorted = (rows: unknown[][]): string[] => rows.map((r) => JSON.stringify(r)).sort()

/**
 * Pages on an origin of their own (localhost; the server is 127.0.0.1),
 * under the policy their path names, embedding the SDK as the README says:
 * the three lines on every page. Page 1 and 2 record a step on the click
 * that leaves them; page 3 completes the journey; `bye` has no SDK.
 */
async function startPageServer(otklik: string, engine: EngineName): Promise<{ server: HttpServer; origin: string }> {
  const server = createServer((req, res) => {
    const html = (head: string, body: string, policy = 'no-referrer') =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'referrer-policy': policy, 'cache-control': 'no-store' })
        .end(`<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Test page</title>${head}</head><body><main><h1>Test page</h1>${body}</main></body></html>`)
    if (req.url === '/refused') {
      // The demo site does not allow this origin: the server refuses for good.
      return html(
        `<script>window.warned = []; var warn = console.warn; console.warn = function (m) { warned.push(String(m)); warn.apply(console, arguments) }
window.otklik = window.otklik || function () { (otklik.q = otklik.q || []).push(arguments) }
window.ignored = []; otklik('onIgnored', function (reason, events) { ignored.push([reason, events.length]) }); otklik('pageview'); otklik('flush')</script>
<script async src="${otklik}/sdk.js" data-site="demo"></script>`,
        '',
      )
    }
    const [, policy, page] = (req.url ?? '').split('/') as [string, Policy, string]
    if (!POLICIES.includes(policy) || !['1', '2', '3', 'bye'].includes(page)) return void res.writeHead(404).end()
    const sdk = `<script>window.otklik = window.otklik || function () { (otklik.q = otklik.q || []).push(arguments) }</script>
<script async src="${otklik}/sdk.js" data-site="${siteKey(engine, policy)}" data-service="walk-service" data-frequency-days="0"></script>
<script>otklik('journey', 'start', { lifeSituation: 'walk' })</script>`
    const step = { '1': 'documents', '2': 'application' }[page]
    const body =
      page === 'bye'
        ? '<p>Goodbye</p>'
        : page === '3'
          ? `<p>Done</p><script>otklik('complete')</script>`
          : `<p><a id="go" href="/${policy}/${+page + 1}">Next</a></p><script>document.getElementById('go').addEventListener('click', function () { otklik('step', '${step}') })</script>`
    html(page === 'bye' ? '' : sdk, body, policy)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` }
}

/** Polls `check` until it returns something truthy. */
async function until<T>(check: () => Promise<T | false | undefined>, ms: number, what = 'condition'): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await check()
    if (v) return v
    if (Date.now() > end) throw new Error(`${what} not met within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

function waitFor(tab: Tab, fn: () => boolean, ms = 30_000): Promise<true> {
  return until(async () => (await tab.run(fn).catch(() => false)) || undefined, ms, fn.toString())
}

/** Presses `key` and waits until the tab is on the page `url` matches. */
async function leaveWith(tab: Tab, key: KeyName, url: RegExp): Promise<void> {
  await tab.press(key)
  await until(async () => url.test(await tab.url()), 30_000, `navigation to ${url}`)
  await waitFor(tab, () => document.readyState !== 'loading')
}

/** Describes the focused element, looking into open shadow roots: `tag#id[attr=value]...`. */
function describeFocus(): string {
  let a = document.activeElement
  const path: string[] = []
  while (a) {
    const attrs = ['kind', 'type', 'value', 'href'].map((n) => (a.getAttribute(n) ? `[${n}=${a.getAttribute(n)}]` : '')).join('')
    path.push(`${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${attrs}`)
    a = a.shadowRoot?.activeElement ?? null
  }
  return path.join(' > ')
}

/** Presses Tab until the focused element's description contains `what`. */
async function tabTo(tab: Tab, what: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await tab.run(describeFocus)).includes(what)) return
    await tab.press('Tab')
  }
  throw new Error(`could not reach ${what} with Tab; focus is on ${await tab.run(describeFocus)}`)
}

function errorText(): string {
  return document.querySelector('otklik-survey[kind=dialog]')?.shadowRoot?.querySelector('.err')?.textContent ?? 'no dialog'
}

/** The focused radio of the dialog and whether it draws a visible outline. */
function focusRing(): { value: string; checked: boolean; ring: boolean } {
  const el = document.querySelector('otklik-survey[kind=dialog]').shadowRoot.activeElement
  const s = getComputedStyle(el)
  return { value: el.value, checked: el.checked, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 }
}
