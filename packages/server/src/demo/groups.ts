/**
 * Who a demo journey belongs to: segment, channel, device, browser, OS and
 * locale, drawn with a realistic mix for the service.
 */
import type { DemoService } from './catalog.js'
import type { Rng } from './prng.js'

export interface Visitor {
  segment: string
  channel: string
  device: string
  browser: string
  os: string
  locale: string
}

const CHANNELS = [
  ['web', 0.62],
  ['mobile', 0.2],
  ['mfc', 0.1],
  ['phone', 0.04],
  ['kiosk', 0.04],
] as const

const DESKTOP_BROWSERS = [
  ['Chrome', 0.42],
  ['Yandex Browser', 0.3],
  ['Microsoft Edge', 0.12],
  ['Firefox', 0.1],
  ['Safari', 0.06],
] as const

const MOBILE_BROWSERS = [
  ['Chrome', 0.45],
  ['Safari', 0.3],
  ['Yandex Browser', 0.2],
  ['Samsung Internet for Android', 0.05],
] as const

export function drawVisitor(rng: Rng, service: DemoService): Visitor {
  const segment = rng.weighted([
    ['business', service.business],
    ['internal', 0.03],
    ['citizen', Math.max(0, 0.97 - service.business)],
  ])
  const channel = rng.weighted(CHANNELS)
  const locale = rng.chance(0.06) ? 'en' : 'ru'
  if (channel === 'phone') return { segment, channel, locale, device: 'unknown', browser: 'unknown', os: 'unknown' }
  const device =
    channel === 'mobile'
      ? 'mobile'
      : channel === 'web'
        ? rng.weighted([
            ['desktop', 0.6],
            ['mobile', 0.33],
            ['tablet', 0.07],
          ])
        : 'desktop'
  if (device === 'desktop') {
    const browser = rng.weighted(DESKTOP_BROWSERS)
    const os = browser === 'Safari' ? 'macOS' : rng.weighted([['Windows', 0.85], ['macOS', 0.07], ['Linux', 0.08]])
    return { segment, channel, locale, device, browser, os }
  }
  const browser = rng.weighted(MOBILE_BROWSERS)
  return { segment, channel, locale, device, browser, os: browser === 'Safari' ? 'iOS' : 'Android' }
}
