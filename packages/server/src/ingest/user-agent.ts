/**
 * Device class, browser and OS families from a User-Agent, with bowser (a
 * maintained parser). Only the families are kept; the string is dropped.
 */
import { DEVICE_CLASSES } from '@otklik/contract/rules'
import Bowser from 'bowser'

export interface DeviceInfo {
  device: (typeof DEVICE_CLASSES)[number]
  browser: string
  os: string
}

const UNKNOWN: DeviceInfo = { device: 'unknown', browser: 'unknown', os: 'unknown' }
const DEVICES = new Set<string>(DEVICE_CLASSES)
// Parsing is the costliest step of a request; a busy site sends few distinct UAs.
const CACHE_LIMIT = 2000
const cache = new Map<string, DeviceInfo>()

export function parseUserAgent(ua: string | undefined): DeviceInfo {
  if (!ua) return UNKNOWN
  const hit = cache.get(ua)
  if (hit) return hit
  let info = UNKNOWN
  try {
    const r = Bowser.parse(ua)
    const type = r.platform.type as DeviceInfo['device'] | undefined
    info = {
      device: type && DEVICES.has(type) ? type : 'unknown',
      browser: r.browser.name ?? 'unknown',
      os: r.os.name ?? 'unknown',
    }
  } catch {
    // A malformed UA is just unknown.
  }
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(ua, info)
  return info
}
