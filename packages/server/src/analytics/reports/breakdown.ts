/**
 * `GET /v1/metrics/breakdown?by=`: the figures per service and group of a
 * dimension (answers by their own dimensions, journeys by their start's).
 */
import type { z } from 'zod'
import type { Store } from '../../storage/store.js'
import { journeyFigures, surveyFigures, surveyTotals } from '../figures.js'
import type { Scope } from '../filters.js'
import { journeySummary } from '../queries/journey-summary.js'
import { surveyCounts } from '../queries/survey-counts.js'
import type { BreakdownResponse } from '@otklik/contract/schemas'
import type { Dimension } from '../sql.js'
import { byPair, windowBody, type ReportOptions } from './options.js'

export type BreakdownBody = z.infer<typeof BreakdownResponse>

export async function breakdownReport(store: Store, scope: Scope, by: Dimension, opts: ReportOptions = {}): Promise<BreakdownBody> {
  const [answers, journeys] = await Promise.all([
    surveyCounts(store, scope, { group: by, source: opts.source, metrics: ['csat', 'nps', 'ces'] }),
    journeySummary(store, scope, { group: by, source: opts.source }),
  ])
  const key = (service: string, group: string) => JSON.stringify([service, group])
  const survey = surveyTotals(answers, (r) => key(r.service, r.group))
  const journeyBy = new Map(journeys.map((j) => [key(j.service, j.group), j]))
  const keys = [...new Set([...survey.keys(), ...journeyBy.keys()])].map((k) => JSON.parse(k) as [string, string]).sort(byPair)
  return {
    window: windowBody(scope.window),
    by,
    groups: keys.map(([service, group]) => ({
      service,
      group,
      ...surveyFigures(survey.get(key(service, group))),
      journeys: journeyFigures(journeyBy.get(key(service, group))),
    })),
  }
}
