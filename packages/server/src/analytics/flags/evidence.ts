/**
 * The evidence the flag rules judge, per service: answers in the window and
 * in the baseline, journeys, funnel steps, durations, and the same per group
 * of each equal-access dimension. About fifteen rollup queries, whatever the
 * number of events.
 */
import { DEFAULT_TARGETS } from '../../registry/targets.js'
import type { Store } from '../../storage/store.js'
import { emptySurvey, surveyTotals } from '../figures.js'
import type { Scope } from '../filters.js'
import { funnelSteps } from '../queries/funnel-steps.js'
import { journeyDurationsOf } from '../queries/journey-durations.js'
import { journeyCounts, type JourneyCountRow } from '../queries/journey-summary.js'
import { registryServices, type RegisteredService } from '../queries/registry-services.js'
import { surveyCounts } from '../queries/survey-counts.js'
import { buildFunnels } from '../reports/funnel.js'
import { selects } from '../reports/services.js'
import type { Source, TimeWindow } from '../window.js'
import type { JourneyCounts, ServiceEvidence } from './evaluate.js'
import { GAP_DIMENSIONS } from './rules.js'

const SURVEY_METRICS = ['csat', 'nps', 'ces']

export interface Evidence {
  services: ServiceEvidence[]
  registry: Map<string, RegisteredService>
}

export async function gatherEvidence(store: Store, scope: Scope, baseline: TimeWindow, source?: Source): Promise<Evidence> {
  const baseScope: Scope = { ...scope, window: baseline }
  // The journeys are the costly part: one pass for the counts of every grouping, one for both windows' durations, one for the funnels.
  const [registry, now, before, summaries, steps, [durationsNow, durationsBefore], ...answersBy] = await Promise.all([
    registryServices(store),
    surveyCounts(store, scope, { metrics: SURVEY_METRICS, source }),
    surveyCounts(store, baseScope, { metrics: SURVEY_METRICS, source }),
    journeyCounts(store, scope, GAP_DIMENSIONS, { source }),
    funnelSteps(store, scope, { source }),
    journeyDurationsOf(store, scope, [scope.window, baseline] as const, source),
    ...GAP_DIMENSIONS.map((dimension) => surveyCounts(store, scope, { group: dimension, metrics: ['csat'], source })),
  ])
  const journeys = summaries.all
  const perDimension = GAP_DIMENSIONS.map((dimension, i) => ({ dimension, answers: answersBy[i] ?? [], journeys: summaries.by.get(dimension) ?? [] }))
  const surveyNow = surveyTotals(now, (r) => r.service)
  const surveyBefore = surveyTotals(before, (r) => r.service)
  const journeyBy = new Map(journeys.map((j) => [j.service, j]))
  const funnels = new Map(buildFunnels(journeys, steps).map((f) => [f.service, f]))

  const ids = new Set<string>([...surveyNow.keys(), ...surveyBefore.keys(), ...journeyBy.keys(), ...durationsBefore.keys()])
  for (const s of registry.values()) if (selects(scope, s)) ids.add(s.id)
  ids.delete('')

  const groups = new Map<string, ServiceEvidence['groups']>()
  for (const { dimension, answers, journeys: js } of perDimension) {
    const totals = surveyTotals(answers, (r) => JSON.stringify([r.service, r.group]))
    const keys = new Set([...totals.keys(), ...js.map((j) => JSON.stringify([j.service, j.group]))])
    const jBy = new Map(js.map((j) => [JSON.stringify([j.service, j.group]), j]))
    for (const key of keys) {
      const [service, group] = JSON.parse(key) as [string, string]
      const list = groups.get(service) ?? []
      list.push({ dimension, group, survey: totals.get(key) ?? emptySurvey(), journeys: counts(jBy.get(key)) })
      groups.set(service, list)
    }
  }

  const services = [...ids].sort().map(
    (id): ServiceEvidence => ({
      service: id,
      targets: registry.get(id)?.targets ?? { ...DEFAULT_TARGETS },
      window: surveyNow.get(id) ?? emptySurvey(),
      baseline: surveyBefore.get(id) ?? emptySurvey(),
      journeys: counts(journeyBy.get(id)),
      steps: (funnels.get(id)?.steps ?? []).map((s) => ({ step: s.step, reached: s.reached, left: s.left })),
      durations: { window: durationsNow.get(id) ?? [], baseline: durationsBefore.get(id) ?? [] },
      groups: groups.get(id) ?? [],
    }),
  )
  return { services, registry }
}

const counts = (r: JourneyCountRow | undefined): JourneyCounts => ({ started: r?.started ?? 0, completed: r?.completed ?? 0, errored: r?.errored ?? 0 })
