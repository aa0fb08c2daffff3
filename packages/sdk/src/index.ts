/**
 * The ESM entry, for teams that bundle:
 *
 *   import { init } from '@otklik/sdk'
 *   const otklik = init({ site: 'KEY', endpoint: 'https://otklik.example.gov.ru', service: 'passport-rf' })
 *   otklik?.start({ lifeSituation: 'birth-of-child' })
 */
import { createOtklik, type Command } from './instance.js'
import { warn } from './log.js'
import { browserPlatform } from './transport.js'
import type { Otklik, OtklikOptions } from './types.js'

export type { IgnoredReason, JourneyStart, Metric, Otklik, OtklikEvent, OtklikOptions, Segment, SurveyMetric, SurveyOptions } from './types.js'
export { VERSION } from './version.js'

let instance: Otklik | undefined

/**
 * Starts the SDK once per page and returns it; a second call returns the
 * first instance. `undefined` (with a console warning) when the options
 * cannot work, e.g. no site key.
 */
export function init(options: OtklikOptions): Otklik | undefined {
  if (instance) {
    warn('init', 'called twice; the first instance is returned')
    return instance
  }
  let command: Command | undefined
  try {
    command = createOtklik(Object(options), location.origin, browserPlatform, () => import('./widget/index.js'))
  } catch {
    warn('init', 'could not start; the page is unaffected')
  }
  if (!command) return undefined
  const c = command
  instance = Object.assign((name: string, ...args: unknown[]) => c(name, ...args), {
    start: (journey?: unknown) => c('start', journey),
    step: (name: string) => c('step', name),
    complete: () => c('complete'),
    error: (code: string) => c('error', code),
    abandon: () => c('abandon'),
    survey: (options?: unknown) => c('survey', options),
    pageview: () => c('pageview'),
    flush: () => c('flush'),
  })
  return instance
}
