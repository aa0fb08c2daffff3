/**
 * The query parameters every analytics endpoint takes, defined once: the
 * time window and the dimensions. A list filter takes comma-separated values
 * or the parameter repeated (`service=a,b` = `service=a&service=b`) and
 * matches any of them; different filters combine with AND.
 */
import { z } from 'zod'
import { parseInstant } from '../instant.js'
import { CHANNELS, DEFAULT_WINDOW_DAYS, DEVICE_CLASSES, LANGUAGES, LIMITS, LOCALE_TAG, SEGMENTS } from '../rules.js'
import { identifier } from './events.js'

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

/** An instant as a query parameter: ISO 8601 or epoch milliseconds. */
export const instant = z
  .string()
  .max(40)
  .refine((s) => parseInstant(s) !== undefined, 'must be ISO 8601 (2025-01-31, 2025-01-31T12:00:00Z) or epoch milliseconds')

const locale = z
  .string()
  .max(LIMITS.maxLocaleChars)
  .regex(LOCALE_TAG, 'must be a language tag like ru or en-GB')
  .transform((s) => s.toLowerCase())

/** The query parameters shared by every analytics endpoint. */
export const FilterQuery = z.object({
  from: instant.optional().describe(`start of the window, inclusive (ISO 8601 or epoch ms); default: ${DEFAULT_WINDOW_DAYS} days before \`to\``),
  to: instant.optional().describe('end of the window, exclusive (ISO 8601 or epoch ms); default: now'),
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

/** JSON or CSV, with the same content. */
export const FormatQuery = z.object({
  format: z.enum(['json', 'csv']).optional().describe('json (default) or csv; also `Accept: text/csv` or a `.csv` suffix on the path'),
})

/** The filters, the format and the language of names. */
export const ReportQuery = FilterQuery.extend(FormatQuery.shape).extend({
  lang: z.enum(LANGUAGES).optional().describe('language of names; default from Accept-Language, else ru'),
})
