/** Request and response schemas of `GET /v1/flags`. */
import { z } from 'zod'
import { FLAG_EVENTS, FLAG_ID, FLAG_RULES, FLAG_STATUSES, GAP_DIMENSIONS, LANGUAGES, MAX_FLAG_NOTE, parseInstant } from '../rules.js'
import { text } from './events.js'
import { FilterQuery, FormatQuery, instant } from './filters.js'
import { WindowSchema } from './metrics.js'

export const FlagsQuery = FilterQuery.extend(FormatQuery.shape).extend({
  lang: z.enum(LANGUAGES).optional().describe('language of explanations; default from Accept-Language, else ru'),
  baseline_from: instant.optional().describe('baseline start; default: the window of the same length just before `from`'),
  baseline_to: instant.optional().describe('baseline end, exclusive; default: `from`'),
})

export const OwnerSchema = z.object({ name: z.string(), contact: z.string() }).meta({ id: 'Owner' })
export const ActionSchema = z.object({ note: z.string(), due: z.string().describe('ISO 8601') }).meta({ id: 'Action' })

/** A flag as a case (the lifecycle's view, webhook payloads, mail): what the rule found, its status, owner and action. */
export const PublicFlagSchema = z
  .object({
    id: z.string(),
    service: z.string(),
    name: z.object({ ru: z.string(), en: z.string() }),
    agency: z.string().nullable(),
    rule: z.string(),
    metric: z.string(),
    step: z.string().optional(),
    dimension: z.string().optional(),
    group: z.string().optional(),
    status: z.enum(FLAG_STATUSES),
    firing: z.boolean().describe('the rule flagged it in the latest evaluation'),
    first_seen: z.string(),
    last_seen: z.string(),
    owner: OwnerSchema.nullable(),
    action: ActionSchema.nullable(),
    public_note: z.string().nullable(),
    resolved_at: z.string().nullable(),
    verified_at: z.string().nullable(),
    value: z.number(),
    interval: z.tuple([z.number().nullable(), z.number().nullable()]),
    n: z.number().int(),
    explanation: z.object({ ru: z.string(), en: z.string() }),
  })
  .meta({ id: 'FlagCase' })

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
    id: z.string().describe('stable id of the flag (service, rule, metric, step or group)'),
    status: z.enum(FLAG_STATUSES).optional().describe('absent until an evaluation has seen the flag'),
    first_seen: z.string().optional(),
    last_seen: z.string().optional(),
    owner: OwnerSchema.nullable().optional().describe("the flag's owner, else its service's in the registry"),
    action: ActionSchema.nullable().optional().describe('the action planned (in_progress): a description and a due date'),
    public_note: z.string().nullable().optional().describe('what was done (resolved) or why not (wont_fix): published with the flag'),
  })
  .meta({ id: 'Flag' })

export const FlagsResponse = z
  .object({
    window: WindowSchema,
    baseline: WindowSchema,
    flags: z.array(FlagSchema),
    insufficient: z.array(z.object({ service: z.string(), n: z.number().int().describe('survey answers in the window'), journeys: z.number().int() })),
    ranking: z.array(z.object({ service: z.string(), impact: z.number(), rules: z.array(z.enum(FLAG_RULES)) })),
    followed: z
      .array(PublicFlagSchema)
      .describe('known flags that the rules do not flag in this window (resolved, verified, declined, or quiet now), of the services asked for'),
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

export const FlagParams = z.object({ id: z.string().regex(FLAG_ID, 'must be a flag id like f0123456789abcde') })

/** `POST /v1/flags/{id}/status`: a person moves a flag. */
export const FlagStatusBody = z
  .object({
    status: z.enum(FLAG_STATUSES),
    note: text(MAX_FLAG_NOTE, { multiline: true })
      .optional()
      .describe('in_progress: the action planned; resolved: the public note on what was done; wont_fix: the public reason; reopened: why'),
    due: z
      .string()
      .max(40)
      .refine((s) => parseInstant(s) !== undefined, 'must be ISO 8601 (2025-01-31) or epoch milliseconds')
      .optional()
      .describe('in_progress: when the action is due'),
    owner: z
      .object({ name: text(200), contact: text(200) })
      .strict()
      .optional()
      .describe("this flag's owner, instead of the service's owner in the registry"),
  })
  .strict()
  .meta({ id: 'FlagStatusChange' })

/** `GET /v1/flags/{id}/history`: every evaluation and change of status, newest first. */
export const FlagHistoryResponse = z
  .object({
    flag: PublicFlagSchema,
    history: z.array(
      z.object({
        at: z.string(),
        kind: z.enum(['evaluation', 'status']),
        evaluation: z.string().optional(),
        fired: z.boolean().optional(),
        status_from: z.string().nullable(),
        status_to: z.string(),
        actor: z.string().describe("who: the token's name and id, or the evaluation"),
        note: z.string().optional(),
        due: z.string().optional(),
        figure: z
          .object({ value: z.number(), interval: z.tuple([z.number().nullable(), z.number().nullable()]), n: z.number(), window: WindowSchema })
          .optional(),
      }),
    ),
  })
  .meta({ id: 'FlagHistory' })

/** `POST /v1/flags/evaluate`: one evaluation and the alerts it raised. */
export const FlagEvaluationSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    window: WindowSchema,
    trigger: z.string(),
    flags: z.number().int(),
    tests: z.number().int(),
    duration_ms: z.number().int(),
    events: z.array(z.object({ type: z.enum(FLAG_EVENTS), id: z.string() })),
  })
  .meta({ id: 'FlagEvaluation' })
