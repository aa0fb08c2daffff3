/**
 * The SDK against what a real page may do to it, in real Chromium: storage
 * that throws, no sendBeacon and no fetch, calls made before and after the
 * script loads, and every kind of wrong call. Nothing may reach the page as
 * an error, each misuse gets exactly one warning naming the call, and no
 * cookie is ever set. Then `otklik('survey', { metric })` for CSAT, NPS and
 * CES in turn on a page with no service: keyboard only, axe clean, focus
 * back on the opener, and the answers in ClickHouse.
 */
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { axeViolations, focused, serverAndBrowser, waitForEvents } from './sdk-support.js'
// Browser globals, used only inside page.evaluate callbacks: this package's
// tsconfig has no DOM lib, so they are declared loosely here.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any */
declare const document: any, window: any

const running = serverAndBrowser()

const STUB = 'window.otklik = window.otklik || function () { (otklik.q = otklik.q || []).push(arguments) };'

/** A page at the server's origin (whose demo site accepts it) running `script` before sdk.js loads. */
async function pageWith(script: string, attrs: string, init?: () => void): Promise<{ page: Page; errors: string[]; warnings: string[] }> {
  const context = await running.browser.newContext({ viewport: { width: 1024, height: 768 } })
  const page = await context.newPage()
  if (init) await page.addInitScript(init)
  const errors: string[] = []
  const warnings: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => (m.type() === 'warning' || m.type() === 'error') && warnings.push(m.text()))
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title>
<script src="/page.js"></script><script async src="/sdk.js" ${attrs}></script></head>
<body><main><h1>A service</h1><button type="button" id="ask">Rate us</button></main></body></html>`
  await page.route(`${running.otklik.url}/page.html`, (r) => r.fulfill({ status: 200, body: html, headers: { 'content-type': 'text/html' } }))
  await page.route(`${running.otklik.url}/page.js`, (r) => r.fulfill({ status: 200, body: script, headers: { 'content-type': 'text/javascript' } }))
  await page.goto(`${running.otklik.url}/page.html`)
  return { page, errors, warnings }
}

it('survives throwing storage, no sendBeacon and no fetch; warns once per misuse; sets no cookie', async () => {
  const { page, errors, warnings } = await pageWith(
    `${STUB} otklik('journey', 'start', { lifeSituation: 'birth-of-child' }); otklik('no-such-command'); otklik('step', 'documents');`,
    'data-site="demo" data-service="misuse-service" data-pageviews="true"',
    () => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, { get: () => { throw new DOMException('blocked', 'SecurityError') } })
      }
      delete window.navigator.__proto__.sendBeacon
      window.fetch = undefined
    },
  )
  await page.waitForFunction(() => window.otklik?.v)
  const calls: unknown[][] = [[], [42], ['step'], ['error'], ['survey', { metric: 'bogus' }], ['journey', 'fly'], ['constructor']]
  await page.evaluate((cs) => {
    for (const c of cs) window.otklik(...c)
    window.otklik('step', { toString: () => { throw new Error('page object') } })
    window.otklik('complete')
    document.dispatchEvent(new Event('visibilitychange'))
    window.dispatchEvent(new Event('pagehide'))
  }, calls)
  // The survey after complete still opens (storage lives in memory for the page).
  await page.waitForSelector('otklik-survey[kind=dialog]', { state: 'attached' })
  await page.waitForTimeout(300)
  expect(errors).toEqual([])
  expect(warnings).toEqual([
    "otklik('no-such-command'): unknown",
    "otklik('undefined'): unknown",
    "otklik('42'): unknown",
    "otklik('step'): no name",
    "otklik('error'): no code",
    "otklik('survey'): unknown metric",
    "otklik('fly'): unknown",
    "otklik('constructor'): unknown",
    "otklik('step'): no name",
  ])
  expect(await page.evaluate(() => document.cookie)).toBe('')
})

it('opens CSAT, NPS and CES on otklik("survey"), answered by keyboard, axe clean, focus back on the opener', async () => {
  const { page, errors, warnings } = await pageWith(
    // force: one person is asked about one service once per 30 days, and here three times.
    `${STUB} var metrics = ['csat', 'nps', 'ces'], n = 0;
     document.addEventListener('click', function (e) { if (e.target.id === 'ask') otklik('survey', { metric: metrics[n++], force: true }) });`,
    'data-site="demo" data-locale="en"',
  )
  await page.waitForFunction(() => window.otklik?.v)
  const seen: Record<string, string[]> = {}
  for (const metric of ['csat', 'nps', 'ces']) {
    await page.focus('#ask')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelector('otklik-survey[kind=dialog]')?.shadowRoot?.querySelector('input'))
    await expect.poll(() => focused(page)).toMatch(/otklik-survey\[kind=dialog\] > input\[type=radio\]/)
    // The answers' labels, then the text tied to the group (what the ends of a numbered scale mean).
    seen[metric] = await page.evaluate(() => {
      const root = document.querySelector('otklik-survey[kind=dialog]').shadowRoot
      const hint = root.getElementById(root.querySelector('fieldset').getAttribute('aria-describedby'))
      return [...root.querySelectorAll('label.o')].map((l: { textContent: string }) => l.textContent).concat(hint ? [hint.textContent] : [])
    })
    expect(await axeViolations(page), metric).toEqual([])
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelector('otklik-survey[kind=dialog]')?.shadowRoot?.querySelector('textarea'))
    expect(await axeViolations(page), `${metric} details`).toEqual([])
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => !document.querySelector('otklik-survey[kind=dialog]'))
    expect(await focused(page)).toBe('button#ask[type=button]')
  }
  expect(seen.csat).toEqual(['Very dissatisfied', 'Dissatisfied', 'Neither', 'Satisfied', 'Very satisfied'])
  expect(seen.nps).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '0 — not at all likely, 10 — extremely likely'])
  expect([seen.ces![0], seen.ces![6]]).toEqual(['Very easy', 'Very difficult'])

  const events = await waitForEvents(running.otklik.store, 'demo', (es) => es.filter((e) => e.type === 'survey_response' && e.locale === 'en' && e.service === '').length >= 3)
  const answers = events.filter((e) => e.type === 'survey_response' && e.service === '' && e.locale === 'en').map((e) => [e.metric, e.score])
  expect(answers).toEqual(expect.arrayContaining([['csat', 2], ['nps', 1], ['ces', 2]]))
  expect(errors).toEqual([])
  expect(warnings).toEqual([])
})
