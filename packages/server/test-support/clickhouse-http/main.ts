/**
 * CLI for the test ClickHouse HTTP server:
 *
 *   node --import tsx main.ts --data-dir DIR [--port 0] [--host 127.0.0.1]
 *        [--user U --password P] [--timezone UTC] [--exit-on-stdin-close]
 *
 * Prints one JSON line, `{"url":"http://127.0.0.1:NNNN"}`, once listening;
 * SIGTERM/SIGINT close it cleanly. Runs in a process of its own because chDB
 * binds one data directory per process (see spawn.ts).
 */
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    host: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string', default: '' },
    timezone: { type: 'string', default: 'UTC' },
    'exit-on-stdin-close': { type: 'boolean', default: false },
  },
  strict: true,
})

const dataDir = values['data-dir']
const port = Number(values.port)
if (dataDir === undefined || !Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write('usage: main.ts --data-dir DIR [--port N] [--host H] [--user U --password P] [--timezone TZ] [--exit-on-stdin-close]\n')
  process.exit(2)
}

// The engine reads TZ when it starts, so it must be set before chDB loads (hence
// the dynamic import below). UTC by default, like the official server image.
process.env.TZ = values.timezone
const { startClickHouseHttpServer } = await import('./server.js')

const server = await startClickHouseHttpServer({
  dataDir,
  port,
  ...(values.host === undefined ? {} : { host: values.host }),
  ...(values.user === undefined ? {} : { auth: { username: values.user, password: values.password } }),
})
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)

let stopping = false
const stop = (): void => {
  if (stopping) return
  stopping = true
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`close failed: ${String(err)}\n`)
      process.exit(1)
    },
  )
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
if (values['exit-on-stdin-close']) {
  // The parent holds the other end of stdin: EOF means it is gone.
  process.stdin.on('end', stop).resume()
}
