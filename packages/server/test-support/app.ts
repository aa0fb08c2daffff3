/**
 * Fresh apps for tests on the real engine. chDB binds one data directory
 * per process, so every store in a test process shares one embedded engine
 * and gets a database of its own; each app gets its own DATA_DIR for its spool.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ClickHouseClient } from '@clickhouse/client'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.js'
import { loadConfig, type Config } from '../src/config.js'
import { createToken } from '../src/registry/tokens.js'
import { createClickHouseClient } from '../src/storage/client.js'
import { migrate } from '../src/storage/migrate.js'
import { createStore, type Store } from '../src/storage/store.js'
import { spawnClickHouseHttpServer } from './clickhouse-http/spawn.js'

let engine: ClickHouseClient | undefined
let seq = 0

export const tempDir = (prefix = 'otklik-test-') => mkdtempSync(join(tmpdir(), prefix))

/** A config on a fresh DATA_DIR and a fresh database name. */
export function testConfig(env: NodeJS.ProcessEnv = {}): Config {
  const config = loadConfig({
    DATA_DIR: tempDir(),
    CLICKHOUSE_DATABASE: `t${process.pid}_${seq++}`,
    LOG_LEVEL: 'silent',
    RATE_LIMIT: '0',
    FLUSH_INTERVAL_MS: '5',
    ...env,
  })
  return { ...config }
}

/**
 * The process's engine: embedded chDB, or, when OTKLIK_TEST_REMOTE is set (the
 * `remote` vitest project), chDB behind the ClickHouse HTTP interface in a
 * child process, reached over real HTTP.
 */
async function processEngine(config: Config): Promise<ClickHouseClient> {
  if (engine) return engine
  if (process.env.OTKLIK_TEST_REMOTE) {
    const server = await spawnClickHouseHttpServer({ dataDir: tempDir('otklik-chhttp-') })
    process.once('exit', () => void server.kill())
    engine = createClickHouseClient({ dataDir: tempDir(), clickhouse: { ...config.clickhouse, url: server.url } })
  } else {
    engine = createClickHouseClient({ dataDir: tempDir('otklik-chdb-'), clickhouse: config.clickhouse })
  }
  return engine
}

/** A migrated store on the process's engine (closing it leaves the engine open). */
export async function testStore(config: Config): Promise<Store> {
  const engine = await processEngine(config)
  const store = { ...createStore(config, engine), close: async () => {} }
  await migrate(store)
  return store
}

export interface TestApp {
  app: FastifyInstance
  store: Store
  config: Config
}

export async function testApp(env: NodeJS.ProcessEnv = {}, opts: { clock?: () => number } = {}): Promise<TestApp> {
  const config = testConfig(env)
  const store = await testStore(config)
  const app = await buildApp({ config, store, logger: false, ...opts })
  await app.ready()
  return { app, store, config }
}

/** A fresh app with a viewer's and an analyst's bearer token (the analytics route tests). */
export async function testAppWithTokens(env: NodeJS.ProcessEnv = {}): Promise<TestApp & { viewer: string; analyst: string }> {
  const t = await testApp(env)
  const viewer = (await createToken(t.store, 'viewer', 'v')).token
  const analyst = (await createToken(t.store, 'analyst', 'a')).token
  return { ...t, viewer, analyst }
}
