/** `GET /v1/metrics/timeseries`: the services' figures per day, week or month. */
import type { z } from 'zod'
import type { Store } from '../../storage/store.js'
import { journeyFigures, surveyFigures, surveyTotals } from '../figures.js'
import type { Scope } from '../filters.js'
import { journeySummary } from '../queries/journey-summary.js'
import { surveyCounts } from '../queries/survey-counts.js'
import type { TimeseriesResponse } from '@otklik/contract/schemas'
import type { Bucket } from '../sql.js'
import { byPair, windowBody, type ReportOptions } from './options.js'

export type TimeseriesBody = z.infer<typeof TimeseriesResponse>

export async function timeseriesReport(store: Store, scope: Scope, bucket: Bucket, opts: ReportOptions = {}): Promise<TimeseriesBody> {
  const [answers, journeys] = await Promise.all([
    surveyCounts(store, scope, { bucket, source: opts.source, metrics: ['csat', 'nps', 'ces'] }),
    journeySummary(store, scope, { bucket, source: opts.source }),
  ])
  const key = (service: string, start: string) => JSON.stringify([service, start])
  const survey = surveyTotals(answers, (r) => key(r.service, r.bucket))
  const journeyBy = new Map(journeys.map((j) => [key(j.service, j.bucket), j]))
  const keys = [...new Set([...survey.keys(), ...journeyBy.keys()])].map((k) => JSON.parse(k) as [string, string])
  keys.sort(byPair)
  return {
    window: windowBody(scope.window),
    bucket,
    points: keys.map(([service, start]) => ({
      service,
      start,
      ...surveyFigures(survey.get(key(service, start))),
      journeys: journeyFigures(journeyBy.get(key(service, start))),
    })),
  }
}
