/** Numbers, shares, dates and durations in the reader's language. */
import type { Lang } from './lang.js'

const cache = new Map<string, Intl.NumberFormat>()
const numberFormat = (lang: Lang, digits: number) => {
  const key = `${lang}/${digits}`
  let f = cache.get(key)
  if (!f) cache.set(key, (f = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits })))
  return f
}

/** A count: 1 234 (ru) or 1,234 (en). */
export const count = (lang: Lang, n: number): string => numberFormat(lang, 0).format(n)
export const decimal = (lang: Lang, n: number, digits = 1): string => numberFormat(lang, digits).format(n)
/** A share 0..1 as a percentage with no decimals: 78 %. */
export const percent = (lang: Lang, share: number): string => `${numberFormat(lang, 0).format(share * 100)}${lang === 'ru' ? ' %' : '%'}`

export const DASH = '—'

/** A UTC day (YYYY-MM-DD or an ISO instant) as a date in the reader's language. */
export function day(lang: Lang, iso: string): string {
  return new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).toLocaleDateString(lang, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })
}

/** A window [from, to) as "1 Nov 2026 – 28 Nov 2026", the end shown inclusive. */
export function windowText(lang: Lang, from: string, to: string): string {
  const last = new Date(Date.parse(to) - 1).toISOString()
  return `${day(lang, from)} – ${day(lang, last)}`
}
