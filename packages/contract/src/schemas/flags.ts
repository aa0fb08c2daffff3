/** Request and response schemas of `GET /v1/flags`. */
import { z } from 'zod'
import { FLAG_RULES, GAP_DIMENSIONS, LANGUAGES } from '../rules.js'
import { FilterQuery, FormatQuery, instant } from './filters.js'
import { WindowSchema } from './metrics.js'

export const FlagsQuery = FilterQuery.extend(FormatQuery.shape).extend({
  lang: z.enum(LANGUAGES).optional().describe('language of explanations; default from Accept-Language, else ru'),
  baseline_from: instant.optional().describe('baseline start; default: the window of the same length just before `from`'),
  baseline_to: instant.optional().describe('baseline end, exclusive; default: `from`'),
})

export const FlagSchema = z
  .object({
    service: z.string(),
    name: z.string(),
    rule: z.enum(FLAG_RULES),
    metric: z.string(),
    value: z.number(),
    interval: z.tuple([z.number().nullable(), z.number().nullable()]).describe('95 % interval of value'),
    target: z.number().optional(),
    baseline: z.number().optional().describe('the previous window (declines), the other steps (step_dropoff) or the rest of the service (group_gap)'),
    n: z.number().int(),
    baseline_n: z.number().int().optional(),
    severity: z.enum(['high', 'medium', 'low']),
    step: z.string().optional(),
    dimension: z.enum(GAP_DIMENSIONS).optional(),
    group: z.string().optional(),
    p_value: z.number(),
    q_value: z.number().describe('Benjamini–Hochberg adjusted p-value'),
    affected: z.number().int(),
    impact: z.number(),
    explanation: z.string(),
    terms: z
      .array(z.object({ term: z.string(), count: z.number().int() }))
      .describe('top terms of the low-score comments behind the flag (analyst scope; empty for a viewer)'),
  })
  .meta({ id: 'Flag' })

export const FlagsResponse = z
  .object({
    window: WindowSchema,
    baseline: WindowSchema,
    flags: z.array(FlagSchema),
    insufficient: z.array(z.object({ service: z.string(), n: z.number().int().describe('survey answers in the window'), journeys: z.number().int() })),
    ranking: z.array(z.object({ service: z.string(), impact: z.number(), rules: z.array(z.enum(FLAG_RULES)) })),
    method: z.object({
      tests: z.number().int(),
      fdr: z.object({ target: z.number(), comparison: z.number() }),
      confidence: z.number(),
      min_answers: z.number().int(),
      min_journeys: z.number().int(),
      min_step_journeys: z.number().int(),
      min_durations: z.number().int(),
      min_group: z.number().int(),
      min_effect: z.record(z.string(), z.number()),
      impact: z.string(),
    }),
  })
  .meta({ id: 'FlagsReport' })
