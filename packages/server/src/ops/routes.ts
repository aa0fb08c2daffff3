/** Liveness, readiness and Prometheus metrics for operators. */
import { HealthSchema, ReadinessSchema } from '@otklik/contract/schemas'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { sameHash, hashSecret } from '../auth/secrets.js'
import { errors } from '../errors.js'

export const opsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { store, committer, metrics, config } = app.otklik
  const metricsHash = config.metricsToken ? hashSecret(config.metricsToken) : undefined
  const access = 'public' as const

  const tags = ['operations']
  app.get('/healthz', { config: { access }, schema: { tags, summary: 'Liveness: the process answers', response: { 200: HealthSchema } } }, async () => ({ status: 'ok' as const }))

  // Ready while accepted events can be made durable somewhere: in ClickHouse,
  // or in the spool while ClickHouse is away; not ready when the last block
  // reached neither, until one does again.
  app.get(
    '/readyz',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Readiness: events can be made durable (ClickHouse, or the spool while it is away; 503 when neither), with the spool depth and its oldest block\'s age',
        response: { 200: ReadinessSchema, 503: ReadinessSchema },
      },
    },
    async (_req, reply) => {
      const [storage, spoolWritable] = await Promise.all([store.ping(), committer.spoolWritable()])
      const durable = committer.lastBlockDurable && (storage || spoolWritable)
      const age = committer.oldestSpooledAgeMs(app.otklik.now())
      const body = {
        status: durable ? ('ready' as const) : ('events cannot be stored' as const),
        storage: storage ? ('ok' as const) : ('unreachable' as const),
        spool: { blocks: committer.spoolDepth, writable: spoolWritable, oldest_block_age_s: age === undefined ? null : Math.round(age / 1000) },
      }
      return reply.code(durable ? 200 : 503).send(body)
    },
  )

  app.get('/metrics', { config: { access }, schema: { hide: true } }, async (request, reply) => {
    if (metricsHash) {
      const token = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1]
      if (!token || !sameHash(token, metricsHash)) throw errors.unauthorized()
    }
    metrics.spoolBlocks.set(committer.spoolDepth)
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  })
}
