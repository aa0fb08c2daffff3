/**
 * Open data (DESIGN §6, public, no token): monthly figures per registered
 * service with small cells suppressed (see publication.ts), as JSON and
 * CSV. The public page `/open/` that shows them with the method is built by
 * @otklik/dashboard and served by src/dashboard/routes.ts.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { identifier } from '../contract/events.js'
import { errors } from '../errors.js'
import { toCsv } from './csv.js'
import { MIN_K, methodOf, publish } from './publication.js'
import { monthlyFigures } from './query.js'

const MAX_K = 10_000
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const month = z.string().regex(MONTH, 'must be a month like 2025-01')

const QuerySchema = z
  .object({
    k: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(MIN_K, `must be at least ${MIN_K}: smaller cells are never published`)
      .max(MAX_K)
      .default(MIN_K),
    from: month.optional().describe('first month, e.g. 2025-01 (default: the first with data)'),
    to: month.optional().describe('last month, inclusive (default: the current one)'),
    service: identifier.optional(),
  })
  .strict()

const nullableNumber = z.number().nullable()
const RowSchema = z.object({
  service: z.string(),
  name_ru: z.string(),
  name_en: z.string(),
  agency: z.string().nullable(),
  month: z.string(),
  complete: z.boolean(),
  responses: nullableNumber,
  journeys: nullableNumber,
  csat: nullableNumber,
  csat_n: nullableNumber,
  nps: nullableNumber,
  nps_n: nullableNumber,
  ces: nullableNumber,
  ces_n: nullableNumber,
  completion_rate: nullableNumber,
  suppressed: z.record(z.string(), z.enum(['below_k', 'complementary', 'small_group'])),
})

const ResponseSchema = z.object({
  generated_at: z.string(),
  method: z.object({
    k: z.number(),
    min_k: z.number(),
    unit: z.string(),
    rules: z.array(z.string()),
    relations: z.array(z.string()),
    definitions: z.record(z.string(), z.string()),
  }),
  rows: z.array(RowSchema),
})

const startOfMonth = (m: string) => {
  const [, y, mo] = MONTH.exec(m) ?? []
  return Date.UTC(Number(y), Number(mo) - 1, 1)
}
const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7)

export const openDataRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { store, config } = app.otklik
  const rateLimit = config.rateLimit > 0 ? { max: config.rateLimit, timeWindow: 60_000 } : false
  const routeConfig = { access: 'public' as const, rateLimit }

  const build = async (query: z.infer<typeof QuerySchema>) => {
    const now = Date.now()
    const from = query.from ? startOfMonth(query.from) : 0
    const toMonth = query.to ?? monthOf(now)
    const toDate = new Date(startOfMonth(toMonth))
    const to = Date.UTC(toDate.getUTCFullYear(), toDate.getUTCMonth() + 1, 1)
    if (from >= to) throw errors.badRequest('from: must not be after to')
    const figures = await monthlyFigures(store, { from, to })
    const rows = publish(query.service ? figures.filter((f) => f.service === query.service) : figures, query.k, monthOf(now))
    return { generated_at: new Date(now).toISOString(), method: methodOf(query.k), rows }
  }

  const schema = (summary: string, description: string) => ({ tags: ['open data'], summary, description, querystring: QuerySchema })
  const DESCRIPTION =
    'Public, no token. Monthly CSAT, NPS, CES, completion rate and volumes per registered service. Counts below k (default 10, never less) are suppressed, with complementary suppression so that no suppressed cell can be worked out from the published ones; `method` says how.'

  app.get(
    '/services.json',
    { config: routeConfig, schema: { ...schema('Open data: monthly figures per service (JSON)', DESCRIPTION), response: { 200: ResponseSchema } } },
    async (request, reply) => {
      reply.header('access-control-allow-origin', '*')
      return build(request.query)
    },
  )

  app.get(
    '/services.csv',
    {
      config: routeConfig,
      schema: { ...schema('Open data: monthly figures per service (CSV)', `${DESCRIPTION} Same rows as the JSON; the method is in the JSON and on /open/.`), produces: ['text/csv'] },
    },
    async (request, reply) => {
      const { rows } = await build(request.query)
      return reply
        .header('access-control-allow-origin', '*')
        .header('content-disposition', 'attachment; filename="otklik-open-data.csv"')
        .type('text/csv; charset=utf-8')
        .send(toCsv(rows))
    },
  )
}
