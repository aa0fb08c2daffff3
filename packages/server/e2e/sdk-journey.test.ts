/**
 * The demo service in real Chromium, keyboard only: a journey through the
 * life situation, the survey opening after `complete`, answered without a
 * mouse, axe-core clean in every state, and every event found in ClickHouse.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, expect, it } from 'vitest'
import { RULES } from '../src/ingest/forgery/rules.js'
import { axeViolations, focused, serverAndBrowser, tabTo, waitForEvents } from './sdk-support.js'
// Browser globals, used only inside page.evaluate callbacks: this package's
// tsconfig has no DOM lib, so they are declared loosely here.
/* eslint-disable-next-line @typescript-eslint/no-explicit-any */
declare const document: any


const running = serverAndBrowser()
let context: BrowserContext

beforeAll(async () => {
  // As a person's Chromium introduces itself: headless mode says "HeadlessChrome",
  // which the ballot-stuffing rules rightly take for a bot.
  const userAgent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${running.browser.version()} Safari/537.36`
  context = await running.browser.newContext({ viewport: { width: 1024, height: 800 }, userAgent })
})

it('a keyboard-only citizen goes through the demo journey and answers the survey; every event lands in ClickHouse', async () => {
  const page = await context.newPage()
  const warnings: string[] = []
  page.on('console', (m) => (m.type() === 'warning' || m.type() === 'error') && warnings.push(m.text()))
  page.on('pageerror', (e) => warnings.push(String(e)))

  await page.goto(`${running.otklik.url}/demo/`)
  // The inline "rate this page" block renders in its container; axe is clean with it.
  await page.waitForFunction(() => document.querySelector('[data-otklik-survey] otklik-survey')?.shadowRoot?.querySelector('input[type=radio]'))
  expect(await axeViolations(page)).toEqual([])

  await tabTo(page, 'a#start')
  await Promise.all([page.waitForURL(/\/demo\/documents$/), page.keyboard.press('Enter')])
  await page.waitForTimeout(300) // the step becomes visible
  await tabToLink(page, '/demo/application')
  await Promise.all([page.waitForURL(/\/demo\/application$/), page.keyboard.press('Enter')])

  // Submitting without a region is a journey error; then the region is chosen with the arrow key.
  await tabTo(page, 'button')
  await page.keyboard.press('Enter')
  await expect.poll(() => focused(page)).toContain('select#region')
  await page.keyboard.press('ArrowDown')
  await tabTo(page, 'button')
  await Promise.all([page.waitForURL(/\/demo\/done\?/), page.keyboard.press('Enter')])

  // The survey dialog opens after `complete` with focus on its first answer.
  await page.waitForSelector('otklik-survey[kind=dialog]')
  await expect.poll(() => focused(page)).toMatch(/otklik-survey\[kind=dialog\] > input\[type=radio\]\[value=1\]/)
  expect(await axeViolations(page)).toEqual([])

  // A person reads the question before answering; the ballot-stuffing rules
  // leave out answers given sooner than RULES.minAnswerMs after it appeared.
  await page.waitForTimeout(RULES.minAnswerMs + 200)
  // Enter with no answer explains itself and keeps focus on the scale.
  await page.keyboard.press('Enter')
  expect(await page.evaluate(() => document.querySelector('otklik-survey[kind=dialog]')?.shadowRoot?.querySelector('.err')?.textContent)).toBe('Выберите ответ, чтобы продолжить.')
  await page.keyboard.press('Space') // 1
  await page.keyboard.press('ArrowRight') // 2
  await page.keyboard.press('ArrowRight') // 3
  await page.keyboard.press('ArrowRight') // 4
  await page.keyboard.press('Enter')

  // Details: criteria ratings and a comment.
  await page.waitForFunction(() => document.querySelector('otklik-survey[kind=dialog]')?.shadowRoot?.querySelector('textarea'))
  expect(await axeViolations(page)).toEqual([])
  await page.keyboard.press('Tab') // the first criterion (time)
  await page.keyboard.press('Space') // 1
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight') // 5
  await page.keyboard.press('Tab') // the second criterion (information)
  await page.keyboard.press('Space') // 1
  await page.keyboard.press('ArrowRight') // 2
  await page.keyboard.press('ArrowRight') // 3
  await page.keyboard.press('Tab')
  expect(await focused(page)).toContain('textarea')
  await page.keyboard.type('Всё понятно. Перезвоните мне: +7 912 345-67-89')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')

  // Thanks, then Esc closes and gives focus back to where it was.
  await page.waitForFunction(() => document.querySelector('otklik-survey[kind=dialog]')?.shadowRoot?.querySelector('[role=status]'))
  expect(await axeViolations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await page.waitForFunction(() => !document.querySelector('otklik-survey[kind=dialog]'))

  const events = await waitForEvents(running.otklik.store, 'demo', (es) => es.filter((e) => e.type === 'survey_response').length === 3)
  const journey = events.filter((e) => e.type.startsWith('journey_'))
  expect(journey.map((e) => [e.type, e.step, e.error_code])).toEqual([
    ['journey_start', '', ''],
    ['journey_step', 'documents', ''],
    ['journey_step', 'application', ''],
    ['journey_error', 'application', 'region-missing'],
    ['journey_complete', 'application', ''],
  ])
  expect(new Set(journey.map((e) => e.journey)).size).toBe(1)
  expect(new Set(events.map((e) => e.session)).size).toBe(1)
  expect(journey.every((e) => e.service === 'birth-registration' && e.life_situation === 'birth-of-child')).toBe(true)
  const answers = events.filter((e) => e.type.startsWith('survey_')).map((e) => [e.type, e.metric, e.question, e.score, e.comment])
  expect(answers).toEqual(
    expect.arrayContaining([
      ['survey_shown', 'csat', '', null, ''],
      ['survey_response', 'csat', '', 4, 'Всё понятно. Перезвоните мне: [phone]'],
      ['survey_response', 'rating', 'time', 5, ''],
      ['survey_response', 'rating', 'information', 3, ''],
    ]),
  )
  // The survey's events carry the journey they follow; paths carry no query string.
  expect(events.find((e) => e.metric === 'csat' && e.type === 'survey_response')?.journey).toBe(journey[0]?.journey)
  expect(events.every((e) => !e.path.includes('?') && e.locale === 'ru')).toBe(true)
  // Given by a person through the real SDK: no answer is left out as ballot stuffing.
  expect(events.filter((e) => e.excluded !== '').map((e) => [e.type, e.metric, e.excluded])).toEqual([])
  expect(warnings).toEqual([])
})

async function tabToLink(page: Page, href: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((h) => document.activeElement?.getAttribute('href')?.startsWith(h) ?? false, href)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`could not reach the link to ${href} with Tab`)
}
