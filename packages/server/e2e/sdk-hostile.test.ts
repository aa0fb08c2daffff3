/**
 * The widget on a hostile page: global CSS that resets and hides everything,
 * a CSP without 'unsafe-inline' for scripts (style-src 'self' too for the
 * dialog test: our styles come from a constructable stylesheet), a 320 px
 * viewport; plus the feedback tab. The survey must still render at a usable
 * size, be answered with the keyboard, and its answer must reach ClickHouse.
 */
import type { Page, Route } from 'playwright-core'
import { expect, it } from 'vitest'
import { axeViolations, focused, serverAndBrowser, waitForEvents } from './sdk-support.js'
// Browser globals, used only inside page.evaluate callbacks: this package's
// tsconfig has no DOM lib, so they are declared loosely here.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any */
declare const document: any, window: any, getComputedStyle: any


const running = serverAndBrowser()

const HOSTILE_CSS = `* { all: unset !important; font-size: 0 !important; }
div, section, form, fieldset, label, input, button { display: none !important; visibility: hidden !important; }
html { font-size: 1px !important; } body { transform: scale(0.5); overflow: hidden !important; }
otklik-survey { display: none !important; opacity: 0 !important; width: 0 !important; }`

/** Serves a page at the server's own origin (so the demo site accepts its events) with the given CSP and script. */
async function hostilePage(csp: string, script: string, viewport = { width: 320, height: 640 }, css = HOSTILE_CSS): Promise<{ page: Page; errors: string[] }> {
  const context = await running.browser.newContext({ viewport })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title>
<link rel="stylesheet" href="/hostile.css"><script src="/hostile.js"></script>
<script async src="/sdk.js" data-site="demo" data-service="hostile-service"></script>
<script>window.inlineScriptRan = true</script></head>
<body><main><h1>Hostile page</h1><div><p>Content</p></div></main></body></html>`
  const fulfil = (body: string, type: string, headers: Record<string, string> = {}) => (route: Route) =>
    route.fulfill({ status: 200, body, headers: { 'content-type': type, ...headers } })
  await page.route(`${running.otklik.url}/hostile.html`, fulfil(html, 'text/html', { 'content-security-policy': csp }))
  await page.route(`${running.otklik.url}/hostile.css`, fulfil(css, 'text/css'))
  await page.route(`${running.otklik.url}/hostile.js`, fulfil(script, 'text/javascript'))
  await page.goto(`${running.otklik.url}/hostile.html`)
  return { page, errors }
}

const STUB = 'window.otklik = window.otklik || function () { (otklik.q = otklik.q || []).push(arguments) };'

it('under hostile global CSS and a CSP without unsafe-inline, the dialog renders usable and is answered by keyboard', async () => {
  const csp = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'"
  const { page, errors } = await hostilePage(csp, `${STUB} otklik('survey', { metric: 'nps' });`)
  await page.waitForSelector('otklik-survey[kind=dialog]', { state: 'attached' })
  // The CSP is really on: the page's inline script did not run.
  expect(await page.evaluate(() => window.inlineScriptRan)).toBeUndefined()

  const box = await page.evaluate(() => {
    const host = document.querySelector('otklik-survey[kind=dialog]')!
    const r = host.getBoundingClientRect()
    const radio = host.shadowRoot!.querySelector('input[type=radio]')!.getBoundingClientRect()
    const legend = host.shadowRoot!.querySelector('legend')!
    return { width: r.width, height: r.height, display: getComputedStyle(host).display, radio: [radio.width, radio.height], font: parseFloat(getComputedStyle(legend).fontSize), right: r.right }
  })
  expect(box.display).toBe('block')
  expect(box.width).toBeGreaterThanOrEqual(280)
  expect(box.height).toBeGreaterThan(100)
  expect(box.right).toBeLessThanOrEqual(320)
  expect(box.radio[0]).toBeGreaterThanOrEqual(24)
  expect(box.radio[1]).toBeGreaterThanOrEqual(24)
  expect(box.font).toBeGreaterThanOrEqual(14)

  await expect.poll(() => focused(page)).toMatch(/input\[type=radio\]\[value=0\]/)
  await page.keyboard.press('Space')
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight') // 9
  await page.keyboard.press('Enter')
  await page.waitForFunction(() => document.querySelector('otklik-survey')?.shadowRoot?.querySelector('textarea'))
  await page.keyboard.press('Escape') // closing after "next" still sends the answer
  await page.waitForFunction(() => !document.querySelector('otklik-survey[kind=dialog]'))

  const events = await waitForEvents(running.otklik.store, 'demo', (es) => es.some((e) => e.service === 'hostile-service' && e.type === 'survey_response'))
  const mine = events.filter((e) => e.service === 'hostile-service').map((e) => [e.type, e.metric, e.score, e.locale])
  expect(mine).toEqual([
    ['survey_shown', 'nps', null, 'en'],
    ['survey_response', 'nps', 9, 'en'],
  ])
  expect(errors).toEqual([])
})

it('the feedback tab opens the survey, which can be dismissed with Esc, returning focus to the tab; axe is clean', async () => {
  const context = await running.browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  await page.goto(`${running.otklik.url}/demo/?lang=en`)
  await page.waitForSelector('otklik-survey[kind=tab]', { state: 'attached' })
  await page.waitForFunction(() => document.querySelector('otklik-survey[kind=tab]')?.shadowRoot?.querySelector('button'))
  for (let i = 0; i < 40 && !(await focused(page)).includes('otklik-survey[kind=tab] > button'); i++) await page.keyboard.press('Tab')
  expect(await focused(page)).toContain('otklik-survey[kind=tab] > button')
  await page.keyboard.press('Enter')
  await page.waitForSelector('otklik-survey[kind=dialog]', { state: 'attached' })
  expect(await page.evaluate(() => document.querySelector('otklik-survey[kind=dialog]')?.shadowRoot?.querySelector('h2')?.textContent)).toBe('Rate this service')
  expect(await axeViolations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await page.waitForFunction(() => !document.querySelector('otklik-survey[kind=dialog]'))
  expect(await focused(page)).toContain('otklik-survey[kind=tab] > button')
  await waitForEvents(running.otklik.store, 'demo', (es) => es.some((e) => e.type === 'survey_dismissed' && e.locale === 'en'))
})

it('in a dark scheme, with forced colours and reduced motion, the dialog stays readable (axe clean) and does not animate', async () => {
  for (const media of [{ colorScheme: 'dark' as const, reducedMotion: 'reduce' as const }, { forcedColors: 'active' as const }]) {
    const context = await running.browser.newContext({ viewport: { width: 640, height: 720 }, ...media })
    const page = await context.newPage()
    await page.goto(`${running.otklik.url}/demo/done?lang=en`)
    await page.waitForFunction(() => document.querySelector('otklik-survey[kind=dialog]')?.shadowRoot?.querySelector('input'))
    expect(await axeViolations(page), JSON.stringify(media)).toEqual([])
    const animation = await page.evaluate(() => getComputedStyle(document.querySelector('otklik-survey[kind=dialog]').shadowRoot.querySelector('.d')).animationName)
    if (media.reducedMotion) expect(animation).toBe('none')
    await context.close()
  }
})

it('records a declarative step when it becomes visible, not before', async () => {
  const { page } = await hostilePage(
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'",
    `${STUB} otklik('journey', 'start', { service: 'visibility-service' }); document.addEventListener('DOMContentLoaded', function () {
      var spacer = document.createElement('p'); spacer.textContent = 'spacer'; spacer.style.height = '3000px'; spacer.style.display = 'block'
      var far = document.createElement('p'); far.textContent = 'far'; far.setAttribute('data-otklik-step', 'far')
      document.body.append(spacer, far) })`,
    { width: 800, height: 600 },
    '',
  )
  await page.waitForTimeout(2500)
  const before = await waitForEvents(running.otklik.store, 'demo', (es) => es.some((e) => e.service === 'visibility-service'))
  expect(before.filter((e) => e.service === 'visibility-service').map((e) => e.type)).toEqual(['journey_start'])
  await page.keyboard.press('End')
  const after = await waitForEvents(running.otklik.store, 'demo', (es) => es.some((e) => e.service === 'visibility-service' && e.step === 'far'))
  expect(after.filter((e) => e.service === 'visibility-service').map((e) => [e.type, e.step])).toEqual([['journey_start', ''], ['journey_step', 'far']])
})
