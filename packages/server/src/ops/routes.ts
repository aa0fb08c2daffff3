/** Liveness, readiness and Prometheus metrics for operators. */
import { HealthSchema, ReadinessSchema } from '@otklik/contract/schemas'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'

export const opsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { store, committer, metrics } = app.otklik
  const access = 'public' as const

  const tags = ['operations']
  app.get('/healthz', { config: { access }, schema: { tags, summary: 'Liveness: the process answers', response: { 200: HealthSchema } } }, async () => ({ status: 'ok' as const }))

  app.get(
    '/readyz',
    {
      config: { access },
      schema: { tags, summary: 'Readiness: storage reachable (503 when not), and the spool depth', response: { 200: ReadinessSchema, 503: ReadinessSchema } },
    },
    async (_req, reply) => {
      const storage = await store.ping()
      const body = storage
        ? { status: 'ready' as const, storage: 'ok' as const, spool: { blocks: committer.spoolDepth } }
        : { status: 'storage unreachable' as const, storage: 'unreachable' as const, spool: { blocks: committer.spoolDepth } }
      return reply.code(storage ? 200 : 503).send(body)
    },
  )

  app.get('/metrics', { config: { access }, schema: { hide: true } }, async (_req, reply) => {
    metrics.spoolBlocks.set(committer.spoolDepth)
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  })
}
