/** Liveness, readiness and Prometheus metrics for operators. */
import type { FastifyPluginAsync } from 'fastify'

export const opsRoutes: FastifyPluginAsync = async (app) => {
  const { store, committer, metrics } = app.otklik
  const access = 'public' as const

  app.get('/healthz', { config: { access }, schema: { hide: true } }, async () => ({ status: 'ok' }))

  app.get('/readyz', { config: { access }, schema: { hide: true } }, async (_req, reply) => {
    const storage = await store.ping()
    const body = { status: storage ? 'ready' : 'storage unreachable', storage: storage ? 'ok' : 'unreachable', spool: { blocks: committer.spoolDepth } }
    return reply.code(storage ? 200 : 503).send(body)
  })

  app.get('/metrics', { config: { access }, schema: { hide: true } }, async (_req, reply) => {
    metrics.spoolBlocks.set(committer.spoolDepth)
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  })
}
