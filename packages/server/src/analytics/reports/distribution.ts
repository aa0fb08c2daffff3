/**
 * `GET /v1/metrics/distribution`: answers per score, every score of the
 * metric's scale listed (zeros too), per service × metric × question.
 */
import type { z } from 'zod'
import { METRIC_RANGES } from '@otklik/contract/rules'
import type { Store } from '../../storage/store.js'
import type { Scope } from '../filters.js'
import { surveyCounts } from '../queries/survey-counts.js'
import type { DistributionResponse } from '@otklik/contract/schemas'
import { windowBody, type ReportOptions } from './options.js'

export type DistributionBody = z.infer<typeof DistributionResponse>
export type SurveyMetric = keyof typeof METRIC_RANGES

export async function distributionReport(
  store: Store,
  scope: Scope,
  metrics: readonly SurveyMetric[] | undefined,
  opts: ReportOptions = {},
): Promise<DistributionBody> {
  const rows = await surveyCounts(store, scope, { source: opts.source, metrics: metrics ?? Object.keys(METRIC_RANGES) })
  const groups = new Map<string, { service: string; metric: SurveyMetric; question: string; counts: Map<number, number> }>()
  for (const r of rows) {
    if (!(r.metric in METRIC_RANGES)) continue
    const metric = r.metric as SurveyMetric
    const [lo, hi] = METRIC_RANGES[metric]
    if (r.score < lo || r.score > hi) continue
    const key = JSON.stringify([r.service, r.metric, r.question])
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { service: r.service, metric, question: r.question, counts: new Map() }))
    g.counts.set(r.score, (g.counts.get(r.score) ?? 0) + r.answers)
  }
  const distributions: DistributionBody['distributions'] = []
  for (const g of groups.values()) {
    const total = [...g.counts.values()].reduce((a, b) => a + b, 0)
    const [lo, hi] = METRIC_RANGES[g.metric]
    for (let score = lo; score <= hi; score++) {
      const count = g.counts.get(score) ?? 0
      distributions.push({ service: g.service, metric: g.metric, question: g.question, score, count, share: count / total })
    }
  }
  return { window: windowBody(scope.window), distributions }
}
