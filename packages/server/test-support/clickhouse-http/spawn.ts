import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/**
 * Starts the test ClickHouse HTTP server (main.ts) in a child process: chDB
 * binds one data directory per process, and a child can be killed to play
 * "ClickHouse went away", then started again on the same port and data.
 */
export interface SpawnClickHouseHttpServerOptions {
  /** chDB data directory (resolved against the current directory). */
  readonly dataDir: string
  /** Fixed port, e.g. the one a killed server had; 0 (default) picks a free one. */
  readonly port?: number
  /** When set, the server accepts only these credentials. */
  readonly auth?: { readonly username: string; readonly password: string }
}

export interface SpawnedClickHouseHttpServer {
  readonly url: string
  readonly port: number
  /** SIGTERM, then wait for the process to exit. */
  stop(): Promise<void>
  /** SIGKILL (no chance to flush or clean up), then wait for the process to exit. */
  kill(): Promise<void>
}

const MAIN_PATH = fileURLToPath(new URL('./main.ts', import.meta.url))
// `--import tsx` is resolved from the child's working directory, so run the
// child from this package, whose node_modules has tsx.
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url))
const STARTUP_TIMEOUT_MS = 30_000
const STDERR_KEPT_CHARS = 16_384

export async function spawnClickHouseHttpServer(options: SpawnClickHouseHttpServerOptions): Promise<SpawnedClickHouseHttpServer> {
  const args = [
    '--import', 'tsx', MAIN_PATH,
    '--data-dir', resolve(options.dataDir),
    '--port', String(options.port ?? 0),
    // The child exits when our end of its stdin closes, so a crashed test
    // run leaves no server holding the port and the data directory.
    '--exit-on-stdin-close',
  ]
  if (options.auth !== undefined) args.push('--user', options.auth.username, '--password', options.auth.password)
  const child = spawn(process.execPath, args, { cwd: PACKAGE_DIR, stdio: ['pipe', 'pipe', 'pipe'] })

  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT_CHARS)
  })
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()))

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`ClickHouse HTTP test server did not start within ${STARTUP_TIMEOUT_MS} ms:\n${stderr}`))
    }, STARTUP_TIMEOUT_MS)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`ClickHouse HTTP test server exited (${signal ?? `code ${code}`}) before listening:\n${stderr}`))
    })
    child.once('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    // readline keeps draining stdout afterwards, so the child never blocks on a full pipe.
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
    lines.once('line', (line) => {
      clearTimeout(timer)
      try {
        resolveUrl((JSON.parse(line) as { url: string }).url)
      } catch {
        reject(new Error(`ClickHouse HTTP test server printed an unexpected line: ${line}\n${stderr}`))
      }
    })
  })

  return {
    url,
    port: Number(new URL(url).port),
    stop: () => terminate(child, 'SIGTERM', exited),
    kill: () => terminate(child, 'SIGKILL', exited),
  }
}

async function terminate(child: ChildProcess, signal: NodeJS.Signals, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  await exited
}
