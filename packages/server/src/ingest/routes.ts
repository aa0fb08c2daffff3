/**
 * POST /v1/events: the public ingestion endpoint (DESIGN §4). Registered
 * under the `/v1/events` prefix so that its CORS, body parsers and rate
 * limits stay inside this plugin.
 */
import cors from '@fastify/cors'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { BatchEnvelopeSchema, BatchSchema, IngestResponseSchema } from '@otklik/contract/schemas'
import { APP_KEY_HEADER, LIMITS } from '@otklik/contract/rules'
import { errors } from '../errors.js'
import { StorageUnavailableError, appSecretMatches, originAllowed, type Site } from '../registry/sites.js'
import { NotDurableError } from './committer.js'
import { AnswerJudge } from './forgery/judge.js'
import { ServiceGuard, indexOfRow } from './forgery/service-guard.js'
import { storedSurveys } from './forgery/stored.js'
import { normalizeEvents } from './normalize.js'
import { ClaimWaitError, EventClaims } from './shared/claims.js'
import { RedisSiteLimits } from './shared/site-limits-redis.js'
import { SiteLimits, type SiteLimiter } from './site-limits.js'
import type { EventRow } from '../storage/events-store.js'
import { parseUserAgent } from './user-agent.js'


export const ingestRoutes: FastifyPluginAsync = async (app) => {
  const { sites, committer, metrics, config, store, redis } = app.otklik
  const judge = new AnswerJudge(storedSurveys(store))
  const serviceGuard = new ServiceGuard(store)

  // Origins are checked per site after the body names the site, so the
  // preflight can only say "any origin may ask"; the POST itself is refused
  // for an origin the site does not allow.
  await app.register(cors, { origin: true, methods: ['POST'], allowedHeaders: ['content-type', APP_KEY_HEADER], maxAge: 86_400 })

  // sendBeacon posts text/plain to avoid a CORS preflight; the body is the
  // same JSON, parsed with Fastify's own (prototype-poisoning-safe) parser.
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: LIMITS.maxBodyBytes }, (request, body, done) => {
    const json = body.toString()
    if (json === '') return done(errors.invalidJson('the body is empty'), undefined)
    parseJson(request, json, (err, value) => done(err ? errors.invalidJson(err.message.replace(/^Body is not valid JSON but content-type is set to 'application\/json'/, 'it cannot be parsed')) : null, value))
  })

  const limits = config.rateLimit > 0
  const redisDown = (what: string) => (err: unknown) => app.log.warn({ err: err instanceof Error ? err.message : String(err) }, `Redis unavailable: ${what}`)
  const siteLimits: SiteLimiter = redis ? new RedisSiteLimits(redis, config.siteLimits, redisDown('site limits skipped')) : new SiteLimits(config.siteLimits)
  const claims = redis ? new EventClaims(redis) : undefined

  /** Makes the rows durable; with Redis, only those no other instance is storing (see shared/claims.ts). */
  async function storeRows(rows: EventRow[]): Promise<void> {
    let mine = rows
    if (claims) {
      try {
        mine = (await claims.claim(rows)).mine
      } catch (err) {
        if (err instanceof ClaimWaitError) throw errors.storingElsewhere()
        // Without Redis each instance still drops what is stored already.
        redisDown('event ids not claimed')(err)
      }
    }
    if (mine.length === 0) return
    try {
      await committer.submit(mine)
    } catch (err) {
      await claims?.release(mine).catch(redisDown('claims left to expire'))
      if (!(err instanceof NotDurableError)) throw err
      throw errors.notDurable()
    }
    await claims?.confirm(mine).catch(redisDown('stored ids not marked'))
  }

  app.withTypeProvider<ZodTypeProvider>().post(
    '',
    {
      bodyLimit: LIMITS.maxBodyBytes,
      config: { access: 'public', ...(limits ? { rateLimit: { max: config.rateLimit, timeWindow: 60_000 } } : { rateLimit: false }) },
      schema: {
        summary: 'Ingest a batch of events',
        description:
          'Accepts application/json and text/plain (sendBeacon). A web site is checked against its allowed origins; an app site sends its secret in X-Otklik-Key. Bad events are rejected one by one with their index and reason.',
        tags: ['ingestion'],
        body: BatchSchema,
        response: { 202: IngestResponseSchema },
      },
      // Validation is done in two steps below (envelope, then each event)
      // for JSON and text/plain alike; the schema above documents it.
      validatorCompiler: () => (data) => ({ value: data }),
    },
    async (request, reply) => {
      const receivedAt = app.otklik.now()
      const envelope = BatchEnvelopeSchema.safeParse(request.body)
      if (!envelope.success) {
        const issue = envelope.error.issues[0]
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
        metrics.eventsRejected.inc({ reason: 'bad_envelope' })
        throw errors.badRequest(`${where}${issue?.message ?? 'invalid batch'}`)
      }
      const batch = envelope.data
      const site = await sites.get(batch.site).catch((err: unknown) => {
        throw err instanceof StorageUnavailableError ? errors.storageUnavailable() : err
      })
      if (!site) {
        metrics.eventsRejected.inc({ reason: 'unknown_site' })
        throw errors.unknownSite()
      }
      checkSource(site, request)
      const over = await siteLimits.take(site.key, batch.events.length, receivedAt)
      if (over) {
        metrics.eventsRejected.inc({ reason: 'site_rate_limited' })
        reply.header('retry-after', String(over.retryAfterS))
        throw errors.siteRateLimited(over.what, over.what === 'requests' ? config.siteLimits.requests : config.siteLimits.events)
      }
      const result = normalizeEvents(batch.events, {
        siteKey: site.key,
        offline: site.kind === 'app',
        receivedAt,
        sentAt: batch.sent_at,
        sdk: batch.sdk,
        device: parseUserAgent(request.headers['user-agent']),
      })
      const { kept: rows, refused } = await serviceGuard.check(site, result.rows, receivedAt)
      const rejections = [...result.rejected, ...refused.map((r) => ({ index: indexOfRow(batch.events, r.row), code: r.code, reason: r.reason }))]
      for (const r of rejections) metrics.eventsRejected.inc({ reason: r.code })
      const rejected = rejections.sort((a, b) => a.index - b.index).map(({ index, reason }) => ({ index, reason }))
      if (rows.length === 0) throw errors.allRejected(rejected)
      // App sites prove themselves with a secret; only web answers are judged.
      if (site.kind === 'web') {
        await judge.judge(site.key, rows, { ip: request.ip, userAgent: request.headers['user-agent'] }, receivedAt)
        for (const r of rows) if (r.excluded) metrics.answersExcluded.inc({ reason: r.excluded })
      }
      await storeRows(rows)
      metrics.eventsAccepted.inc(rows.length)
      return reply.code(202).send({
        accepted: rows.length,
        rejected,
        ...(result.clockSkewMs !== undefined ? { clock_skew_ms: result.clockSkewMs } : {}),
      })
    },
  )
}

function checkSource(site: Site, request: FastifyRequest): void {
  if (site.kind === 'app') {
    const key = request.headers[APP_KEY_HEADER]
    if (typeof key !== 'string' || key === '') throw errors.appKeyRequired()
    if (!appSecretMatches(site, key)) throw errors.appKeyInvalid()
    return
  }
  const origin = request.headers.origin
  if (!origin) throw errors.originRequired()
  if (!originAllowed(site, origin)) throw errors.originNotAllowed(origin, site.key)
}
