/**
 * The filters every analytics endpoint takes, defined once: the time window
 * and the dimensions. A list filter takes comma-separated values or the
 * parameter repeated (`service=a,b` = `service=a&service=b`) and matches any
 * of them; different filters combine with AND.
 *
 * Survey answers and events are filtered by their own dimensions; a journey
 * by the dimensions of its first `journey_start` event. `agency` keeps the
 * services whose registry entry names one of the agencies.
 */
import { z } from 'zod'
import { identifier } from '@otklik/contract/schemas'
import { CHANNELS, DEVICE_CLASSES, LIMITS, LOCALE_TAG, SEGMENTS } from '@otklik/contract/rules'
import { errors } from '../errors.js'
import type { Store } from '../storage/store.js'
import { DAY_MS, DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS, lastDays, parseInstant, type TimeWindow } from './window.js'

const MAX_VALUES = 100

const listOf = <T extends z.ZodType<string, string>>(item: T, what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .pipe(z.array(item).min(1, `must name at least one ${what}`).max(MAX_VALUES, `at most ${MAX_VALUES} values`))
    .optional()
    .describe(`one or more ${what} values, comma-separated or repeated`)

const instant = (what: string) =>
  z
    .string()
    .max(40)
    .refine((s) => parseInstant(s) !== undefined, 'must be ISO 8601 (2025-01-31, 2025-01-31T12:00:00Z) or epoch milliseconds')
    .optional()
    .describe(what)

const locale = z
  .string()
  .max(LIMITS.maxLocaleChars)
  .regex(LOCALE_TAG, 'must be a language tag like ru or en-GB')
  .transform((s) => s.toLowerCase())

/** The query parameters shared by every analytics endpoint. */
export const FilterQuery = z.object({
  from: instant(`start of the window, inclusive (ISO 8601 or epoch ms); default: ${DEFAULT_WINDOW_DAYS} days before \`to\``),
  to: instant('end of the window, exclusive (ISO 8601 or epoch ms); default: now'),
  service: listOf(identifier, 'service id'),
  life_situation: listOf(identifier, 'life situation id'),
  agency: listOf(identifier, 'agency id (services of that agency in the registry)'),
  site: listOf(identifier, 'site key'),
  channel: listOf(z.enum(CHANNELS), 'channel'),
  segment: listOf(z.enum(SEGMENTS), 'segment'),
  locale: listOf(locale, 'locale'),
  device: listOf(z.enum(DEVICE_CLASSES), 'device class'),
  browser: listOf(z.string().min(1).max(64).regex(/^[\p{L}\p{N} ._-]+$/u, 'must be a browser family name'), 'browser family'),
})
export type FilterQueryInput = z.infer<typeof FilterQuery>

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
