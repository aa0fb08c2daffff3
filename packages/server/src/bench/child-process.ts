/**
 * A benchmark's server in a process of its own (Otklik or the bare
 * handler), so that the load generator never shares its event loop.
 */
import { spawn } from 'node:child_process'

/** How to start a Node entry point the way this process was started (built JS, or TypeScript through tsx). */
export interface NodeCommand {
  /** Arguments before the entry: e.g. `--import tsx`. */
  execArgv: readonly string[]
}

export interface ChildServer {
  url: string
  pid: number
  /** SIGTERM, then waits for the exit (Otklik flushes what it accepted). */
  stop(): Promise<void>
}

const START_TIMEOUT_MS = 120_000

/** Starts `entry args` and resolves with the first URL matched by `ready` in its output. */
export function startChild(node: NodeCommand, entry: string, args: readonly string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildServer> {
  const child = spawn(process.execPath, [...node.execArgv, entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${output.slice(-2000)}`)), START_TIMEOUT_MS)
    const onData = (chunk: Buffer) => {
      // Keep only the start-up output: a long run must not grow this string.
      if (output.length < 100_000) output += chunk.toString()
      const url = ready.exec(output)?.[1]
      if (!url) return
      clearTimeout(timer)
      child.stdout.off('data', onData)
      child.stderr.off('data', onData)
      // Drain whatever it says later (warnings), so its pipes never fill.
      child.stdout.resume()
      child.stderr.resume()
      resolve({
        url,
        pid: child.pid ?? 0,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          await exited
        },
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${output.slice(-2000)}`))
    })
  })
}
