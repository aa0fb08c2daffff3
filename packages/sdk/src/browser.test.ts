import { expect, it, vi } from 'vitest'
import { ENDPOINT, sentEvents, settle, useNetwork } from '../test/support.js'
import { FLUSH_MS } from './sender.js'

useNetwork()

type Global = typeof window & { otklik?: ((...a: unknown[]) => void) & { q?: unknown[]; v?: string } }

it('keeps the calls made before the script loaded, in order, and then takes calls directly', async () => {
  const w = window as Global
  // The README's stub, as the page runs it before sdk.js arrives.
  w.otklik = w.otklik || function (...args: unknown[]) { (w.otklik!.q = w.otklik!.q || []).push(args) }
  w.otklik('journey', 'start', { lifeSituation: 'birth-of-child' })
  w.otklik('step', 'documents')
  w.otklik('no-such-command') // misuse in the queue warns and does not stop the replay
  w.otklik('step', 'application')

  const script = document.createElement('script')
  script.src = `${ENDPOINT}/sdk.js`
  Object.assign(script.dataset, { site: 'gov', service: 'passport-rf', survey: 'off' })
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true })
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  await import('./browser.js')
  w.otklik('complete')
  await vi.advanceTimersByTimeAsync(FLUSH_MS)
  await settle()

  expect(sentEvents().map((e) => [e.type, e.step, e.service])).toEqual([
    ['journey_start', undefined, 'passport-rf'],
    ['journey_step', 'documents', 'passport-rf'],
    ['journey_step', 'application', 'passport-rf'],
    ['journey_complete', 'application', 'passport-rf'],
  ])
  expect(warn).toHaveBeenCalledWith("otklik('no-such-command'): unknown")
  expect(w.otklik.v).toBe('1.0.0')

  // A second copy of the script does nothing but say so.
  vi.resetModules()
  await import('./browser.js')
  expect(warn).toHaveBeenCalledWith("otklik('sdk.js'): loaded twice")
  warn.mockRestore()
})
