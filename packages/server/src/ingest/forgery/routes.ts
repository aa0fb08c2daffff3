/**
 * Excluded answers in the API: counts by reason for anyone who reads the
 * figures (`GET /v1/metrics/excluded`), the list and reinstatement for an
 * admin (`/v1/admin/excluded`).
 */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { ExcludedCountsResponse, ExcludedListQuery, ExcludedListResponse, FilterQuery, ReinstateBody, ReinstateResponse } from '@otklik/contract/schemas'
import { resolveScope } from '../../analytics/filters.js'
import { windowBody } from '../../analytics/reports/options.js'
import { excludedCounts, listExcluded, reinstate } from './excluded.js'
import { RULES } from './rules.js'

const RULES_DOC = `An answer from public web ingestion is left out when it has no survey_shown of the same session, service and metric before it (not_shown), comes less than ${RULES.minAnswerMs} ms after it (too_fast), comes with a bot User-Agent or none (bot), is past ${RULES.maxAnswersPerSession} answers of one session about one service in a day (session_cap), or comes from an IP or session answering far above the site's normal rate (burst). App sites and imports are never judged.`

export const excludedMetricsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { store } = app.otklik
  app.get(
    '/metrics/excluded',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['metrics'],
        summary: 'Answers left out of the figures, by reason, per service',
        description: `${RULES_DOC} Reinstated answers are counted again and no longer appear here. Filters as for the other metrics.`,
        querystring: FilterQuery,
        response: { 200: ExcludedCountsResponse },
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const scope = await resolveScope(store, request.query, app.otklik.now())
      const services = await excludedCounts(store, scope)
      return { window: windowBody(scope.window), total: services.reduce((n, s) => n + s.total, 0), services }
    },
  )
}

export const excludedAdminRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { store } = app.otklik
  app.get(
    '/excluded',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'List excluded answers',
        description: `${RULES_DOC} Newest first; comments are not shown here.`,
        querystring: ExcludedListQuery,
        response: { 200: ExcludedListResponse },
        security: [{ bearer: [] }],
      },
    },
    async (request) => {
      const scope = await resolveScope(store, request.query, app.otklik.now())
      return { window: windowBody(scope.window), answers: await listExcluded(store, scope, request.query) }
    },
  )
  app.post(
    '/excluded/reinstate',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Count excluded answers again',
        description: 'Each answer is counted from then on in every figure, rollup and open data set; its excluded record is kept. Repeating it changes nothing.',
        body: ReinstateBody,
        response: { 200: ReinstateResponse },
        security: [{ bearer: [] }],
      },
    },
    async (request) => reinstate(store, request.body.ids),
  )
}
