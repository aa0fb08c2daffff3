/** POST /v1/admin/demo-seed: `otklik demo seed` while a server holds DATA_DIR. */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { parseInstant } from '../analytics/window.js'
import { errors } from '../errors.js'
import { seedDemo } from './seed.js'

const SeedBody = z
  .object({ end: z.string().max(64).optional().describe('where the 90 days end, exclusive (a date, an ISO 8601 time or epoch ms); default now') })
  .optional()

const SeedResultSchema = z.object({
  seeded: z.boolean().describe('false when demo events were there already: nothing was added'),
  agencies: z.number(),
  life_situations: z.number(),
  services: z.number(),
  events: z.number(),
})

export const demoRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  app.post(
    '/demo-seed',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Load the demo portfolio and 90 days of events (once)',
        description: 'Agencies, life situations, services and events with planted problems; does nothing when demo events exist already.',
        body: SeedBody,
        response: { 200: SeedResultSchema },
      },
    },
    async (request) => {
      const endText = request.body?.end
      const end = endText === undefined ? app.otklik.now() : parseInstant(endText)
      if (end === undefined) throw errors.badRequest('end: must be a date (YYYY-MM-DD), an ISO 8601 time or epoch milliseconds')
      return seedDemo(app.otklik.store, { now: end })
    },
  )
}
