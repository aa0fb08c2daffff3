import { beforeEach, describe, expect, it, vi } from 'vitest'
import { platform, sentEvents, settle, ENDPOINT, useNetwork } from '../test/support.js'
import { createOtklik, type Command } from './instance.js'
import { setOnIgnored } from './log.js'
import { FLUSH_MS } from './sender.js'
import { SESSION_TIMEOUT_MS } from './session.js'
import type { OtklikOptions } from './types.js'
import type { Widget, WidgetModule } from './widget-api.js'

useNetwork()

let site = 'gov'
let n = 0
const ignored = vi.fn()
let widget: { dialog: ReturnType<typeof vi.fn>; scan: ReturnType<typeof vi.fn>; tab: ReturnType<typeof vi.fn> }
let loads = 0
const loadWidget = async (): Promise<WidgetModule> => {
  loads++
  return { mount: () => widget as unknown as Widget }
}
beforeEach(() => {
  site = `gov${++n}`
  ignored.mockReset()
  loads = 0
  widget = { dialog: vi.fn(() => true), scan: vi.fn(), tab: vi.fn() }
  document.body.replaceChildren()
  history.replaceState(null, '', '/services/birth?token=secret#step-2')
})

const make = (options: Partial<OtklikOptions> = {}): Command =>
  createOtklik({ site, service: 'birth-registration', onIgnored: ignored, ...options }, ENDPOINT, platform, loadWidget)!
/** An instance given the calls the script tag's stub queued before it loaded. */
const queue = (options: Partial<OtklikOptions>, ...calls: unknown[][]): Command =>
  createOtklik({ site, service: 'birth-registration', onIgnored: ignored, ...options }, ENDPOINT, platform, loadWidget, calls)!
const flushed = async () => {
  await vi.advanceTimersByTimeAsync(FLUSH_MS)
  await settle()
  return sentEvents()
}

describe('journeys', () => {
  it('runs start, steps, an error and complete as one journey, with the page path only', async () => {
    const otklik = make()
    otklik('journey', 'start', { lifeSituation: 'birth-of-child' })
    otklik('step', 'documents')
    otklik('step', 'documents') // a repeated step counts once
    otklik('journey', 'step', 'application')
    otklik('error', { code: 'payment-failed' })
    otklik('complete')
    const events = await flushed()
    expect(events.map((e) => [e.type, e.step, e.error_code])).toEqual([
      ['journey_start', undefined, undefined],
      ['journey_step', 'documents', undefined],
      ['journey_step', 'application', undefined],
      ['journey_error', 'application', 'payment-failed'],
      ['journey_complete', 'application', undefined],
    ])
    expect(new Set(events.map((e) => e.journey)).size).toBe(1)
    expect(new Set(events.map((e) => e.session)).size).toBe(1)
    for (const e of events) {
      expect(e).toMatchObject({ service: 'birth-registration', life_situation: 'birth-of-child', path: '/services/birth' })
      expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
  })

  it('keeps the open journey across page loads of the tab', async () => {
    make()('start', { lifeSituation: 'birth-of-child' })
    make()('step', 'documents') // the next page
    const events = await flushed()
    expect(events.map((e) => e.type)).toEqual(['journey_start', 'journey_step'])
    expect(events[0]!.journey).toBe(events[1]!.journey)
  })

  it("continues the open journey when every page starts the same life situation (the README's snippet), and starts anew after complete", async () => {
    const page = () => make()('journey', 'start', { lifeSituation: 'birth-of-child' })
    page()
    page()
    make()('step', 'documents')
    page() // the third page, and a reload of it
    page()
    make()('step', 'application')
    make()('complete')
    page() // the person begins again
    const events = await flushed()
    expect(events.map((e) => [e.type, e.step])).toEqual([
      ['journey_start', undefined],
      ['journey_step', 'documents'],
      ['journey_step', 'application'],
      ['journey_complete', 'application'],
      ['journey_start', undefined],
    ])
    expect(new Set(events.slice(0, 4).map((e) => e.journey)).size).toBe(1)
    expect(events[4]!.journey).not.toBe(events[0]!.journey)
  })

  it('sends a journey left open when its session ends as abandoned at its last step', async () => {
    make()('start', { lifeSituation: 'birth-of-child' })
    make()('step', 'application')
    const first = await flushed()
    sessionStorage.clear() // the tab was closed
    vi.setSystemTime(Date.now() + SESSION_TIMEOUT_MS + 1000)
    make() // the next visit, in a new tab
    const events = (await flushed()).slice(first.length)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ type: 'journey_abandon', step: 'application', journey: first[0]!.journey, session: first[0]!.session, ts: first[1]!.ts })
  })

  it('does not abandon a journey that is still active', async () => {
    make()('start', {})
    vi.setSystemTime(Date.now() + SESSION_TIMEOUT_MS - 60_000)
    make()('step', 'documents')
    expect((await flushed()).map((e) => e.type)).toEqual(['journey_start', 'journey_step'])
  })

  it('abandons explicitly, and a new start abandons the open journey', async () => {
    const otklik = make()
    otklik('start', { lifeSituation: 'a' })
    otklik('step', 'one')
    otklik('start', { lifeSituation: 'b' })
    otklik('abandon')
    const events = await flushed()
    expect(events.map((e) => [e.type, e.life_situation, e.step])).toEqual([
      ['journey_start', 'a', undefined],
      ['journey_step', 'a', 'one'],
      ['journey_abandon', 'a', 'one'],
      ['journey_start', 'b', undefined],
      ['journey_abandon', 'b', undefined],
    ])
  })

  it('starts a journey for a step when none is open (steps marked in HTML only)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    make({ lifeSituation: 'birth-of-child' })('step', 'documents')
    const events = await flushed()
    expect(events.map((e) => [e.type, e.step, e.life_situation])).toEqual([
      ['journey_start', undefined, 'birth-of-child'],
      ['journey_step', 'documents', 'birth-of-child'],
    ])
    expect(events[0]!.journey).toBe(events[1]!.journey)
    expect(warn).not.toHaveBeenCalled()
    warn.mockRestore()
  })

  it('records declarative steps when clicked', async () => {
    const otklik = make()
    otklik('start', {})
    const section = document.createElement('section')
    section.setAttribute('data-otklik-step', 'documents')
    const button = document.createElement('button')
    section.append(button)
    document.body.append(section)
    button.click()
    expect((await flushed()).map((e) => e.step)).toEqual([undefined, 'documents'])
  })
})

describe('the start', () => {
  it('reads no Web Storage while the script runs: the page view and the queued calls wait for the first idle moment, in order', async () => {
    // Chromium opens the origin's storage when a page first uses `localStorage` or `sessionStorage`.
    const opened = (['localStorage', 'sessionStorage'] as const).map((area) => vi.spyOn(window, area, 'get'))
    try {
      queue({ pageviews: true }, ['start', { lifeSituation: 'birth-of-child' }], ['step', 'documents'])
      expect(opened.map((s) => s.mock.calls.length)).toEqual([0, 0])
      await vi.advanceTimersByTimeAsync(0)
      expect(opened.every((s) => s.mock.calls.length > 0)).toBe(true)
    } finally {
      for (const s of opened) s.mockRestore()
    }
    expect((await flushed()).map((e) => [e.type, e.step])).toEqual([
      ['page_view', undefined],
      ['journey_start', undefined],
      ['journey_step', 'documents'],
    ])
  })

  it('starts at the first call if that comes before the idle moment, after the queued calls', () => {
    const otklik = queue({}, ['start', { lifeSituation: 'birth-of-child' }])
    otklik('step', 'documents')
    expect(JSON.parse(localStorage.getItem(`otklik:q:${site}`)!).q.map((e: { type: string }) => e.type)).toEqual(['journey_start', 'journey_step'])
  })

  it('sends the queued calls at once when the page is left before the start', async () => {
    queue({}, ['start', { lifeSituation: 'birth-of-child' }], ['step', 'documents'])
    dispatchEvent(new Event('pagehide'))
    await settle()
    expect(sentEvents().map((e) => [e.type, e.step])).toEqual([
      ['journey_start', undefined],
      ['journey_step', 'documents'],
    ])
  })
})

describe('privacy', () => {
  it('honours Do Not Track for journeys when the site asks, but still offers and records the survey', async () => {
    Object.defineProperty(navigator, 'doNotTrack', { value: '1', configurable: true })
    try {
      const otklik = make({ respectDnt: true })
      otklik('start', {})
      otklik('complete')
      await settle()
      expect(ignored).toHaveBeenCalledWith('dnt', 'journey_start')
      expect(widget.dialog).toHaveBeenCalledTimes(1)
      expect(await flushed()).toEqual([])
    } finally {
      Object.defineProperty(navigator, 'doNotTrack', { value: null, configurable: true })
    }
  })

  it('sets no cookie', async () => {
    const otklik = make({ pageviews: true })
    otklik('start', {})
    await flushed()
    expect(document.cookie).toBe('')
  })
})

describe('surveys', () => {
  it('opens the dialog after complete, with the journey as context, loading the widget only then', async () => {
    const otklik = make({ criteria: ['time'] })
    otklik('start', { lifeSituation: 'birth-of-child' })
    await settle()
    expect(loads).toBe(0)
    otklik('complete')
    await settle()
    expect(loads).toBe(1)
    expect(widget.dialog).toHaveBeenCalledWith({}, expect.objectContaining({ service: 'birth-registration', life_situation: 'birth-of-child', journey: expect.any(String) }))
  })

  it('samples, and caps the frequency per person and service', async () => {
    make({ sample: 0 })('complete')
    await settle()
    expect(ignored).toHaveBeenCalledWith('sampled_out', undefined)
    expect(loads).toBe(0)

    const otklik = make({ frequencyDays: 30 })
    otklik('survey', {})
    await settle()
    otklik('survey', {})
    await settle()
    expect(widget.dialog).toHaveBeenCalledTimes(1)
    expect(ignored).toHaveBeenCalledWith('frequency_cap', undefined)
    otklik('survey', { service: 'other-service' })
    otklik('survey', { force: true })
    await settle()
    expect(widget.dialog).toHaveBeenCalledTimes(3)
  })

  it('caps per service whatever the question, unless forced', async () => {
    const otklik = make()
    for (const metric of ['csat', 'nps', 'ces']) {
      otklik('survey', { metric })
      await settle()
    }
    expect(widget.dialog.mock.calls.map(([o]) => o.metric)).toEqual(['csat'])
    expect(ignored).toHaveBeenCalledWith('frequency_cap', undefined)
    otklik('survey', { metric: 'nps', force: true })
    await settle()
    expect(widget.dialog.mock.calls.map(([o]) => o.metric)).toEqual(['csat', 'nps'])
  })

  it('asks every time when frequencyDays is 0', async () => {
    const otklik = make({ frequencyDays: 0 })
    otklik('survey', {})
    await settle()
    otklik('survey', {})
    await settle()
    expect(widget.dialog).toHaveBeenCalledTimes(2)
    expect(ignored).not.toHaveBeenCalled()
  })

  it('names no service rather than an empty one when the page has none', async () => {
    createOtklik({ site }, ENDPOINT, platform, loadWidget)!('survey', { metric: 'nps' })
    await settle()
    expect(widget.dialog).toHaveBeenCalledTimes(1)
    expect(widget.dialog.mock.calls[0]![1].service).toBeUndefined()
  })

  it('does not offer a survey after complete when the site turned it off', async () => {
    make({ survey: false })('complete')
    await settle()
    expect(loads).toBe(0)
  })

  it('fills inline containers and shows the feedback tab', async () => {
    const box = document.createElement('div')
    box.setAttribute('data-otklik-survey', 'nps')
    document.body.append(box)
    make({ feedbackTab: true })
    await settle()
    expect(widget.scan).toHaveBeenCalled()
    expect(widget.tab).toHaveBeenCalled()
  })

  it('reports a widget that cannot load, without throwing', async () => {
    const otklik = createOtklik({ site, onIgnored: ignored }, ENDPOINT, platform, () => Promise.reject(new Error('CSP')))!
    otklik('survey', {})
    await settle()
    expect(ignored).toHaveBeenCalledWith('widget_unavailable', expect.any(Error))
  })
})

describe('misuse never throws', () => {
  it('warns exactly once per bad call, naming it, and carries on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const otklik = make()
    otklik('start', {})
    const trap = new Proxy({}, { get: () => { throw new Error('trap') }, ownKeys: () => { throw new Error('trap') } })
    const throwing = { toString: () => { throw new Error('x') } }
    // Each call, and the one warning it gets (null: it is accepted, with no warning).
    const calls: [unknown[], string | null][] = [
      [[], 'undefined'], [[undefined], 'undefined'], [[null], 'null'], [[42], '42'], [[Symbol('x')], 'Symbol(x)'], [[{}], '[object Object]'],
      [[trap], '?'], [['nope'], 'nope'], [['__proto__'], '__proto__'], [['constructor'], 'constructor'], [['toString'], 'toString'],
      [['hasOwnProperty'], 'hasOwnProperty'], [['step'], 'step'], [['step', {}], 'step'], [['step', throwing], 'step'],
      [['step', '💥'.repeat(100_000)], 'step'], [['journey'], 'undefined'], [['journey', 'fly'], 'fly'], [['journey', 'start', trap], 'journey'],
      [['start', 'not options'], null], [['error'], 'error'], [['error', trap], 'error'], [['abandon'], null], [['abandon'], 'abandon'],
      [['survey', 'nps'], null], [['survey', trap], 'survey'], [['survey', { metric: 'bogus', criteria: 5, service: {} }], 'survey'],
      [['survey', { metric: 'rating' }], 'survey'], [['onIgnored', 5], null], [['pageview', trap], null], [[throwing], '?'],
    ]
    for (const [i, [args, name]] of calls.entries()) {
      warn.mockClear()
      expect(() => (otklik as (...a: unknown[]) => void)(...args), `call ${i}`).not.toThrow()
      expect(warn.mock.calls.map(([m]) => String(m).match(/^otklik\('(.*)'\): /s)?.[1]), `call ${i}`).toEqual(name === null ? [] : [name])
    }
    await settle()
    warn.mockRestore()
  })

  it('survives an onIgnored callback that throws, and storage that throws', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    try {
      const otklik = createOtklik({ site, sample: 0, onIgnored: () => { throw new Error('page bug') } }, ENDPOINT, platform, loadWidget)!
      expect(() => otklik('complete')).not.toThrow()
      otklik('start', {})
      otklik('step', 'documents')
      // Storage refused every write: the page's memory carries the events.
      expect((await flushed()).map((e) => e.type)).toEqual(['journey_start', 'journey_step'])
    } finally {
      setItem.mockRestore()
    }
  })

  it('refuses options without a site key, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(createOtklik({ site: '' }, ENDPOINT, platform, loadWidget)).toBeUndefined()
    expect(warn).toHaveBeenCalledWith("otklik('init'): no site key")
    warn.mockRestore()
  })
})

it('turns what the page passes into valid contract values', async () => {
  const otklik = make({ segment: 'citizen', locale: 'en-GB' })
  otklik('start', { lifeSituation: 'Рождение ребёнка!', service: '  паспорт РФ ' })
  otklik('step', 'Шаг 2: документы')
  const events = await flushed()
  expect(events[0]).toMatchObject({ life_situation: 'Рождение-ребёнка', service: 'паспорт-РФ', segment: 'citizen', locale: 'en-GB' })
  expect(events[1]!.step).toBe('Шаг-2:-документы')
  setOnIgnored(() => {})
})
