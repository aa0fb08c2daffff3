/**
 * Configuration from the environment, validated once at boot and frozen.
 * A bad value stops the start with one line naming the setting.
 */
import { resolve } from 'node:path'
import { z } from 'zod'

const DEFAULTS = {
  PORT: 8080,
  HOST: '127.0.0.1',
  DATA_DIR: './data',
  CLICKHOUSE_DATABASE: 'otklik',
  RETENTION_DAYS: 1095,
  LOG_LEVEL: 'info',
  RATE_LIMIT: 600,
  FLUSH_INTERVAL_MS: 50,
  FLUSH_MAX_EVENTS: 5000,
  FLAGS_EVERY: '1h',
  REQUEST_TIMEOUT_MS: 10_000,
} as const

const DURATION_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }
const MIN_FLAGS_EVERY_MS = 60_000
const MAX_FLAGS_EVERY_MS = 7 * 86_400_000

/** `off`, or a duration like 30m, 1h, 1d between a minute and a week. */
const flagsEvery = z
  .string()
  .regex(/^(off|\d+(s|m|h|d))$/, 'must be a duration like 30m, 1h or 1d, or off')
  .transform((v) => (v === 'off' ? 0 : Number(v.slice(0, -1)) * (DURATION_UNITS[v.slice(-1)] ?? 0)))
  .refine((ms) => ms === 0 || (ms >= MIN_FLAGS_EVERY_MS && ms <= MAX_FLAGS_EVERY_MS), 'must be between 1m and 7d, or off')

const int = (min: number, max: number) => z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(min).max(max)

const EnvSchema = z.object({
  PORT: int(0, 65535).default(DEFAULTS.PORT),
  HOST: z.string().min(1).default(DEFAULTS.HOST),
  DATA_DIR: z.string().min(1).default(DEFAULTS.DATA_DIR),
  CLICKHOUSE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL like http://localhost:8123' }).optional(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier (letters, digits, _)')
    .default(DEFAULTS.CLICKHOUSE_DATABASE),
  CLICKHOUSE_CLUSTER: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'must be a cluster name from the server configuration')
    .optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL like redis://127.0.0.1:6379' }).optional(),
  OTKLIK_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  RETENTION_DAYS: int(0, 36500).default(DEFAULTS.RETENTION_DAYS),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default(DEFAULTS.LOG_LEVEL),
  RATE_LIMIT: int(0, 10_000_000).default(DEFAULTS.RATE_LIMIT),
  SITE_RATE_LIMIT: int(0, 10_000_000).optional(),
  SITE_EVENT_LIMIT: int(0, 1_000_000_000).optional(),
  REQUEST_TIMEOUT_MS: int(100, 600_000).default(DEFAULTS.REQUEST_TIMEOUT_MS),
  FLUSH_INTERVAL_MS: int(1, 10_000).default(DEFAULTS.FLUSH_INTERVAL_MS),
  FLUSH_MAX_EVENTS: int(1, 1_000_000).default(DEFAULTS.FLUSH_MAX_EVENTS),
  // Someone trying the product wants data to look at; production does not.
  OTKLIK_DEMO: z
    .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'], { error: 'must be 1 or 0' })
    .default('0'),
  FLAGS_EVERY: flagsEvery.prefault(DEFAULTS.FLAGS_EVERY),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL like smtp://user:pass@mail.example.org:587' }).optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Otklik <otklik@localhost>'),
  HSTS: z.enum(['1', '0', 'true', 'false'], { error: 'must be true or false' }).default('false'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/, ]+)$/, 'must be true, false or a comma-separated list of proxy addresses (CIDR allowed)')
    .default('false'),
})

export interface Config {
  port: number
  host: string
  dataDir: string
  clickhouse: {
    /** Absent: the embedded chDB engine in `dataDir`. */
    url?: string | undefined
    user?: string | undefined
    password?: string | undefined
    database: string
    cluster?: string | undefined
  }
  adminToken?: string | undefined
  /** Shared by several ingestion instances: rate limits and event-id claims (docs/scaling.md); absent = this process only. */
  redisUrl?: string | undefined
  /** 0 keeps events forever. */
  retentionDays: number
  logLevel: string
  /** Requests per minute per IP; 0 turns limiting off. */
  rateLimit: number
  /** Per site key, a minute: requests (default RATE_LIMIT) and events (default 20 × that); 0 = no limit. */
  siteLimits: { requests: number; events: number }
  /** A request (headers and body) must arrive within this long, or it is answered 408 and closed. */
  requestTimeoutMs: number
  flush: { intervalMs: number; maxEvents: number }
  /** Load the demo data on a first start (`pnpm start` sets OTKLIK_DEMO=1). */
  demo: boolean
  /** Send Strict-Transport-Security (only behind TLS). */
  hsts: boolean
  /** When set, GET /metrics needs `Authorization: Bearer <it>`. */
  metricsToken?: string | undefined
  /** Fastify's trustProxy: whose X-Forwarded-For to believe for the client IP. */
  trustProxy: boolean | string
  /** Flag evaluation period in ms (also once at start); 0 = only on demand. */
  flagsEveryMs: number
  /** Mail to owners and digests; absent = no mail. */
  smtp?: { url: string; from: string } | undefined
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads the config from an environment; throws `ConfigError` with one line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = EnvSchema.safeParse(present)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const key = String(issue?.path[0] ?? 'environment')
    // A mail or Redis URL carries its password: never echo it.
    const shown = key === 'SMTP_URL' || key === 'REDIS_URL' ? '(value not shown)' : JSON.stringify(present[key] ?? '')
    throw new ConfigError(`${key}=${shown} is invalid: ${issue?.message ?? 'bad value'}`)
  }
  const e = parsed.data
  if (e.CLICKHOUSE_CLUSTER && !e.CLICKHOUSE_URL) {
    throw new ConfigError('CLICKHOUSE_CLUSTER is set but CLICKHOUSE_URL is not: a cluster needs a ClickHouse server')
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    clickhouse: Object.freeze({
      url: e.CLICKHOUSE_URL,
      user: e.CLICKHOUSE_USER,
      password: e.CLICKHOUSE_PASSWORD,
      database: e.CLICKHOUSE_DATABASE,
      cluster: e.CLICKHOUSE_CLUSTER,
    }),
    adminToken: e.OTKLIK_ADMIN_TOKEN,
    redisUrl: e.REDIS_URL,
    retentionDays: e.RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
    rateLimit: e.RATE_LIMIT,
    siteLimits: Object.freeze({
      requests: e.SITE_RATE_LIMIT ?? e.RATE_LIMIT,
      events: e.SITE_EVENT_LIMIT ?? 20 * (e.SITE_RATE_LIMIT ?? e.RATE_LIMIT),
    }),
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    flush: Object.freeze({ intervalMs: e.FLUSH_INTERVAL_MS, maxEvents: e.FLUSH_MAX_EVENTS }),
    demo: ['1', 'true', 'on', 'yes'].includes(e.OTKLIK_DEMO),
    hsts: e.HSTS === '1' || e.HSTS === 'true',
    metricsToken: e.METRICS_TOKEN,
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY,
    flagsEveryMs: e.FLAGS_EVERY,
    smtp: e.SMTP_URL ? Object.freeze({ url: e.SMTP_URL, from: e.MAIL_FROM }) : undefined,
  })
}
