/** What every report takes besides the scope. */
import type { Language } from '../language.js'
import type { Source } from '../window.js'
import { isoTime, type TimeWindow } from '../window.js'

export interface ReportOptions {
  /** `raw` reads raw events only (the reference the rollups are tested against). */
  source?: Source
  lang?: Language
}

export const windowBody = (w: TimeWindow) => ({ from: isoTime(w.from), to: isoTime(w.to) })

/** Orders [service, group] pairs by code point (the order of ClickHouse's ORDER BY on strings). */
export const byPair = (a: readonly [string, string], b: readonly [string, string]) =>
  a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] === b[1] ? 0 : a[1] < b[1] ? -1 : 1
