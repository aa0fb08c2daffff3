/**
 * Starts the product: storage migrated, first-start setup, the app
 * listening, the URLs printed, flags evaluated on their schedule, and a graceful shutdown that flushes
 * everything accepted before the process exits.
 */
import type { AddressInfo } from 'node:net'
import closeWithGrace from 'close-with-grace'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import { randomSecret } from './auth/secrets.js'
import type { Config } from './config.js'
import { seedDemo } from './demo/seed.js'
import { DataDirBusyError, readLock, removeLock, writeLock } from './data-dir-lock.js'
import { refreshDemoOrigins, setUpFirstStart } from './first-start.js'
import { scheduleEvaluations } from './flag-life/schedule.js'
import { applyRetention, migrate } from './storage/migrate.js'
import { repairEventIds } from './storage/event-ids.js'
import { createStore } from './storage/store.js'

export interface RunningServer {
  app: FastifyInstance
  url: string
  close(): Promise<void>
}

export async function startServer(
  config: Readonly<Config>,
  print: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  now: () => number = Date.now,
): Promise<RunningServer> {
  const held = readLock(config.dataDir)
  if (held) throw new DataDirBusyError(config.dataDir, held)
  const store = createStore(config)
  const { fresh } = await migrate(store)
  await applyRetention(store, config.retentionDays)
  await repairEventIds(store)
  const first = fresh ? await setUpFirstStart(store, config) : {}
  if (fresh && config.demo) {
    print('Loading demo data (first start; OTKLIK_DEMO=0 turns this off)…')
    const demo = await seedDemo(store, { now: now() })
    print(`Demo data: ${demo.services} services of ${demo.agencies} agencies, ${demo.events} events over 90 days, with planted problems`)
  }
  await refreshDemoOrigins(store, config)

  const app = await buildApp({ config, store, now })
  // The local CLI reaches this server's admin API with a token for this run.
  const localToken = randomSecret(32)
  app.otklik.tokens.allow(localToken, { id: 'local', scope: 'admin', name: 'local CLI' })
  // Flags at start and every FLAGS_EVERY; webhook deliveries left pending by an earlier run go out now.
  // Each run also sends the weekly digests not sent yet (SMTP_URL).
  const { flags, mail } = app.otklik
  const evaluateAndDigest = {
    async evaluate(trigger: 'start' | 'schedule') {
      const done = await flags.evaluate(trigger)
      await mail?.weeklyDigests()
      return done
    },
  }
  const schedule = scheduleEvaluations(evaluateAndDigest, config.flagsEveryMs, app.log.child({ module: 'flags' }))
  app.otklik.webhooks.start()
  app.addHook('preClose', async () => schedule.stop())
  app.addHook('onClose', async () => {
    await store.close()
    removeLock(config.dataDir)
  })
  await app.listen({ port: config.port, host: config.host })
  const { port } = app.server.address() as AddressInfo
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  const url = `http://${host}:${port}`
  writeLock(config.dataDir, { pid: process.pid, url, token: localToken })

  // One write, so that whoever reads the output sees the whole notice at once.
  const lines = [`Otklik is running at ${url}  (${store.embedded ? `embedded ClickHouse in ${config.dataDir}` : 'ClickHouse server'})`]
  for (const [path, what] of [
    ['/v1/events', 'event ingestion'],
    ['/dashboard/', "manager's dashboard (sign in with a token)"],
    ['/open/', 'open data (public)'],
    ['/demo/', 'demo government service with the SDK embedded'],
    ['/sdk.js', 'browser SDK (see the README: Embedding)'],
    ['/docs', 'API documentation'],
    ['/openapi.json', 'OpenAPI document'],
    ['/readyz', 'readiness'],
    ['/metrics', 'Prometheus metrics'],
  ] as const) {
    lines.push(`  ${`${url}${path}`.padEnd(url.length + 16)} ${what}`)
  }
  if (first.adminToken) lines.push(`Admin token (shown once, keep it safe): ${first.adminToken}`)
  print(lines.join('\n'))
  return { app, url, close: () => app.close() }
}

/** Runs until a signal, then closes gracefully (flushing accepted events). */
export async function serveForever(config: Readonly<Config>): Promise<void> {
  const server = await startServer(config)
  closeWithGrace({ delay: 15_000 }, async ({ err, signal }) => {
    if (err) server.app.log.error({ err }, 'shutting down after an error')
    else server.app.log.info({ signal }, 'shutting down')
    await server.close()
  })
}
