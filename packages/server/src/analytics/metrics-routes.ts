/**
 * `GET /v1/metrics/...`: the analyst's figures (viewer scope for JSON,
 * analyst for CSV exports). Every route takes the filters of filters.ts.
 */
import {
  BreakdownQuery,
  BreakdownResponse,
  DistributionQuery,
  DistributionResponse,
  DurationsResponse,
  FunnelResponse,
  FunnelStepSchema,
  ReportQuery,
  ServicesResponse,
  TimeseriesQuery,
  TimeseriesResponse,
  VolumesResponse,
} from '@otklik/contract/schemas'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { CsvRecord } from '../http/csv.js'
import { flatColumns, flatten } from './csv-columns.js'
import { resolveScope, type FilterQueryInput } from './filters.js'
import { pickLanguage, type Language } from './language.js'
import { exportRoute } from './export-route.js'
import { breakdownReport } from './reports/breakdown.js'
import { distributionReport } from './reports/distribution.js'
import { durationsReport } from './reports/durations.js'
import { funnelReport } from './reports/funnel.js'
import { servicesReport } from './reports/services.js'
import { timeseriesReport } from './reports/timeseries.js'
import { volumesReport } from './reports/volumes.js'
import { createResultCache, wantsFresh } from './result-cache.js'

const FILTERS_DOC =
  'Filters: from/to (ISO 8601 or epoch ms, to exclusive; default the last 28 days), service, life_situation, agency, site, channel, segment, locale, device, browser (comma-separated or repeated values). Answers are filtered by their own dimensions, journeys by their first journey_start.'

const rows = <T extends object>(list: readonly T[]): CsvRecord[] => list.map((r) => flatten(r as Record<string, unknown>))

export const metricsRoutes: FastifyPluginAsync = async (app) => {
  const { store } = app.otklik
  const cache = createResultCache(store, app.otklik.now)
  const base = { access: 'viewer' as const, tags: ['metrics'] }
  const scopeOf = (q: FilterQueryInput) => resolveScope(store, q, app.otklik.now())
  const opts = (q: { lang?: Language | undefined }, request: FastifyRequest) => ({
    lang: pickLanguage(request.headers['accept-language'], q.lang),
  })

  exportRoute(app, '/metrics/services', {
    ...base,
    name: 'services',
    summary: 'CSAT, NPS, CES and journeys per service',
    description: `Every service with events in the window (registered or not) and every registered service the filters select. ${FILTERS_DOC}`,
    querystring: ReportQuery,
    response: ServicesResponse,
    csv: (b) => rows(b.services),
    handler: async (q, request) => {
      const [scope, o] = [await scopeOf(q), opts(q, request)]
      return cache.get('services', [scope, o], () => servicesReport(store, scope, o), wantsFresh(request))
    },
  })

  exportRoute(app, '/metrics/timeseries', {
    ...base,
    name: 'timeseries',
    summary: 'Figures per service over time',
    description: `Buckets of UTC days, ISO weeks (Monday) or months; answers by their day, journeys by their start day. ${FILTERS_DOC}`,
    querystring: TimeseriesQuery,
    response: TimeseriesResponse,
    csv: (b) => rows(b.points),
    handler: async (q, request) => {
      const [scope, o] = [await scopeOf(q), opts(q, request)]
      return cache.get('timeseries', [scope, q.bucket, o], () => timeseriesReport(store, scope, q.bucket, o), wantsFresh(request))
    },
  })

  exportRoute(app, '/metrics/breakdown', {
    ...base,
    name: 'breakdown',
    summary: 'Figures per service and group of a dimension',
    description: `by = segment, channel, device, browser, locale, life_situation or site. ${FILTERS_DOC}`,
    querystring: BreakdownQuery,
    response: BreakdownResponse,
    csv: (b) => rows(b.groups),
    handler: async (q, request) => {
      const [scope, o] = [await scopeOf(q), opts(q, request)]
      return cache.get('breakdown', [scope, q.by, o], () => breakdownReport(store, scope, q.by, o), wantsFresh(request))
    },
  })

  exportRoute(app, '/metrics/distribution', {
    ...base,
    name: 'distribution',
    summary: 'Answers per score',
    description: `Every score of the scale (csat 1–5, nps 0–10, ces 1–7, rating 1–5 per question) with its count and share. ${FILTERS_DOC}`,
    querystring: DistributionQuery,
    response: DistributionResponse,
    csv: (b) => rows(b.distributions),
    handler: async (q, request) => {
      const [scope, o] = [await scopeOf(q), opts(q, request)]
      return cache.get('distribution', [scope, q.metric, o], () => distributionReport(store, scope, q.metric, o), wantsFresh(request))
    },
  })

  exportRoute(app, '/metrics/funnel', {
    ...base,
    name: 'funnel',
    summary: 'Journey funnels: steps in order with drop-off',
    description:
      'Per service, the journeys started in the window. Steps are ordered by their median position (each journey ranks the steps it reached by first arrival), then by reach. A journey that did not complete leaves at the step it reached last; drop_off_rate = left / reached. ' +
      FILTERS_DOC,
    querystring: ReportQuery,
    response: FunnelResponse,
    csv: (b) =>
      b.funnels.flatMap(({ steps, ...f }) =>
        steps.length === 0 ? [flatten(f)] : steps.map((s) => flatten({ ...f, ...s })),
      ),
    // One row per step: the funnel's fields, then the step's.
    csvColumns: [...new Set([...flatColumns(FunnelResponse.shape.funnels.element.omit({ steps: true })), ...flatColumns(FunnelStepSchema)])],
    handler: async (q, request) => {
      const [scope, o] = [await scopeOf(q), opts(q, request)]
      return cache.get('funnel', [scope, o], () => funnelReport(store, scope, o), wantsFresh(request))
    },
  })

  exportRoute(app, '/metrics/durations', {
    ...base,
    name: 'durations',
    summary: 'Time to complete per service',
    description: `First completion − first start of the journeys started in the window and completed; quantiles of type 7 (linear interpolation). ${FILTERS_DOC}`,
    querystring: ReportQuery,
    response: DurationsResponse,
    csv: (b) => rows(b.services),
    handler: async (q, request) => {
      const [scope, o] = [await scopeOf(q), opts(q, request)]
      return cache.get('durations', [scope, o], () => durationsReport(store, scope, o), wantsFresh(request))
    },
  })

  exportRoute(app, '/metrics/volumes', {
    ...base,
    name: 'volumes',
    summary: 'Events per service and type',
    description: FILTERS_DOC,
    querystring: ReportQuery,
    response: VolumesResponse,
    csv: (b) => rows(b.services),
    handler: async (q, request) => {
      const [scope, o] = [await scopeOf(q), opts(q, request)]
      return cache.get('volumes', [scope, o], () => volumesReport(store, scope, o), wantsFresh(request))
    },
  })
}
