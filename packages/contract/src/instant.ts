/**
 * An instant as the API takes it (`from`, `to`, `baseline_from`...): ISO 8601
 * (a year, a month, a date, or a date-time; UTC when no zone is given) or
 * epoch milliseconds.
 */

// Epoch milliseconds: 0, or five digits and more, so that a bare year such
// as 2025 is read as the year (ISO 8601 reduced precision), not as 2 s after 1970.
const EPOCH_MS = /^(0|\d{5,13})$/
const YEAR_OR_MONTH = /^(\d{4})(?:-(\d{2}))?$/
// Dates and date-times of ISO 8601 (extended format); a time without a zone is UTC.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/
// What the events table can hold (DateTime64(3) from 1970 to 2200).
const MAX_MS = 7_258_118_400_000

/** Epoch ms from ISO 8601 or epoch milliseconds; undefined when it is neither, or impossible. */
export function parseInstant(text: string): number | undefined {
  const s = text.trim()
  let ms: number
  const ym = YEAR_OR_MONTH.exec(s)
  if (ym) {
    const month = ym[2] === undefined ? 1 : Number(ym[2])
    if (month < 1 || month > 12) return undefined
    ms = Date.UTC(Number(ym[1]), month - 1, 1)
  } else if (EPOCH_MS.test(s)) {
    ms = Number(s)
  } else {
    const m = ISO.exec(s)
    if (!m) return undefined
    const [, y, mo, d, h, mi, zone] = m
    // Date.parse rolls 2025-02-30 over to March; a real calendar date is required.
    const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
    if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return undefined
    if (h !== undefined && (Number(h) > 23 || Number(mi) > 59)) return undefined
    let iso = s.replace(' ', 'T')
    if (iso.length > 10 && zone === undefined) iso += 'Z'
    ms = Date.parse(iso)
  }
  return Number.isNaN(ms) || ms < 0 || ms > MAX_MS ? undefined : ms
}
