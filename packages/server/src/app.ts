/**
 * Builds the Fastify app from a validated config and a store, and registers
 * every route group. `server.ts` only listens and shuts down.
 */
import { join } from 'node:path'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { commentsRoutes } from './analytics/comments-routes.js'
import { flagsRoutes } from './analytics/flags-routes.js'
import { metricsRoutes } from './analytics/metrics-routes.js'
import { authPlugin } from './auth/plugin.js'
import { meRoutes } from './auth/me-routes.js'
import { markPublic } from './auth/public-prefix.js'
import { collectRoutes } from './auth/route-list.js'
import { backfillRoutes } from './backfill/backfill-routes.js'
import type { Config } from './config.js'
import type { AppContext } from './context.js'
import { dashboardRoutes } from './dashboard/routes.js'
import { demoRoutes } from './demo/demo-routes.js'
import { errorHandler, notFoundHandler } from './error-handler.js'
import { Committer } from './ingest/committer.js'
import { ingestRoutes } from './ingest/routes.js'
import { openDataRoutes } from './open-data/routes.js'
import { Spool } from './ingest/spool.js'
import { createMetrics } from './ops/metrics.js'
import { opsRoutes } from './ops/routes.js'
import { catalogRoutes } from './registry/catalog-routes.js'
import { registryRoutes } from './registry/routes.js'
import { sdkAssetsRoutes } from './sdk-assets/routes.js'
import { SiteCache } from './registry/sites.js'
import { TokenVerifier } from './registry/tokens.js'
import { eventsSink } from './storage/events-store.js'
import type { Store } from './storage/store.js'

export const VERSION = '1.0.0'

export interface AppOptions {
  config: Readonly<Config>
  store: Store
  logger?: FastifyServerOptions['logger']
}

export async function buildApp({ config, store, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel, serializers: { req: safeRequest }, redact: ['req.headers'] },
    // Behind a reverse proxy the client IP (for rate limits only) comes from X-Forwarded-For.
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler(notFoundHandler)
  markPublic(app, '/docs')
  // The dashboard's assets are served by @fastify/static, which cannot declare access itself.
  markPublic(app, '/dashboard')
  collectRoutes(app)

  const metrics = createMetrics()
  const committer = new Committer({
    sink: eventsSink(store),
    spool: new Spool(join(config.dataDir, 'spool')),
    metrics,
    log: app.log.child({ module: 'committer' }),
    intervalMs: config.flush.intervalMs,
    maxEvents: config.flush.maxEvents,
  })
  const context: AppContext = {
    config,
    store,
    metrics,
    committer,
    sites: new SiteCache(store),
    tokens: new TokenVerifier(store, config.adminToken),
  }
  app.decorate('otklik', context)
  // On shutdown, release waiting requests at once rather than at the next tick
  // of the flush timer, and close their keep-alive connections after the
  // answer, so that the server is not kept open by idle clients.
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
    void committer.flush()
  })
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close')
  })
  app.addHook('onClose', async () => committer.close())
  // Whatever the spool holds from an earlier run goes in first.
  void committer.replay()

  await app.register(swagger, {
    openapi: {
      info: { title: 'Otklik API', version: VERSION, description: 'Feedback and analytics for public services.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: false } })
  await app.register(rateLimit, { global: false })
  await app.register(authPlugin)

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger())
  await app.register(opsRoutes)
  await app.register(ingestRoutes, { prefix: '/v1/events' })
  await app.register(registryRoutes, { prefix: '/v1' })
  await app.register(sdkAssetsRoutes)
  await app.register(metricsRoutes, { prefix: '/v1' })
  await app.register(flagsRoutes, { prefix: '/v1' })
  await app.register(commentsRoutes, { prefix: '/v1' })
  await app.register(catalogRoutes, { prefix: '/v1' })
  await app.register(backfillRoutes, { prefix: '/v1/admin' })
  await app.register(openDataRoutes, { prefix: '/v1/open' })
  await app.register(meRoutes, { prefix: '/v1' })
  await app.register(dashboardRoutes)
  await app.register(demoRoutes, { prefix: '/v1/admin' })
  return app
}

function safeRequest(req: { method: string; url: string; id?: string }) {
  // Query strings may carry tokens or personal data: log the path only.
  return { method: req.method, url: req.url.split('?')[0], id: req.id }
}
