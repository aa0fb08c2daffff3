/**
 * The embedded engine allows one process per data directory. A running
 * server says so in `DATA_DIR/server.json` (pid, URL, and a token for this
 * run that the local CLI uses to go through the server's admin API).
 */
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

export interface ServerLock {
  pid: number
  url: string
  token: string
}

const FILE = 'server.json'

export function readLock(dataDir: string): ServerLock | undefined {
  const path = join(dataDir, FILE)
  if (!existsSync(path)) return undefined
  try {
    const lock = JSON.parse(readFileSync(path, 'utf8')) as ServerLock
    return isAlive(lock.pid) && lock.pid !== process.pid ? lock : undefined
  } catch {
    return undefined
  }
}

export function writeLock(dataDir: string, lock: ServerLock): void {
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(join(dataDir, FILE), JSON.stringify(lock), { mode: 0o600 })
}

export function removeLock(dataDir: string): void {
  rmSync(join(dataDir, FILE), { force: true })
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lock: ServerLock,
  ) {
    super(`DATA_DIR ${dataDir} is held by the Otklik server running as pid ${lock.pid} at ${lock.url}; stop it first or use its API`)
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
