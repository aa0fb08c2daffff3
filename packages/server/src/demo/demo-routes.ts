/** POST /v1/admin/demo-seed: `otklik demo seed` while a server holds DATA_DIR. */
import { DemoSeedResultSchema } from '@otklik/contract/schemas'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
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
        response: { 200: DemoSeedResultSchema },
      },
    },
    async () => seedDemo(app.otklik.store),
  )
}
