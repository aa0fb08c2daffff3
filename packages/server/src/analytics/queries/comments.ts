/**
 * Query `comments`: survey answers with a comment (already PII-scrubbed at
 * ingestion), newest first, by keyset: the page after (ts, id) of the
 * previous page's last row.
 */
import { SCALES } from '@otklik/contract/rules'
import { toNumber } from '../../storage/int64.js'
import type { QueryParams, Store } from '../../storage/store.js'
import type { Scope } from '../filters.js'
import { ALL_FILTERS, and, filterConditions, ms, run } from '../sql.js'

export const NAME = 'comments'

/** Answers that count as low (complaints): CSAT or a rating 1–3, NPS 0–6, CES 5–7. */
const { low } = SCALES
export const LOW_SCORE = `((metric = 'csat' AND score <= ${low.csat.to}) OR (metric = 'rating' AND score <= ${low.rating.to}) OR (metric = 'nps' AND score <= ${low.nps.to}) OR (metric = 'ces' AND score >= ${low.ces.from}))`

export interface CommentRow {
  id: string
  ts: number
  service: string
  metric: string
  question: string
  score: number | null
  comment: string
  life_situation: string
  channel: string
  segment: string
  locale: string
  device: string
}

export interface CommentQuery {
  limit: number
  after?: { ts: number; id: string } | undefined
  metrics?: readonly string[] | undefined
  lowOnly?: boolean | undefined
}

export async function comments(store: Store, scope: Scope, q: CommentQuery): Promise<CommentRow[]> {
  const params: QueryParams = { from: scope.window.from, to: scope.window.to, limit: q.limit }
  const where = filterConditions(scope, ALL_FILTERS, params)
  if (q.after) {
    params.after_ts = q.after.ts
    params.after_id = q.after.id
    where.push(`(ts, id) < (${ms('after_ts')}, {after_id:UUID})`)
  }
  if (q.metrics) {
    params.metrics = q.metrics
    where.push('metric IN {metrics:Array(String)}')
  }
  if (q.lowOnly) where.push(LOW_SCORE)
  // Not `AS id`: an alias would shadow the column in WHERE and ORDER BY.
  const sql = `
SELECT toString(id) AS event_id, toUnixTimestamp64Milli(ts) AS ts_ms, service, metric, question, score, comment, life_situation, channel, segment, locale, device
FROM ${store.table('events')}
WHERE type = 'survey_response' AND excluded = '' AND comment != '' AND ts >= ${ms('from')} AND ts < ${ms('to')} AND ${and(where)}
ORDER BY ts DESC, id DESC
LIMIT {limit:UInt32}`
  const rows = await run<Record<string, unknown>>(store, NAME, sql, params)
  return rows.map((r) => ({
    id: String(r.event_id),
    ts: toNumber(r.ts_ms),
    service: String(r.service),
    metric: String(r.metric),
    question: String(r.question),
    score: r.score === null ? null : toNumber(r.score),
    comment: String(r.comment),
    life_situation: String(r.life_situation),
    channel: String(r.channel),
    segment: String(r.segment),
    locale: String(r.locale),
    device: String(r.device),
  }))
}
