/**
 * Wires the modules into one instance with its command form,
 * `otklik('step', 'documents')`. Every call is guarded: a mistake in the
 * page gets one warning naming the call, never an exception.
 */
import { flag, resolve, type RawOptions } from './config.js'
import { journeys } from './journey.js'
import { setOnIgnored, warn } from './log.js'
import { sender } from './sender.js'
import { declarativeSteps } from './steps.js'
import { surveys } from './survey.js'
import { tracker } from './track.js'
import type { Platform } from './transport.js'
import type { WidgetModule } from './widget-api.js'

export type Command = (command?: unknown, a?: unknown, b?: unknown) => void

/**
 * What differs between the script tag and the ESM entry comes from the
 * host: `endpoint` when the options name none, the platform's network, and
 * how to load the widget chunk.
 */
export function createOtklik(options: RawOptions, endpoint: string, platform: Platform, loadWidget: () => Promise<WidgetModule>): Command | undefined {
  setOnIgnored(options.onIgnored)
  const o = resolve(options, endpoint)
  if (!o) return
  const send = sender(o, platform)
  const track = tracker(o, send.add)
  const offer = surveys(o, track, loadWidget)
  // The survey after `complete`, unless the site turned it off (the widget checks the metric).
  const after = !/^(false|off)$/.test(options.survey as string)
  const journey = journeys(o, track, (context) => after && offer({}, context))
  // Optional page view on load; a single-page app calls otklik('pageview') as it
  // routes (its History API is left alone).
  if (flag(options.pageviews)) track('page_view')

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
      run(command, a, b)
    } catch {
      // Named by the command if it is a string: anything else could throw on conversion.
      warn(typeof command === 'string' ? command.slice(0, 40) : '?', 'failed')
    }
  }
  declarativeSteps((name) => call('step', name))
  return call
}
