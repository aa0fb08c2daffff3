/** POST /v1/admin/demo-seed: `otklik demo seed` while a server holds DATA_DIR. */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { seedDemo } from './seed.js'

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
        response: { 200: SeedResultSchema },
      },
    },
    async () => seedDemo(app.otklik.store),
  )
}
