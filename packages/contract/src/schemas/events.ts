/**
 * zod schemas of the v1 event contract: the one source of request
 * validation and of the OpenAPI document. `types.ts` mirrors them for the
 * SDK; the assertions at the bottom keep the two identical.
 */
import { z } from 'zod'
import { cleanPath } from '../path.js'
import { CHANNELS, CONTROL, CONTROL_IN_TEXT, EVENT_TYPES, IDENTIFIER, LIMITS, LOCALE_TAG, METRICS, METRIC_RANGES, SEGMENTS, UUID, wellFormed } from '../rules.js'
import type { EventBatch, IngestResponse, OtklikEvent } from '../types.js'

/**
 * Free text of at most `max` characters: well-formed, and with no control
 * characters unless `multiline` (then tab and newlines are allowed).
 */
export const text = (max: number, opts: { multiline?: boolean } = {}) =>
  z
    .string()
    .max(max)
    .refine(wellFormed, 'must be valid Unicode text (no lone surrogates)')
    .refine((s) => !(opts.multiline ? CONTROL_IN_TEXT : CONTROL).test(s), 'must not contain control characters')

export const identifier = z
  .string()
  .min(1)
  .max(LIMITS.maxIdChars)
  .regex(IDENTIFIER, 'must start with a letter or digit and hold only letters, digits and . _ : - /')

export const uuid = z.string().regex(UUID, 'must be a UUID')

// Epoch milliseconds within what DateTime64(3) stores (1970 to 2200).
const epochMs = z.number().int().min(0).max(7_258_118_400_000)

export const EventSchema = z
  .object({
    id: uuid,
    type: z.enum(EVENT_TYPES),
    ts: epochMs,
    session: uuid.optional(),
    journey: uuid.optional(),
    service: identifier.optional(),
    life_situation: identifier.optional(),
    step: identifier.optional(),
    channel: z.enum(CHANNELS).optional(),
    segment: z.enum(SEGMENTS).optional(),
    locale: z
      .string()
      .max(LIMITS.maxLocaleChars)
      .regex(LOCALE_TAG, 'must be a language tag like ru or en-GB')
      .optional(),
    // Only what is kept counts: the query string and fragment are cut before
    // the checks (the body limit bounds the raw string).
    path: z
      .string()
      .refine((s) => cleanPath(s).length <= LIMITS.maxPathChars, `must be at most ${LIMITS.maxPathChars} characters without its query string`)
      .refine((s) => wellFormed(cleanPath(s)) && !CONTROL.test(cleanPath(s)), 'must be valid text without control characters')
      .optional(),
    error_code: identifier.optional(),
    metric: z.enum(METRICS).optional(),
    question: identifier.optional(),
    score: z.number().int().optional(),
    comment: text(LIMITS.maxCommentChars, { multiline: true }).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const need = (field: keyof typeof e, why: string) => {
      if (e[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `is required ${why}` })
    }
    if (e.type.startsWith('journey_')) need('journey', `for ${e.type}`)
    if (e.type === 'journey_error') need('error_code', 'for journey_error')
    if (e.type.startsWith('survey_')) need('metric', `for ${e.type}`)
    if (e.type === 'survey_response') {
      need('score', 'for survey_response')
      if (e.metric === 'rating') need('question', 'for a rating answer')
      if (e.metric !== undefined && e.score !== undefined) {
        const [lo, hi] = METRIC_RANGES[e.metric]
        if (e.score < lo || e.score > hi) {
          ctx.addIssue({ code: 'custom', path: ['score'], message: `must be ${lo}-${hi} for ${e.metric}` })
        }
      }
    } else {
      for (const field of ['score', 'comment'] as const) {
        if (e[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'is only allowed on survey_response' })
      }
    }
  })
  .meta({ id: 'Event' })

/**
 * The envelope is checked on its own so that one bad event is rejected
 * alone: `events` is only required to be a bounded array here, and each
 * element is then parsed with `EventSchema`.
 */
export const BatchEnvelopeSchema = z
  .object({
    site: identifier,
    sdk: text(32).optional(),
    sent_at: epochMs.optional(),
    events: z.array(z.unknown()).min(1, 'must hold at least one event').max(LIMITS.maxEvents, `must hold at most ${LIMITS.maxEvents} events`),
  })
  .strict()

/** The batch as documented in OpenAPI (validated in two steps, see above). */
export const BatchSchema = BatchEnvelopeSchema.extend({ events: z.array(EventSchema).min(1).max(LIMITS.maxEvents) }).meta({ id: 'EventBatch' })

export const IngestResponseSchema = z.object({
  accepted: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
  clock_skew_ms: z.number().int().optional(),
}).meta({ id: 'IngestResult' })

// Compile-time proof that the SDK-facing types are exactly the schemas'.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameEvent: Same<z.infer<typeof EventSchema>, OtklikEvent> = true
const sameBatch: Same<Omit<z.infer<typeof BatchSchema>, 'events'>, Omit<EventBatch, 'events'>> = true
const sameResponse: Same<z.infer<typeof IngestResponseSchema>, IngestResponse> = true
void [sameEvent, sameBatch, sameResponse]
