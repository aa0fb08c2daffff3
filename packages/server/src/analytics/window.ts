/**
 * Time windows: `[from, to)` in epoch milliseconds, and how a window splits
 * into whole UTC days (read from the day rollups) and the partial days at
 * its edges (read from raw events), so that any window, to the millisecond,
 * is answered exactly.
 */
export const DAY_MS = 86_400_000
/** Default window of every metric and of the flags: the last 28 days. */
export const DEFAULT_WINDOW_DAYS = 28
/** Longest window a request may ask for. */
export const MAX_WINDOW_DAYS = 3660

export interface TimeWindow {
  /** Inclusive, epoch ms. */
  from: number
  /** Exclusive, epoch ms. */
  to: number
}

/** The whole UTC days inside a window: `[dayFrom, dayTo)`, empty when dayFrom = dayTo. */
export interface DaySplit {
  /** First whole day, `YYYY-MM-DD`. */
  dayFrom: string
  /** Day after the last whole day, `YYYY-MM-DD`. */
  dayTo: string
  /** The same bounds in epoch ms (raw events outside them are the edges). */
  dayFromMs: number
  dayToMs: number
}

/** Where day rollups are read: `rollup` (whole days from rollups, edges raw) or `raw` (everything raw). */
export type Source = 'rollup' | 'raw'

export function splitDays(w: TimeWindow, source: Source = 'rollup'): DaySplit {
  let start = Math.ceil(w.from / DAY_MS) * DAY_MS
  let end = Math.floor(w.to / DAY_MS) * DAY_MS
  if (source === 'raw' || end <= start) {
    start = w.from
    end = w.from
  }
  return { dayFrom: isoDay(start), dayTo: isoDay(end), dayFromMs: start, dayToMs: end }
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
export const isoTime = (ms: number) => new Date(ms).toISOString()

/** The window of the same length just before `w` (the flags' baseline). */
export function previousWindow(w: TimeWindow): TimeWindow {
  return { from: w.from - (w.to - w.from), to: w.from }
}

/** The last `days` days up to `now`. */
export function lastDays(now: number, days: number = DEFAULT_WINDOW_DAYS): TimeWindow {
  return { from: now - days * DAY_MS, to: now }
}

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
