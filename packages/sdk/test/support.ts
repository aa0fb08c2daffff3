/**
 * The network for SDK tests: msw answers POST /v1/events the way the test
 * says and records every batch; sendBeacon is recorded too (happy-dom has
 * none) and delivered to the same handler.
 */
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import type { EventBatch } from '@otklik/contract'
import type { Platform } from '../src/transport.js'

export const ENDPOINT = 'https://otklik.example.gov.ru'
export const URL_EVENTS = `${ENDPOINT}/v1/events`

export interface Received {
  batch: EventBatch
  via: 'fetch' | 'beacon'
  contentType: string | null
  credentials?: string
}

export const received: Received[] = []
/** What the server answers next; by default 202. */
export let answer: (batch: EventBatch) => Response = (b) => HttpResponse.json({ accepted: b.events.length, rejected: [] }, { status: 202 })
export const answerWith = (fn: typeof answer): void => {
  answer = fn
}

export const server = setupServer(
  http.post(URL_EVENTS, async ({ request }) => {
    const batch = JSON.parse(await request.text()) as EventBatch
    received.push({ batch, via: request.headers.get('x-via') === 'beacon' ? 'beacon' : 'fetch', contentType: request.headers.get('content-type') })
    return answer(batch)
  }),
)

export const beacons: { url: string; body: string }[] = []
/** A platform whose fetch is the real (msw-intercepted) one, with keepalive, and whose beacon is recorded. */
export const platform: Platform = {
  fetch: (url, init) => fetch(url, init),
  keepalive: true,
  beacon: (url, body) => {
    beacons.push({ url, body })
    return true
  },
}

/** Lets pending promises (fetch through msw) settle while timers are fake. */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0)
  await new Promise((r) => setImmediate(r))
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0)
}

export const sentEvents = () => received.flatMap((r) => r.batch.events)

export function useNetwork(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  beforeEach(() => {
    received.length = 0
    beacons.length = 0
    answer = (b) => HttpResponse.json({ accepted: b.events.length, rejected: [] }, { status: 202 })
    localStorage.clear()
    sessionStorage.clear()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
    server.resetHandlers()
  })
  afterAll(() => server.close())
}
