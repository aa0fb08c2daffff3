/** Liveness, readiness and Prometheus metrics for operators. */
import type { FastifyPluginAsync } from 'fastify'
import { sameHash, hashSecret } from '../auth/secrets.js'
import { errors } from '../errors.js'

export const opsRoutes: FastifyPluginAsync = async (app) => {
  const { store, committer, metrics, config } = app.otklik
  const metricsHash = config.metricsToken ? hashSecret(config.metricsToken) : undefined
  const access = 'public' as const

  app.get('/healthz', { config: { access }, schema: { hide: true } }, async () => ({ status: 'ok' }))

  // Ready while accepted events can be made durable somewhere: in ClickHouse,
  // or in the spool while ClickHouse is away; not ready when the last block
  // reached neither, until one does again.
  app.get('/readyz', { config: { access }, schema: { hide: true } }, async (_req, reply) => {
    const [storage, spoolWritable] = await Promise.all([store.ping(), committer.spoolWritable()])
    const durable = committer.lastBlockDurable && (storage || spoolWritable)
    const age = committer.oldestSpooledAgeMs(Date.now())
    const body = {
      status: durable ? 'ready' : 'events cannot be stored',
      storage: storage ? 'ok' : 'unreachable',
      spool: { blocks: committer.spoolDepth, writable: spoolWritable, oldest_block_age_s: age === undefined ? null : Math.round(age / 1000) },
    }
    return reply.code(durable ? 200 : 503).send(body)
  })

  app.get('/metrics', { config: { access }, schema: { hide: true } }, async (request, reply) => {
    if (metricsHash) {
      const token = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1]
      if (!token || !sameHash(token, metricsHash)) throw errors.unauthorized()
    }
    metrics.spoolBlocks.set(committer.spoolDepth)
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  })
}
