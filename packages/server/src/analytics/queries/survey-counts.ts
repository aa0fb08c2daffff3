/**
 * Query `survey_counts`: survey answers counted by service × score (and
 * optionally a dimension and a time bucket) in a window — whole UTC days
 * from `rollup_answers`, the partial days at the edges from raw events.
 */
import { toNumber } from '../../storage/int64.js'
import type { QueryParams, Store } from '../../storage/store.js'
import { ROLLUP_DIMENSIONS } from '../../storage/rollups.js'
import type { Scope } from '../filters.js'
import { ALL_FILTERS, and, bucketExpr, filterConditions, groupExpr, rawEdges, rollupDays, run, windowParams, type Grouping } from '../sql.js'
import type { Source } from '../window.js'

export const NAME = 'survey_counts'

export interface SurveyCountRow {
  service: string
  group: string
  bucket: string
  metric: string
  question: string
  score: number
  answers: number
}

export interface SurveyCountOptions extends Grouping {
  source?: Source
  /** Only these metrics (csat, nps, ces, rating). */
  metrics?: readonly string[]
}

const COLUMNS = `service, ${ROLLUP_DIMENSIONS.join(', ')}, metric, question`

export async function surveyCounts(store: Store, scope: Scope, opts: SurveyCountOptions = {}): Promise<SurveyCountRow[]> {
  const params: QueryParams = {}
  windowParams(scope.window, opts.source ?? 'rollup', params)
  const where = filterConditions(scope, ALL_FILTERS, params)
  if (opts.metrics) {
    params.metrics = opts.metrics
    where.push('metric IN {metrics:Array(String)}')
  }
  const sql = `
SELECT service, ${groupExpr(opts)} AS grp, ${bucketExpr(opts, 'day')} AS bucket, metric, question, score, sum(answers) AS answers
FROM (
  SELECT day, ${COLUMNS}, score, answers
  FROM ${store.table('rollup_answers')}
  WHERE ${rollupDays()} AND ${and(where)}
  UNION ALL
  SELECT toDate(ts) AS day, ${COLUMNS}, assumeNotNull(score) AS score, toUInt64(1) AS answers
  FROM ${store.table('events')}
  WHERE type = 'survey_response' AND score IS NOT NULL AND excluded = '' AND ${rawEdges()} AND ${and(where)}
)
GROUP BY service, grp, bucket, metric, question, score
ORDER BY service, grp, bucket, metric, question, score`
  const rows = await run<Record<string, unknown>>(store, NAME, sql, params)
  return rows.map((r) => ({
    service: String(r.service),
    group: String(r.grp),
    bucket: String(r.bucket),
    metric: String(r.metric),
    question: String(r.question),
    score: toNumber(r.score),
    answers: toNumber(r.answers),
  }))
}
