/**
 * `GET /v1/open/actions.json` and `.csv` (public, no token): "you said, we
 * did", one row per resolved or verified flag (see actions.ts).
 */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { OpenActionsResponse, OpenDataQuery } from '@otklik/contract/schemas'
import { flatten } from '../analytics/csv-columns.js'
import { toCsv } from '../http/csv.js'
import { publishedActions } from './actions.js'

// The same k as the rest of open data, and nothing else.
const QuerySchema = OpenDataQuery.pick({ k: true }).strict()

const COLUMNS = [
  'id', 'service', 'name_ru', 'name_en', 'agency', 'status', 'rule', 'said.rule_ru', 'said.rule_en', 'said.terms', 'done', 'resolved_at', 'verified_at', 'metric',
  'before.value', 'before.interval', 'before.n', 'before.window.from', 'before.window.to', 'before.suppressed',
  'after.value', 'after.interval', 'after.n', 'after.window.from', 'after.window.to', 'after.suppressed',
]

const methodOf = (k: number) => ({
  k,
  rules: [
    'One row per flag that a person marked resolved (with a public note) or that the data then verified (the rule quiet for two full 28-day windows after the fix).',
    'What people said: the rule in plain words and the most frequent terms of the low-score comments behind the flag; no comment is ever published, and a term only when at least k comments use it.',
    `A figure is published only when it stands for at least k (${k}) people and each group of people it reveals (satisfied or not; promoters, passives, detractors; completed or not) holds 0 or at least k people; otherwise its value is withheld (below_k, small_group), and its count too when below k.`,
    'before: the figure at the last evaluation before the fix; after: the latest figure over a window that starts after the fix (none until a full window has passed).',
  ],
})

export const actionsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { store, config, now: clock } = app.otklik
  const rateLimit = config.rateLimit > 0 ? { max: config.rateLimit, timeWindow: 60_000 } : false
  const routeConfig = { access: 'public' as const, rateLimit }
  const tags = ['open data']
  const build = async (k: number) => ({ generated_at: new Date(clock()).toISOString(), method: methodOf(k), actions: await publishedActions(store, k) })

  app.get(
    '/actions.json',
    {
      config: routeConfig,
      schema: { tags, summary: 'Open data: you said, we did (JSON)', description: 'Public, no token. Every resolved or verified flag: what people said, what was done, when, and the figure before and after.', querystring: QuerySchema, response: { 200: OpenActionsResponse } },
    },
    async (request, reply) => {
      reply.header('access-control-allow-origin', '*')
      return build(request.query.k)
    },
  )

  app.get(
    '/actions.csv',
    { config: { ...routeConfig, csv: 'only' as const }, schema: { tags, summary: 'Open data: you said, we did (CSV)', description: 'The rows of actions.json; intervals and terms as JSON text.', querystring: QuerySchema } },
    async (request, reply) => {
      const { actions } = await build(request.query.k)
      return reply
        .header('access-control-allow-origin', '*')
        .header('content-disposition', 'attachment; filename="otklik-actions.csv"')
        .type('text/csv; charset=utf-8')
        .send(toCsv(actions.map((a) => flatten({ ...a })), COLUMNS))
    },
  )
}
