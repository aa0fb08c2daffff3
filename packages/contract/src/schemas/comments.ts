/** Request and response schemas of `GET /v1/comments` and `GET /v1/comments/terms`. */
import { z } from 'zod'
import { METRICS, SCALES } from '../rules.js'
import { FilterQuery, FormatQuery } from './filters.js'
import { WindowSchema } from './metrics.js'

export const COMMENTS_PAGE = { default: 50, max: 500 } as const
export const TERMS_PER_SERVICE = { default: 15, max: 100 } as const

const { low } = SCALES
const SCORES_DOC = `low = complaints only (CSAT or rating 1–${low.csat.to}, NPS 0–${low.nps.to}, CES ${low.ces.from}–7); all = every comment`
const metricList = z
  .union([z.enum(METRICS), z.array(z.enum(METRICS))])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional()

export const CommentsQuery = FilterQuery.extend(FormatQuery.shape).extend({
  limit: z.coerce.number().int().min(1).max(COMMENTS_PAGE.max).default(COMMENTS_PAGE.default),
  // Any length: a cursor the API did not return is refused by its decoder, in the product's words.
  cursor: z.string().optional().describe('next_cursor of the previous page'),
  metric: metricList,
  scores: z.enum(['low', 'all']).default('all').describe(SCORES_DOC),
})

export const CommentSchema = z
  .object({
    id: z.string(),
    ts: z.string(),
    service: z.string(),
    metric: z.string(),
    question: z.string(),
    score: z.number().int().nullable(),
    comment: z.string(),
    life_situation: z.string(),
    channel: z.string(),
    segment: z.string(),
    locale: z.string(),
    device: z.string(),
  })
  .meta({ id: 'Comment' })

export const CommentsResponse = z
  .object({ window: WindowSchema, comments: z.array(CommentSchema), next_cursor: z.string().nullable() })
  .meta({ id: 'CommentsPage' })

export const TermSchema = z.object({ term: z.string(), count: z.number().int().describe('comments that contain the term') }).meta({ id: 'Term' })

export const TermsQuery = FilterQuery.extend(FormatQuery.shape).extend({
  scores: z.enum(['low', 'all']).default('low').describe(SCORES_DOC),
  limit: z.coerce.number().int().min(1).max(TERMS_PER_SERVICE.max).default(TERMS_PER_SERVICE.default).describe('terms per service'),
})

export const TermsResponse = z
  .object({
    window: WindowSchema,
    scores: z.enum(['low', 'all']),
    services: z.array(z.object({ service: z.string(), comments: z.number().int().describe('comments read'), terms: z.array(TermSchema) })),
  })
  .meta({ id: 'CommentTerms' })
