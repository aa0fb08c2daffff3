/** POST /v1/admin/demo-seed: `otklik demo seed` while a server holds DATA_DIR. */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { parseInstant } from '@otklik/contract/rules'
import { DemoSeedBody, DemoSeedResultSchema } from '@otklik/contract/schemas'
import { errors } from '../errors.js'
import { seedDemo } from './seed.js'

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
        body: DemoSeedBody,
        response: { 200: DemoSeedResultSchema },
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
