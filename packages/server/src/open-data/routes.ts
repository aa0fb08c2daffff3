/**
 * Open data (DESIGN §6, public, no token): monthly figures per registered
 * service with small cells suppressed (see publication.ts), as JSON and
 * CSV. The public page `/open/` that shows them with the method is built by
 * @otklik/dashboard and served by src/dashboard/routes.ts.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { MONTH, OpenDataQuery, OpenDataResponse } from '@otklik/contract/schemas'
import type { z } from 'zod'
import { errors } from '../errors.js'
import { publishedCsv } from './csv.js'
import { methodOf, publish } from './publication.js'
import { monthlyFigures } from './query.js'


const startOfMonth = (m: string) => {
  const [, y, mo] = MONTH.exec(m) ?? []
  return Date.UTC(Number(y), Number(mo) - 1, 1)
}
const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7)

export const openDataRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { store, config, now: clock } = app.otklik
  const rateLimit = config.rateLimit > 0 ? { max: config.rateLimit, timeWindow: 60_000 } : false
  const routeConfig = { access: 'public' as const, rateLimit }

  const build = async (query: z.output<typeof OpenDataQuery>) => {
    const now = clock()
    const from = query.from ? startOfMonth(query.from) : 0
    const toMonth = query.to ?? monthOf(now)
    const toDate = new Date(startOfMonth(toMonth))
    const to = Date.UTC(toDate.getUTCFullYear(), toDate.getUTCMonth() + 1, 1)
    if (from >= to) throw errors.badRequest('from: must not be after to')
    const figures = await monthlyFigures(store, { from, to })
    const rows = publish(query.service ? figures.filter((f) => f.service === query.service) : figures, query.k, monthOf(now))
    return { generated_at: new Date(now).toISOString(), method: methodOf(query.k), rows }
  }

  const schema = (summary: string, description: string) => ({ tags: ['open data'], summary, description, querystring: OpenDataQuery })
  const DESCRIPTION =
    'Public, no token. Monthly CSAT, NPS, CES, completion rate and volumes per registered service. Counts below k (default 10, never less) are suppressed, with complementary suppression so that no suppressed cell can be worked out from the published ones; `method` says how.'

  app.get(
    '/services.json',
    { config: routeConfig, schema: { ...schema('Open data: monthly figures per service (JSON)', DESCRIPTION), response: { 200: OpenDataResponse } } },
    async (request, reply) => {
      reply.header('access-control-allow-origin', '*')
      return build(request.query)
    },
  )

  app.get(
    '/services.csv',
    {
      config: { ...routeConfig, csv: 'only' },
      schema: schema('Open data: monthly figures per service (CSV)', `${DESCRIPTION} Same rows as the JSON; the method is in the JSON and on /open/.`),
    },
    async (request, reply) => {
      const { rows } = await build(request.query)
      return reply
        .header('access-control-allow-origin', '*')
        .header('content-disposition', 'attachment; filename="otklik-open-data.csv"')
        .type('text/csv; charset=utf-8')
        .send(publishedCsv(rows))
    },
  )
}
