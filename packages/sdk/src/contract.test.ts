/**
 * Every event the SDK sends, from hostile page input to a survey answer
 * with a long comment, passes the server's own schemas (the zod contract,
 * imported here only: the bundle never carries zod).
 */
import { expect, it, vi } from 'vitest'
import { BatchEnvelopeSchema, EventSchema } from '@otklik/contract/schemas'
import { received, settle, ENDPOINT, platform, useNetwork } from '../test/support.js'
import { createOtklik } from './instance.js'
import { FLUSH_MS } from './sender.js'
import type { WidgetModule } from './widget-api.js'

useNetwork()


const astral = '𝐀'.repeat(200) // letters outside the BMP: two UTF-16 units each

it('sends only events the server accepts, whatever the page passes', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  document.documentElement.lang = 'en-GB'
  const otklik = createOtklik(
    { site: 'gov', service: `x${astral}-passport`, segment: 'alien', locale: 'not a tag', criteria: 'time,time,constructor' },
    ENDPOINT,
    platform,
    () => import('./widget/index.js') as Promise<WidgetModule>,
  )!
  otklik('journey', 'start', { lifeSituation: ` ${'x'.repeat(500)} `, service: 42 })
  otklik('step', `x${astral}/step`)
  otklik('error', { code: '!!bad code!!' })
  otklik('pageview')
  otklik('complete')
  await settle()

  // The survey opened after complete: answer it, with criteria and a comment longer than the limit once scrubbed.
  const root = await vi.waitFor(() => document.querySelector('otklik-survey[kind=dialog]')!.shadowRoot!)
  const radios = () => [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')]
  radios()[4]!.click()
  root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
  radios()[2]!.click()
  root.querySelector('textarea')!.value = `${'a@b.ru '.repeat(400)}${astral}`
  root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
  await vi.advanceTimersByTimeAsync(FLUSH_MS)
  await settle()

  const events = received.flatMap((r) => r.batch.events)
  expect(events.map((e) => e.type)).toEqual([
    'journey_start', 'journey_step', 'journey_error', 'page_view', 'journey_complete', 'survey_shown', 'survey_response', 'survey_response',
  ])
  for (const r of received) expect(BatchEnvelopeSchema.safeParse(r.batch).error?.issues).toBeUndefined()
  for (const e of events) expect(EventSchema.safeParse(e).error?.issues, e.type).toBeUndefined()
  expect(events.at(-2)!.comment!.length).toBeLessThanOrEqual(2000)
  expect(events.at(-1)).toMatchObject({ metric: 'rating', question: 'time', score: 3 })
  expect(events[0]).toMatchObject({ locale: 'en-GB', service: '42' })
  warn.mockRestore()
})
