/**
 * How a CLI command reaches the data: through the running server's admin
 * API when a server holds DATA_DIR (the embedded engine allows one process
 * per directory), or by opening the store itself when none does.
 */
import type { Config } from '../config.js'
import { readLock, type ServerLock } from '../data-dir-lock.js'
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
  ways: { direct: (store: Store, migrated: MigrationResult) => Promise<T>; viaServer?: (api: AdminApi) => Promise<T> },
): Promise<T> {
  const lock = readLock(config.dataDir)
  if (lock) {
    if (!ways.viaServer) {
      throw new CliError(`DATA_DIR ${config.dataDir} is held by the Otklik server (pid ${lock.pid}, ${lock.url}); stop it first`)
    }
    return ways.viaServer(adminApi(lock))
  }
  const store = createStore(config)
  try {
    const migrated = await migrate(store)
    return await ways.direct(store, migrated)
  } finally {
    await store.close()
  }
}
