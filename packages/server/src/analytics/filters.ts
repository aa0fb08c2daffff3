/**
 * The filters every analytics endpoint takes, defined once: the time window
 * and the dimensions. A list filter takes comma-separated values or the
 * parameter repeated (`service=a,b` = `service=a&service=b`) and matches any
 * of them; different filters combine with AND.
 *
 * The query schema is `FilterQuery` of @otklik/contract. Survey answers
 * and events are filtered by their own dimensions; a journey by the
 * dimensions of its first `journey_start` event. `agency` keeps the
 * services whose registry entry names one of the agencies.
 */
import type { FilterQueryInput } from '@otklik/contract/schemas'
import { errors } from '../errors.js'
import type { Store } from '../storage/store.js'
import { DAY_MS, DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS, lastDays, parseInstant, type TimeWindow } from './window.js'

export type { FilterQueryInput }

/** Filter columns, by the name every source (rollups, events, journeys) gives them. */
export const FILTER_COLUMNS = {
  service: 'service',
  life_situation: 'life_situation',
  site: 'site_id',
  channel: 'channel',
  segment: 'segment',
  locale: 'locale',
  device: 'device',
  browser: 'browser',
} as const
export type FilterName = keyof typeof FILTER_COLUMNS

/** Filters after the agency is resolved to services; absent = no restriction. */
export interface Scope {
  window: TimeWindow
  values: Partial<Record<FilterName, readonly string[]>>
}

/** Parses the window (default: the last 28 days) and resolves `agency`; throws 400 on a bad window. */
export async function resolveScope(store: Store, q: FilterQueryInput, now: number): Promise<Scope> {
  const window = parseWindow(q.from, q.to, now)
  const values: Scope['values'] = {}
  for (const name of Object.keys(FILTER_COLUMNS) as FilterName[]) {
    const v = q[name]
    if (v) values[name] = [...new Set(v)]
  }
  if (q.agency) {
    const rows = await store.query<{ id: string }>(
      `SELECT id FROM ${store.table('services')} FINAL WHERE deleted = 0 AND agency IN {agencies:Array(String)}`,
      { agencies: q.agency },
    )
    const ofAgency = new Set(rows.map((r) => r.id))
    values.service = values.service ? values.service.filter((s) => ofAgency.has(s)) : [...ofAgency]
  }
  return { window, values }
}

export function parseWindow(fromText: string | undefined, toText: string | undefined, now: number): TimeWindow {
  const to = toText === undefined ? now : (parseInstant(toText) as number)
  const from = fromText === undefined ? to - DEFAULT_WINDOW_DAYS * DAY_MS : (parseInstant(fromText) as number)
  if (fromText === undefined && toText === undefined) return lastDays(now)
  if (!(from < to)) throw errors.badRequest('querystring: from must be before to')
  if (to - from > MAX_WINDOW_DAYS * DAY_MS) throw errors.badRequest(`querystring: the window must not exceed ${MAX_WINDOW_DAYS} days`)
  return { from, to }
}
