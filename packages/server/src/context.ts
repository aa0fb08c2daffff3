/**
 * What the route plugins share, decorated on the Fastify instance by
 * `app.ts` (dependency injection by plain parameters: tests build a fresh
 * context on a fresh database).
 */
import type { Config } from './config.js'
import type { FlagLife } from './flag-life/life.js'
import type { FlagMail } from './mail/mailer.js'
import type { WebhookDispatcher } from './webhooks/dispatcher.js'
import type { Committer } from './ingest/committer.js'
import type { Metrics } from './ops/metrics.js'
import type { SiteCache } from './registry/sites.js'
import type { TokenVerifier } from './registry/tokens.js'
import type { Access } from './auth/scopes.js'
import type { TokenInfo } from './registry/tokens.js'
import type { Store } from './storage/store.js'
import type { Redis } from 'ioredis'

export interface AppContext {
  config: Readonly<Config>
  store: Store
  metrics: Metrics
  committer: Committer
  sites: SiteCache
  tokens: TokenVerifier
  /** The clock (epoch ms): Date.now, or a fixed one in tests; the flag lifecycle and its alerts take time from here only. */
  now: () => number
  flags: FlagLife
  webhooks: WebhookDispatcher
  /** Present when REDIS_URL is set: what several ingestion instances share. */
  redis?: Redis | undefined
  /** Present when SMTP_URL is set. */
  mail?: FlagMail | undefined
}

declare module 'fastify' {
  interface FastifyInstance {
    otklik: AppContext
  }
  interface FastifyContextConfig {
    /** Who may call the route; every route must say (see auth/plugin.ts). */
    access?: Access
    /** The route answers CSV: `also` (JSON or CSV by format/Accept) or `only`; for the OpenAPI document. */
    csv?: 'also' | 'only'
  }
  interface FastifyRequest {
    token?: TokenInfo
  }
}
