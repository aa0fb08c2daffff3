/** POST /v1/admin/erase: what `otklik erase` sends while a server holds DATA_DIR. */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { eraseData } from './erase.js'
import { EraseRequest, toTarget } from './erase-request.js'

export const eraseRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { store } = app.otklik
  app.post(
    '/erase',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Erase a site’s or a service’s events and the rollups derived from them',
        description: 'Raw events (before `before`, if given) are deleted from disk, with their rows in every rollup; journeys that go on after `before` are counted again from what stays. It cannot be undone.',
        body: EraseRequest,
        response: { 200: z.object({ events: z.number().int(), journeys: z.number().int() }) },
        security: [{ bearer: [] }],
      },
    },
    async (request) => eraseData(store, toTarget(request.body)),
  )
}
