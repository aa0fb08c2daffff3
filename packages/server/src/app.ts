/**
 * Builds the Fastify app from a validated config and a store, and registers
 * every route group. `server.ts` only listens and shuts down.
 */
import { join } from 'node:path'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import pino from 'pino'
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
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
import { FlagLife, allOf } from './flag-life/life.js'
import { flagLifeRoutes } from './flag-life/routes.js'
import { withoutNulls } from './http/absent-nulls.js'
import { Committer } from './ingest/committer.js'
import { excludedAdminRoutes, excludedMetricsRoutes } from './ingest/forgery/routes.js'
import { ingestRoutes } from './ingest/routes.js'
import { landingRoutes } from './landing/routes.js'
import { FlagMail } from './mail/mailer.js'
import { actionsRoutes } from './open-data/actions-routes.js'
import { openDataRoutes } from './open-data/routes.js'
import { openApiOptions } from './openapi.js'
import { Spool } from './ingest/spool.js'
import { createRedis } from './ingest/shared/redis.js'
import { createMetrics } from './ops/metrics.js'
import { opsRoutes } from './ops/routes.js'
import { catalogRoutes } from './registry/catalog-routes.js'
import { registryRoutes } from './registry/routes.js'
import { eraseRoutes } from './privacy/routes.js'
import { sdkAssetsRoutes } from './sdk-assets/routes.js'
import { securityHeaders } from './security/headers.js'
import { SiteCache } from './registry/sites.js'
import { TokenVerifier } from './registry/tokens.js'
import { eventsSink } from './storage/events-store.js'
import type { Store } from './storage/store.js'
import { WebhookDispatcher } from './webhooks/dispatcher.js'
import { webhookRoutes } from './webhooks/routes.js'

export const VERSION = '1.0.0'

export interface AppOptions {
  config: Readonly<Config>
  store: Store
  logger?: FastifyServerOptions['logger']
  /** The clock for received times and "now" windows; Date.now by default. */
  now?: () => number
}

export async function buildApp({ config, store, logger, now = Date.now }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Written synchronously: the few lines logged at info (start-up, warnings)
    // then come out in the order they were made, before the start-up notice
    // that server.ts prints after listen (pino's default stdout is async).
    logger: logger ?? { level: config.logLevel, serializers: { req: safeRequest }, redact: ['req.headers'], stream: pino.destination({ dest: 1, sync: true }) },
    // Behind a reverse proxy the client IP (for rate limits only) comes from X-Forwarded-For.
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // One line per request only at LOG_LEVEL=debug (below): at info they
    // would bury the start-up notice and its one-time admin token.
    logController: new LogController({ disableRequestLogging: true }),
    // A body that trickles in is cut off with a 408 (Node checks open
    // requests every connectionsCheckingInterval, 30 s by default).
    requestTimeout: config.requestTimeoutMs,
    http: { connectionsCheckingInterval: Math.min(1000, config.requestTimeoutMs), headersTimeout: config.requestTimeoutMs },
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler(notFoundHandler)
  app.addHook('onResponse', async (request, reply) => {
    // The path only: query strings may carry tokens or personal data.
    request.log.debug(
      { method: request.method, url: request.url.split('?')[0], statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime) },
      'request completed',
    )
  })
  app.addHook('preValidation', async (request) => {
    if (typeof request.body === 'object' && request.body !== null) request.body = withoutNulls(request.body)
  })
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
  const webhooks = new WebhookDispatcher({ store, clock: now, log: app.log.child({ module: 'webhooks' }) })
  const mail = config.smtp ? new FlagMail({ store, clock: now, smtp: config.smtp, log: app.log.child({ module: 'mail' }) }) : undefined
  const flags = new FlagLife({ store, clock: now, notifier: allOf(webhooks, mail), log: app.log.child({ module: 'flags' }) })
  const redis = config.redisUrl ? createRedis(config.redisUrl) : undefined
  // Logged, not thrown: ingestion goes on without Redis (see ingest/shared/).
  redis?.on('error', (err: Error) => app.log.warn({ err: err.message }, 'Redis unavailable'))
  const context: AppContext = {
    config,
    store,
    metrics,
    committer,
    sites: new SiteCache(store),
    tokens: new TokenVerifier(store, config.adminToken),
    now,
    flags,
    webhooks,
    mail,
    redis,
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
  app.addHook('onClose', async () => {
    await webhooks.stop()
    mail?.close()
    await committer.close()
    await redis?.quit().catch(() => redis.disconnect())
  })
  // Under load, ingestion releases events once they are in the spool and
  // inserts them a moment later (ingest/committer.ts): the API's reads wait
  // for what was released before them, so a client reads its own writes.
  app.addHook('preHandler', async (request) => {
    if (request.url.startsWith('/v1/') && !request.url.startsWith('/v1/events')) await committer.caughtUp()
  })
  // Whatever the spool holds from an earlier run goes in first.
  void committer.replay()

  await app.register(swagger, openApiOptions(VERSION))
  await app.register(securityHeaders, { hsts: config.hsts })
  // The docs pages get a CSP of their own; it asks for https only behind TLS.
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: false },
    staticCSP: true,
    transformStaticCSP: (csp) => (config.hsts ? csp : csp.replace(/\s*upgrade-insecure-requests;?/, '')),
  })
  // With REDIS_URL every instance counts towards one per-IP limit; a Redis
  // that does not answer lets requests through rather than refuse them.
  await app.register(rateLimit, { global: false, ...(redis ? { redis, nameSpace: 'otklik:rate:', skipOnError: true } : {}) })
  await app.register(authPlugin)

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger())
  await app.register(opsRoutes)
  await app.register(ingestRoutes, { prefix: '/v1/events' })
  await app.register(registryRoutes, { prefix: '/v1' })
  await app.register(sdkAssetsRoutes)
  await app.register(metricsRoutes, { prefix: '/v1' })
  await app.register(flagsRoutes, { prefix: '/v1' })
  await app.register(flagLifeRoutes, { prefix: '/v1' })
  await app.register(webhookRoutes, { prefix: '/v1' })
  await app.register(commentsRoutes, { prefix: '/v1' })
  await app.register(catalogRoutes, { prefix: '/v1' })
  await app.register(backfillRoutes, { prefix: '/v1/admin' })
  await app.register(openDataRoutes, { prefix: '/v1/open' })
  await app.register(actionsRoutes, { prefix: '/v1/open' })
  await app.register(meRoutes, { prefix: '/v1' })
  await app.register(dashboardRoutes)
  await app.register(demoRoutes, { prefix: '/v1/admin' })
  await app.register(landingRoutes)
  await app.register(excludedMetricsRoutes, { prefix: '/v1' })
  await app.register(excludedAdminRoutes, { prefix: '/v1/admin' })
  await app.register(eraseRoutes, { prefix: '/v1/admin' })
  return app
}

function safeRequest(req: { method: string; url: string; id?: string }) {
  // Query strings may carry tokens or personal data: log the path only.
  return { method: req.method, url: req.url.split('?')[0], id: req.id }
}
