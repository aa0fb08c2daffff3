/**
 * Query `comment_texts`: the newest `perService` comments of each service
 * in a window (optionally low scores only), with the fields the term counts
 * group by — the input of "top terms".
 */
import type { QueryParams, Store } from '../../storage/store.js'
import type { Scope } from '../filters.js'
import { ALL_FILTERS, and, filterConditions, ms, run } from '../sql.js'
import { LOW_SCORE } from './comments.js'

export const NAME = 'comment_texts'

export interface CommentText {
  service: string
  metric: string
  segment: string
  channel: string
  device: string
  locale: string
  comment: string
}

export async function commentTexts(store: Store, scope: Scope, opts: { perService: number; lowOnly: boolean }): Promise<CommentText[]> {
  const params: QueryParams = { from: scope.window.from, to: scope.window.to, per: opts.perService }
  const where = filterConditions(scope, ALL_FILTERS, params)
  if (opts.lowOnly) where.push(LOW_SCORE)
  const sql = `
SELECT service, metric, segment, channel, device, locale, comment
FROM ${store.table('events')}
WHERE type = 'survey_response' AND excluded = '' AND comment != '' AND ts >= ${ms('from')} AND ts < ${ms('to')} AND ${and(where)}
ORDER BY service, ts DESC, id DESC
LIMIT {per:UInt32} BY service`
  return run<CommentText>(store, NAME, sql, params)
}
