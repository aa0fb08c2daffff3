/**
 * Time windows: `[from, to)` in epoch milliseconds, and how a window splits
 * into whole UTC days (read from the day rollups) and the partial days at
 * its edges (read from raw events), so that any window, to the millisecond,
 * is answered exactly.
 */
import { DEFAULT_WINDOW_DAYS } from '@otklik/contract/rules'

export const DAY_MS = 86_400_000

/** Default window of every metric and of the flags (the last 28 days), and the longest a request may ask for. */
export { DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS } from '@otklik/contract/rules'

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

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
export const isoTime = (ms: number) => new Date(ms).toISOString()

/** The window of the same length just before `w` (the flags' baseline). */
export function previousWindow(w: TimeWindow): TimeWindow {
  return { from: w.from - (w.to - w.from), to: w.from }
}

/** The last `days` days up to `now`. */
export function lastDays(now: number, days: number = DEFAULT_WINDOW_DAYS): TimeWindow {
  return { from: now - days * DAY_MS, to: now }
}

export { parseInstant } from '@otklik/contract/rules'
