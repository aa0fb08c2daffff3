/**
 * Wires the modules into one instance with its command form,
 * `otklik('step', 'documents')`. Every call is guarded: a mistake in the
 * page gets one warning naming the call, never an exception.
 *
 * Nothing that reads Web Storage runs while the script is evaluated:
 * Chromium opens an origin's storage on its first use, synchronously, and
 * that costs the page milliseconds. The SDK starts (journeys of ended
 * sessions, the page view, the calls the stub queued) in the first idle
 * moment instead, or at the page's first call, or when the page is hidden
 * or left, whichever comes first.
 */
import { flag, resolve, type RawOptions } from './config.js'
import { endSessions, journeys } from './journey.js'
import { setOnIgnored, warn } from './log.js'
import { sender } from './sender.js'
import { declarativeSteps } from './steps.js'
import { surveys } from './survey.js'
import { tracker } from './track.js'
import type { Platform } from './transport.js'
import type { WidgetModule } from './widget-api.js'

export type Command = (command?: unknown, a?: unknown, b?: unknown) => void

/** On a page that is never idle, the SDK starts after this long all the same. */
export const START_MS = 1000

/**
 * What differs between the script tag and the ESM entry comes from the
 * host: `endpoint` when the options name none, the platform's network, and
 * how to load the widget chunk.
 */
export function createOtklik(
  options: RawOptions,
  endpoint: string,
  platform: Platform,
  loadWidget: () => Promise<WidgetModule>,
  /** Calls made before the SDK was loaded (the script tag's stub queues them); queued here until the start. */
  queued: ArrayLike<unknown>[] = [],
): Command | undefined {
  setOnIgnored(options.onIgnored)
  const o = resolve(options, endpoint)
  if (!o) return
  /** The calls queued before the start, run then in order; none once started. */
  let waiting: ArrayLike<unknown>[] | undefined = queued
  const begin = (): void => {
    if (!waiting) return
    const calls = waiting
    waiting = undefined
    endSessions(track)
    // Optional page view on load; a single-page app calls otklik('pageview') as
    // it routes (its History API is left alone).
    if (flag(options.pageviews)) track('page_view')
    // Each queued call is an array or an `arguments` object: apply takes any array-like.
    for (const args of calls) call.apply(0, args as Parameters<Command>)
  }
  // On page hide, what waits becomes events before they are sent.
  const send = sender(o, platform, begin)
  const track = tracker(o, send.add)
  const offer = surveys(o, track, loadWidget)
  // The survey after `complete`, unless the site turned it off (the widget checks the metric).
  const after = !/^(false|off)$/.test(options.survey as string)
  const journey = journeys(o, track, (context) => after && offer({}, context))

  const commands: Record<string, (a: unknown) => unknown> = {
    ...(journey as unknown as Record<string, (a: unknown) => unknown>),
    survey: (a) => offer(Object(a)),
    pageview: () => track('page_view'),
    flush: send.flush,
    onIgnored: setOnIgnored,
  }
  const run = (command: unknown, a: unknown, b: unknown): unknown =>
    // otklik('journey', 'start', {...}) is otklik('start', {...}), and so on.
    command === 'journey'
      ? run(a, b, b)
      : // `in {}` keeps out what every object inherits (constructor, toString...).
        !((command as string) in {}) && commands[command as string]
        ? commands[command as string]!(a)
        : warn(String(command), 'unknown')
  const call: Command = (command, a, b) => {
    try {
      // A call after init starts the SDK if the idle moment has not come yet,
      // so that it is handled when it is made, after the calls queued before it.
      begin()
      run(command, a, b)
    } catch {
      // Named by the command if it is a string: anything else could throw on conversion.
      warn(typeof command === 'string' ? command.slice(0, 40) : '?', 'failed')
    }
  }
  declarativeSteps((name) => call('step', name))
  // Not in Safari: there, the next task.
  'requestIdleCallback' in window ? requestIdleCallback(begin, { timeout: START_MS }) : setTimeout(begin)
  return call
}
