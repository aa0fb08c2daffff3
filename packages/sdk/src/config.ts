/**
 * Options from `init()`, or the script tag's `data-*` attributes (the same
 * names, as strings), checked once and resolved to what the modules use.
 */
import { SEGMENTS } from '@otklik/contract/rules'
import { ident, languageTag } from './clean.js'
import { warn } from './log.js'
import type { OtklikOptions, Segment } from './types.js'

export interface Resolved {
  site: string
  /** `{endpoint}/v1/events`. */
  url: string
  service?: string | undefined
  segment?: Segment | undefined
  locale: string
  /** Journey analytics are off: DNT/GPC is on and the site respects it. */
  dnt?: boolean
  /** The options as given, for what only one module reads (and checks). */
  raw: RawOptions
}

export type RawOptions = { [K in keyof OtklikOptions]?: unknown }

// `true`, or a data attribute present without a value or set to "true".
export const flag = (v: unknown): boolean => /^(true|)$/.test(v as string)
/** A number from 0 to `hi` (or its string, as in a data attribute), else `dflt`. */
export const num = (v: unknown, hi: number, dflt: number): number => (/^\d*\.?\d+$/.test(v as string) && (v as number) <= hi ? +v! : dflt)

/** `undefined` (with a warning) when the options cannot work. */
export function resolve(o: RawOptions, endpoint: string): Resolved | undefined {
  const site = ident(o.site)
  if (!site) return void warn('init', 'no site key')
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean }
  return {
    site,
    url: `${o.endpoint || endpoint}`.replace(/\/*$/, '/v1/events'),
    service: ident(o.service),
    segment: SEGMENTS.find((s) => s === o.segment),
    locale: languageTag(o.locale) ?? languageTag(document.documentElement.lang) ?? 'ru',
    dnt: flag(o.respectDnt) && (nav.doNotTrack === '1' || nav.globalPrivacyControl),
    raw: o,
  }
}
