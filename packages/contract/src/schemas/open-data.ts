/** Request and response schemas of open data (`/v1/open/services.json` and `.csv`). */
import { z } from 'zod'
import { OPEN_DATA_MIN_K } from '../rules.js'
import { identifier } from './events.js'

const MAX_K = 10_000
/** A month like `2025-01`. */
export const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

const month = z.string().regex(MONTH, 'must be a month like 2025-01')

export const OpenDataQuery = z
  .object({
    k: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(OPEN_DATA_MIN_K, `must be at least ${OPEN_DATA_MIN_K}: smaller cells are never published`)
      .max(MAX_K)
      .default(OPEN_DATA_MIN_K),
    from: month.optional().describe('first month, e.g. 2025-01 (default: the first with data)'),
    to: month.optional().describe('last month, inclusive (default: the current one)'),
    service: identifier.optional(),
  })
  .strict()

const nullableNumber = z.number().nullable()

export const OpenDataRowSchema = z
  .object({
    service: z.string(),
    name_ru: z.string(),
    name_en: z.string(),
    agency: z.string().nullable(),
    month: z.string(),
    complete: z.boolean(),
    responses: nullableNumber,
    journeys: nullableNumber,
    csat: nullableNumber,
    csat_n: nullableNumber,
    nps: nullableNumber,
    nps_n: nullableNumber,
    ces: nullableNumber,
    ces_n: nullableNumber,
    completion_rate: nullableNumber,
    suppressed: z.record(z.string(), z.enum(['below_k', 'complementary', 'small_group'])),
  })
  .meta({ id: 'OpenDataRow' })

export const OpenDataResponse = z
  .object({
    generated_at: z.string(),
    method: z.object({
      k: z.number(),
      min_k: z.number(),
      unit: z.string(),
      rules: z.array(z.string()),
      relations: z.array(z.string()),
      definitions: z.record(z.string(), z.string()),
    }),
    rows: z.array(OpenDataRowSchema),
  })
  .meta({ id: 'OpenData' })

const ActionInterval = z.tuple([z.number().nullable(), z.number().nullable()])
const ActionFigure = z
  .object({
    value: z.number().nullable(),
    interval: ActionInterval.nullable().describe('95 % interval'),
    n: z.number().int().nullable().describe('people behind the figure (answers or journeys)'),
    window: z.object({ from: z.string(), to: z.string() }).nullable(),
    suppressed: z.enum(['below_k', 'small_group']).optional(),
  })
  .nullable()

export const OpenActionSchema = z
  .object({
    id: z.string(),
    service: z.string(),
    name_ru: z.string(),
    name_en: z.string(),
    agency: z.string().nullable(),
    status: z.enum(['resolved', 'verified']),
    rule: z.string(),
    said: z.object({ rule_ru: z.string(), rule_en: z.string(), terms: z.array(z.string()).describe('the most frequent terms of the low-score comments, each used by at least k comments') }),
    done: z.string().describe('the public note of the person who resolved it'),
    resolved_at: z.string(),
    verified_at: z.string().nullable().describe('when the data confirmed the fix: the rule quiet for two full windows after it'),
    metric: z.string(),
    before: ActionFigure.describe('the figure at the last evaluation before the fix'),
    after: ActionFigure.describe('the latest figure on a window wholly after the fix; null until there is one'),
  })
  .meta({ id: 'OpenAction' })

/** `GET /v1/open/actions.json`: you said, we did. */
export const OpenActionsResponse = z
  .object({
    generated_at: z.string(),
    method: z.object({ k: z.number(), rules: z.array(z.string()) }),
    actions: z.array(OpenActionSchema),
  })
  .meta({ id: 'OpenActions' })

