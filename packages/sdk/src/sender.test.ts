import { HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { answerWith, beacons, platform, received, sentEvents, settle, URL_EVENTS, useNetwork } from '../test/support.js'
import { setOnIgnored } from './log.js'
import { BACKOFF_BASE_MS, BATCH_SIZE, FLUSH_MS, OUTBOX_MAX, OUTBOX_MAX_AGE_MS, RETRY_AFTER_MAX_MS, sender } from './sender.js'
import type { OtklikEvent } from './types.js'
import { browserPlatform } from './transport.js'
import { uuid } from './uuid.js'

useNetwork()

// Senders of earlier tests still listen to this window's pagehide: each test has a site (queue) of its own.
let SITE = 'gov'
let n = 0
beforeEach(() => {
  SITE = `gov${++n}`
})
const event = (over: Partial<OtklikEvent> = {}): OtklikEvent => ({ id: uuid(), type: 'page_view', ts: Date.now(), ...over })
const start = () => sender({ site: SITE, url: URL_EVENTS }, platform)
const stored = (): OtklikEvent[] => JSON.parse(localStorage.getItem(`otklik:q:${SITE}`) ?? '{"q":[]}').q

describe('batching', () => {
  it('sends one batch once the batch size is reached, without waiting', async () => {
    const s = start()
    for (let i = 0; i < BATCH_SIZE; i++) s.add(event())
    await settle()
    expect(received).toHaveLength(1)
    expect(received[0]!.batch.events).toHaveLength(BATCH_SIZE)
    expect(received[0]!.batch).toMatchObject({ site: SITE, sdk: '1.0.0', sent_at: Date.now() })
    expect(stored()).toEqual([])
  })

  it('sends a smaller batch after the flush interval, as text/plain without credentials', async () => {
    const s = start()
    s.add(event())
    s.add(event())
    await settle()
    expect(received).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(FLUSH_MS)
    await settle()
    expect(received).toHaveLength(1)
    expect(received[0]!.batch.events).toHaveLength(2)
    expect(received[0]!.contentType).toMatch(/^text\/plain/)
  })

  it('sends everything at once with a keepalive CORS fetch when the page is hidden, and forgets events only on a 2xx', async () => {
    const seen: { init: RequestInit; request: Request }[] = []
    const s = sender({ site: SITE, url: URL_EVENTS }, { ...platform, fetch: (u, init) => (seen.push({ init, request: new Request(u, init) }), fetch(u, init)) })
    const a = event()
    const b = event()
    s.add(a)
    s.add(b)
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
    // Started within the event, before any timer or answer.
    expect(seen).toHaveLength(1)
    expect(seen[0]!.init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit' })
    const { mode, credentials, headers } = seen[0]!.request
    // CORS, so that the answer can be read, and text/plain: a "simple" request, without a preflight.
    expect([mode, credentials, headers.get('content-type')]).toEqual(['cors', 'omit', 'text/plain;charset=UTF-8'])
    expect(beacons).toHaveLength(0)
    expect(stored().map((e) => e.id)).toEqual([a.id, b.id])
    await settle()
    expect(sentEvents().map((e) => e.id)).toEqual([a.id, b.id])
    expect(stored()).toEqual([])
  })

  it('sends at once what is tracked on pagehide, which Chromium fires while the page is still visible, and after it', async () => {
    const seen: string[] = []
    const s = sender({ site: SITE, url: URL_EVENTS }, { ...platform, fetch: (u, init) => (seen.push(String(init.body)), fetch(u, init)) })
    const answers = [event(), event()]
    // The survey widget listens after the core: its answers come after the core's own page-hide flush.
    const widget = () => answers.map((a) => s.add(a))
    addEventListener('pagehide', widget)
    expect(document.visibilityState).toBe('visible')
    dispatchEvent(new Event('pagehide'))
    removeEventListener('pagehide', widget)
    expect(seen.flatMap((b) => JSON.parse(b).events.map((x: OtklikEvent) => x.id))).toEqual(answers.map((a) => a.id))
    const late = event()
    s.add(late)
    expect(seen).toHaveLength(3)
    await settle()
    expect(new Set(sentEvents().map((x) => x.id))).toEqual(new Set([...answers, late].map((x) => x.id)))
    expect(stored()).toEqual([])
    // Back from the back/forward cache: batched again.
    document.dispatchEvent(new Event('visibilitychange'))
    s.add(event())
    expect(seen).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(FLUSH_MS)
    expect(seen).toHaveLength(4)
  })

  it('keeps the events of a request the page never saw answered, and the next page sends them again', async () => {
    const gone = sender({ site: SITE, url: URL_EVENTS }, { ...platform, fetch: () => new Promise<Response>(() => {}) })
    const e = event()
    gone.add(e)
    dispatchEvent(new Event('pagehide'))
    await settle()
    expect(stored().map((x) => x.id)).toEqual([e.id])
    start()
    await vi.advanceTimersByTimeAsync(FLUSH_MS)
    await settle()
    expect(sentEvents().map((x) => x.id)).toEqual([e.id])
    expect(stored()).toEqual([])
  })

  it('uses sendBeacon only where fetch has no keepalive, and keeps the beaconed events queued: a beacon is never confirmed', async () => {
    const seen: string[] = []
    const old = sender({ site: SITE, url: URL_EVENTS }, { ...platform, keepalive: false, fetch: (u, init) => (seen.push(String(init.body)), fetch(u, init)) })
    const e = event()
    old.add(e)
    dispatchEvent(new Event('pagehide'))
    await settle()
    expect(seen).toHaveLength(0)
    expect(beacons).toHaveLength(1)
    expect(JSON.parse(beacons[0]!.body).events.map((x: OtklikEvent) => x.id)).toEqual([e.id])
    expect(stored().map((x) => x.id)).toEqual([e.id])
    // The next page load (or the timer, if the page stays) sends it with fetch, which is confirmed.
    await vi.advanceTimersByTimeAsync(FLUSH_MS)
    await settle()
    expect(sentEvents().map((x) => x.id)).toEqual([e.id])
    expect(stored()).toEqual([])
  })

  it('keeps within the keepalive quota: at most four requests of at most 14 KiB of events in flight, the rest sent as they are answered', async () => {
    const answers: (() => void)[] = []
    const bodies: string[] = []
    const slow = { ...platform, fetch: (u: string, init: RequestInit) => (bodies.push(String(init.body)), new Promise<void>((r) => answers.push(r)).then(() => fetch(u, init))) }
    const s = sender({ site: SITE, url: URL_EVENTS }, slow)
    const comment = 'ж'.repeat(2000)
    for (let i = 0; i < 30; i++) s.add(event({ type: 'survey_response', metric: 'csat', score: 5, comment }))
    dispatchEvent(new Event('pagehide'))
    await settle()
    expect(bodies).toHaveLength(4)
    const bytes = bodies.map((b) => new TextEncoder().encode(b).length)
    expect(bytes.every((n) => n <= 16 * 1024)).toBe(true)
    expect(bytes.reduce((a, n) => a + n)).toBeLessThan(64 * 1024)
    while (answers.length) {
      answers.shift()!()
      await settle()
    }
    expect(new Set(sentEvents().map((e) => e.id)).size).toBe(30)
    expect(stored()).toEqual([])
  })
})

it('takes a missing or throwing sendBeacon as a refusal', () => {
  for (const value of [undefined, () => { throw new TypeError('blocked') }]) {
    Object.defineProperty(navigator, 'sendBeacon', { value, configurable: true })
    expect(browserPlatform.beacon(URL_EVENTS, '{}')).toBe(false)
  }
  delete (navigator as { sendBeacon?: unknown }).sendBeacon
})

describe('retries', () => {
  it('retries with growing back-off after failures, with the same event ids', async () => {
    let calls = 0
    answerWith(() => (++calls < 3 ? new HttpResponse(null, { status: 500 }) : HttpResponse.json({ accepted: 1, rejected: [] }, { status: 202 })))
    const s = start()
    const e = event()
    s.add(e)
    await vi.advanceTimersByTimeAsync(FLUSH_MS)
    await settle()
    expect(received).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS - 10)
    await settle()
    expect(received).toHaveLength(1) // not before the first back-off
    await vi.advanceTimersByTimeAsync(10)
    await settle()
    expect(received).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(2 * BACKOFF_BASE_MS - 10)
    await settle()
    expect(received).toHaveLength(2) // the second back-off is twice as long
    await vi.advanceTimersByTimeAsync(10)
    await settle()
    expect(received).toHaveLength(3)
    expect(new Set(sentEvents().map((x) => x.id))).toEqual(new Set([e.id]))
    expect(stored()).toEqual([])
  })

  it('retries after a network error, with the same ids', async () => {
    let calls = 0
    answerWith(() => (++calls === 1 ? HttpResponse.error() : HttpResponse.json({ accepted: 1, rejected: [] }, { status: 202 })))
    const s = start()
    const e = event()
    s.add(e)
    await vi.advanceTimersByTimeAsync(FLUSH_MS)
    await settle()
    expect(stored().map((x) => x.id)).toEqual([e.id])
    await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS)
    await settle()
    expect(stored()).toEqual([])
    expect(received.map((r) => r.batch.events[0]!.id)).toEqual([e.id, e.id])
  })

  for (const status of [429, 503]) {
    it(`honours Retry-After on ${status}, also on the next page load`, async () => {
      let calls = 0
      answerWith(() => (++calls === 1 ? new HttpResponse(null, { status, headers: { 'retry-after': '30' } }) : HttpResponse.json({ accepted: 1, rejected: [] }, { status: 202 })))
      const s = start()
      const e = event()
      s.add(e)
      await vi.advanceTimersByTimeAsync(FLUSH_MS)
      await settle()
      expect(calls).toBe(1)
      // A new page load (a second sender) waits too.
      start()
      await vi.advanceTimersByTimeAsync(29_000)
      await settle()
      expect(calls).toBe(1)
      await vi.advanceTimersByTimeAsync(1000)
      await settle()
      expect(calls).toBeGreaterThanOrEqual(2)
      expect(stored()).toEqual([])
      expect(new Set(sentEvents().map((x) => x.id))).toEqual(new Set([e.id]))
    })
  }

  for (const [failure, answer] of [
    ['a Retry-After', () => new HttpResponse(null, { status: 503, headers: { 'retry-after': '30' } })],
    ['a back-off', () => HttpResponse.error()],
  ] as const) {
    it(`sends everything queued when the page is left, in spite of ${failure}, once: the answers keep the pause`, async () => {
      answerWith(answer)
      const s = start()
      const e = event()
      s.add(e)
      await vi.advanceTimersByTimeAsync(FLUSH_MS)
      await settle()
      const f = event()
      s.add(f)
      await settle()
      expect(received).toHaveLength(1) // paused
      dispatchEvent(new Event('pagehide'))
      await settle()
      expect(received).toHaveLength(2)
      expect(received[1]!.batch.events.map((x) => x.id)).toEqual([e.id, f.id])
      // Failed again: kept, and no request until the pause ends.
      expect(stored().map((x) => x.id)).toEqual([e.id, f.id])
      await vi.advanceTimersByTimeAsync(BACKOFF_BASE_MS - 100)
      await settle()
      expect(received).toHaveLength(2)
      answerWith((batch) => HttpResponse.json({ accepted: batch.events.length, rejected: [] }, { status: 202 }))
      await vi.advanceTimersByTimeAsync(30_000)
      await settle()
      expect(stored()).toEqual([])
    })
  }

  it('takes a Retry-After longer than a day as a day', async () => {
    let calls = 0
    answerWith(() => (++calls === 1 ? new HttpResponse(null, { status: 503, headers: { 'retry-after': String(365 * 86_400) } }) : HttpResponse.json({ accepted: 1, rejected: [] }, { status: 202 })))
    start().add(event())
    await vi.advanceTimersByTimeAsync(FLUSH_MS)
    await settle()
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MAX_MS - 1000)
    await settle()
    expect(calls).toBe(1)
    await vi.advanceTimersByTimeAsync(1000)
    await settle()
    expect(calls).toBe(2)
    expect(stored()).toEqual([])
  })

  it('drops a batch the server refuses for good (4xx other than 429), reports it once, and warns once per page', async () => {
    const ignored = vi.fn()
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {})
    setOnIgnored(ignored)
    answerWith(() => HttpResponse.json({ error: { code: 'origin_not_allowed', message: 'no' } }, { status: 403 }))
    const s = start()
    const e = event()
    s.add(e)
    await vi.advanceTimersByTimeAsync(FLUSH_MS)
    await settle()
    await vi.advanceTimersByTimeAsync(60 * 60_000)
    await settle()
    expect(received).toHaveLength(1)
    expect(stored()).toEqual([])
    expect(ignored.mock.calls).toEqual([['rejected', [e]]])
    const f = event()
    s.add(f)
    await vi.advanceTimersByTimeAsync(FLUSH_MS)
    await settle()
    expect(ignored.mock.calls).toEqual([['rejected', [e]], ['rejected', [f]]])
    expect(stored()).toEqual([])
    expect(warned.mock.calls.filter(([m]) => String(m).includes('refused (403)'))).toHaveLength(1)
    warned.mockRestore()
    setOnIgnored(() => {})
  })
})

describe('the offline queue', () => {
  it('is bounded by count, dropping the oldest, and reports each drop', async () => {
    const ignored = vi.fn()
    setOnIgnored(ignored)
    answerWith(() => HttpResponse.error())
    const s = start()
    const events = Array.from({ length: OUTBOX_MAX + 5 }, () => event())
    for (const e of events) s.add(e)
    expect(stored()).toHaveLength(OUTBOX_MAX)
    expect(stored()[0]!.id).toBe(events[5]!.id)
    expect(ignored.mock.calls.filter(([r]) => r === 'queue_full')).toHaveLength(5)
    setOnIgnored(() => {})
  })

  it('is bounded by age: events the server would refuse as too old are dropped', async () => {
    const ignored = vi.fn()
    setOnIgnored(ignored)
    const old = event({ ts: Date.now() - OUTBOX_MAX_AGE_MS - 1 })
    const fresh = event()
    localStorage.setItem(`otklik:q:${SITE}`, JSON.stringify({ q: [old, fresh] }))
    start()
    await vi.advanceTimersByTimeAsync(FLUSH_MS)
    await settle()
    expect(sentEvents().map((e) => e.id)).toEqual([fresh.id])
    expect(ignored).toHaveBeenCalledWith('expired', old)
    setOnIgnored(() => {})
  })

  it('is replayed on the next page load', async () => {
    answerWith(() => HttpResponse.error())
    const first = start()
    const a = event()
    const b = event()
    first.add(a)
    first.add(b)
    // The page goes away before anything could be sent (no beacon either).
    start()
    answerWith((batch) => HttpResponse.json({ accepted: batch.events.length, rejected: [] }, { status: 202 }))
    await vi.advanceTimersByTimeAsync(FLUSH_MS)
    await settle()
    expect(new Set(sentEvents().map((e) => e.id))).toEqual(new Set([a.id, b.id]))
    expect(stored()).toEqual([])
  })

  it('splits a large queue into batches within the 100-event and 64 KiB limits', async () => {
    const s = start()
    const comment = 'ж'.repeat(2000)
    answerWith(() => HttpResponse.error())
    for (let i = 0; i < 150; i++) s.add(event({ type: 'survey_response', metric: 'csat', score: 5, comment }))
    answerWith((batch) => HttpResponse.json({ accepted: batch.events.length, rejected: [] }, { status: 202 }))
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    await settle()
    expect(stored()).toEqual([])
    for (const r of received) {
      expect(r.batch.events.length).toBeLessThanOrEqual(100)
      expect(new TextEncoder().encode(JSON.stringify(r.batch)).length).toBeLessThanOrEqual(64 * 1024)
    }
    expect(new Set(sentEvents().map((e) => e.id)).size).toBe(150)
  })
})
