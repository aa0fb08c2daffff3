/**
 * How a CLI command reaches the data: through the running server's admin
 * API when a server holds DATA_DIR (the embedded engine allows one process
 * per directory), or by opening the store itself when none does.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../config.js'
import { readLock, type ServerLock } from '../data-dir-lock.js'
import { toNumber } from '../storage/int64.js'
import { migrate, type MigrationResult } from '../storage/migrate.js'
import { createStore, type Store } from '../storage/store.js'

export class CliError extends Error {}

export interface AdminApi {
  url: string
  call<T>(method: string, path: string, body?: unknown): Promise<T>
}

export function adminApi(lock: ServerLock): AdminApi {
  return {
    url: lock.url,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${lock.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${lock.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }).catch((err: unknown) => {
        throw new CliError(`the server at ${lock.url} did not answer: ${err instanceof Error ? err.message : String(err)}`)
      })
      const payload = (await res.json().catch(() => ({}))) as { error?: { message?: string } }
      if (!res.ok) throw new CliError(`the server refused: ${payload.error?.message ?? res.statusText}`)
      return payload as T
    },
  }
}

/** Runs `direct` on a store of its own, or `viaServer` when a server holds DATA_DIR. */
export async function withData<T>(
  config: Readonly<Config>,
  ways: {
    direct: (store: Store, migrated: MigrationResult) => Promise<T>
    viaServer?: (api: AdminApi) => Promise<T>
    /** Only `migrate` (and `serve`) may create the data; every other command needs it there. */
    creates?: boolean
  },
): Promise<T> {
  const lock = readLock(config.dataDir)
  if (lock) {
    if (!ways.viaServer) {
      throw new CliError(`DATA_DIR ${config.dataDir} is held by the Otklik server (pid ${lock.pid}, ${lock.url}); stop it first`)
    }
    return ways.viaServer(adminApi(lock))
  }
  // Checked before the engine opens the directory, which would create it.
  if (!ways.creates && !config.clickhouse.url && !existsSync(join(config.dataDir, 'clickhouse'))) throw noData(config)
  const store = createStore(config)
  try {
    if (!ways.creates && !(await hasSchema(store))) throw noData(config)
    const migrated = await migrate(store)
    return await ways.direct(store, migrated)
  } finally {
    await store.close()
  }
}

// Said when a command runs without the server's DATA_DIR (a fresh ./data would
// get a token the running server has never heard of).
const noData = (config: Readonly<Config>) =>
  new CliError(
    config.clickhouse.url
      ? `database ${config.clickhouse.database} on the ClickHouse server holds no Otklik data; set CLICKHOUSE_DATABASE as the server has it, or create it with \`otklik migrate\``
      : `DATA_DIR ${config.dataDir} holds no Otklik data; set DATA_DIR to the server's data directory, or create one there with \`otklik migrate\``,
  )

async function hasSchema(store: Store): Promise<boolean> {
  const [row] = await store.query<{ n: unknown }>('SELECT count() AS n FROM system.tables WHERE database = {db:String} AND name = {name:String}', {
    db: store.target.database,
    name: 'schema_migrations',
  })
  return toNumber(row?.n ?? 0) > 0
}
