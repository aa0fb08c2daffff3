/** Answers left out of the figures as likely forged: counts for readers, the list and reinstatement for an admin. */
import { z } from 'zod'
import { EXCLUSION_REASONS } from '../rules.js'
import { uuid } from './events.js'
import { FilterQuery } from './filters.js'
import { WindowSchema } from './metrics.js'

const ExclusionReasonCounts = z
  .object(Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, z.number().int()])) as Record<(typeof EXCLUSION_REASONS)[number], z.ZodNumber>)
  .meta({ id: 'ExclusionReasonCounts' })

export const ExcludedCountsResponse = z
  .object({
    window: WindowSchema,
    total: z.number().int(),
    services: z.array(z.object({ service: z.string(), total: z.number().int(), reasons: ExclusionReasonCounts })),
  })
  .meta({ id: 'ExcludedCounts' })

export const ExcludedListQuery = FilterQuery.extend({
  reason: z.enum(EXCLUSION_REASONS).optional().describe('only answers excluded for this reason'),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
})

export const ExcludedListResponse = z
  .object({
    window: WindowSchema,
    answers: z.array(
      z.object({
        id: z.string(),
        ts: z.string(),
        site: z.string(),
        service: z.string(),
        metric: z.string(),
        question: z.string(),
        score: z.number().int().nullable(),
        reason: z.string().describe('one of the exclusion reasons'),
      }),
    ),
  })
  .meta({ id: 'ExcludedAnswers' })

export const ReinstateBody = z.object({ ids: z.array(uuid).min(1).max(10_000) }).strict()

export const ReinstateResponse = z
  .object({
    reinstated: z.array(z.string()),
    already_counted: z.array(z.string()),
    not_found: z.array(z.string()),
  })
  .meta({ id: 'Reinstated' })
