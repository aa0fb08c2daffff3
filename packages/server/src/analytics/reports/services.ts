/**
 * `GET /v1/metrics/services`: CSAT, NPS, CES and journeys per service. Lists
 * every service with events in the window (registered or not) and every
 * registered service the filters select, even without data.
 */
import type { z } from 'zod'
import type { Store } from '../../storage/store.js'
import { journeyFigures, surveyFigures, surveyTotals } from '../figures.js'
import type { Scope } from '../filters.js'
import { eventCounts } from '../queries/event-counts.js'
import { journeySummary } from '../queries/journey-summary.js'
import { registryServices, serviceName, type RegisteredService } from '../queries/registry-services.js'
import { surveyCounts } from '../queries/survey-counts.js'
import type { ServicesResponse } from '@otklik/contract/schemas'
import { windowBody, type ReportOptions } from './options.js'

export type ServicesBody = z.infer<typeof ServicesResponse>

export async function servicesReport(store: Store, scope: Scope, opts: ReportOptions = {}): Promise<ServicesBody> {
  const [answers, journeys, events, registry] = await Promise.all([
    surveyCounts(store, scope, { source: opts.source, metrics: ['csat', 'nps', 'ces'] }),
    journeySummary(store, scope, { source: opts.source }),
    eventCounts(store, scope, { source: opts.source }),
    registryServices(store),
  ])
  const survey = surveyTotals(answers, (r) => r.service)
  const journeyBy = new Map(journeys.map((j) => [j.service, j]))
  const ids = new Set<string>([...survey.keys(), ...journeyBy.keys()])
  for (const e of events) if (e.service !== '') ids.add(e.service)
  for (const s of registry.values()) if (selects(scope, s)) ids.add(s.id)
  return {
    window: windowBody(scope.window),
    services: [...ids].sort().map((id) => ({
      service: id,
      ...label(registry.get(id), opts),
      ...surveyFigures(survey.get(id)),
      journeys: journeyFigures(journeyBy.get(id)),
    })),
  }
}

/** `registered`, and the name (in the asked language, else the other) and agency of a registered service. */
function label(s: RegisteredService | undefined, opts: ReportOptions) {
  if (!s) return { registered: false }
  return { registered: true, name: serviceName(s, opts.lang), agency: s.agency }
}

/** Whether a registered service is within the service and life-situation filters. */
export function selects(scope: Scope, s: RegisteredService): boolean {
  const { service, life_situation } = scope.values
  if (service && !service.includes(s.id)) return false
  if (life_situation && !s.life_situations.some((l) => life_situation.includes(l))) return false
  return true
}
