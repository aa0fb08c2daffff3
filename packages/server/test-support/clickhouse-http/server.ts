import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { hostname } from 'node:os'
import { checkCredentials, credentialsOf } from './auth.js'
import type { Credentials } from './auth.js'
import { readBody } from './body.js'
import { ChdbEngine } from './engine.js'
import { failureBody, httpStatusOf, toClickHouseFailure } from './errors.js'
import { contentTypeOf } from './formats.js'
import { parseRequest } from './request.js'

/**
 * TEST-ONLY: ClickHouse's HTTP interface on top of chDB, so that
 * `@clickhouse/client`'s real HTTP transport can be exercised against the real
 * engine where no ClickHouse server can be installed. Run it in a child
 * process (see spawn.ts): chDB binds one data directory per process, and tests
 * kill the process to play "ClickHouse went away".
 *
 * Results are computed whole before the first byte is sent, so every error
 * arrives as a proper error response (status, `X-ClickHouse-Exception-Code`,
 * `Code: N. DB::Exception: …` body), never in the middle of a 200.
 */
export interface ClickHouseHttpServerOptions {
  /** chDB data directory; created if missing. */
  readonly dataDir: string
  /** TCP port; 0 picks a free one. */
  readonly port: number
  /** Interface to bind. Default `127.0.0.1`. */
  readonly host?: string
  /** When set, every request must carry these credentials. Default: anyone is `default`. */
  readonly auth?: Credentials
}

export interface ClickHouseHttpServer {
  /** `http://host:port`, ready for `createClient({ url })`. */
  readonly url: string
  readonly port: number
  /** Stops listening, drops idle keep-alive sockets, closes the engine. */
  close(): Promise<void>
}

const DEFAULT_HOST = '127.0.0.1'
// Health endpoints answer without touching the engine, as a server does.
const HEALTH_PATHS = new Set(['/ping', '/replicas_status'])
const OK = 'Ok.\n'

export async function startClickHouseHttpServer(options: ClickHouseHttpServerOptions): Promise<ClickHouseHttpServer> {
  const engine = await ChdbEngine.open(options.dataDir)
  const server = createServer((request, response) => {
    void serve(engine, options.auth, request, response)
  })
  try {
    await listen(server, options.port, options.host ?? DEFAULT_HOST)
  } catch (err) {
    engine.close()
    throw err
  }
  const { address, port } = server.address() as AddressInfo
  const host = address.includes(':') ? `[${address}]` : address
  return {
    url: `http://${host}:${port}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
      })
      engine.close()
    },
  }
}

async function serve(
  engine: ChdbEngine,
  auth: Credentials | undefined,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost')
  const method = request.method ?? 'GET'
  let queryId: string | undefined
  try {
    const body = await readBody(request)
    if (HEALTH_PATHS.has(url.pathname) || (url.pathname === '/' && !url.searchParams.has('query') && body.length === 0)) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8' }).end(OK)
      return
    }
    if (url.pathname !== '/') {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=UTF-8' }).end(`There is no handle ${url.pathname}\n`)
      return
    }
    checkCredentials(auth, credentialsOf(request.headers, url.searchParams))
    const parsed = parseRequest(method, url, request.headers, body)
    queryId = parsed.queryId
    const outcome = await engine.run(parsed.statement)
    response.writeHead(200, {
      ...commonHeaders(engine, parsed.queryId),
      ...(parsed.outputFormat === undefined ? {} : { 'X-ClickHouse-Format': parsed.outputFormat }),
      'Content-Type': contentTypeOf(parsed.outputFormat ?? 'TabSeparated'),
      'X-ClickHouse-Summary': JSON.stringify(outcome.summary),
    })
    response.end(Buffer.from(outcome.body.buffer, outcome.body.byteOffset, outcome.body.byteLength))
  } catch (err) {
    const failure = await toClickHouseFailure(err, engine.errorName)
    if (response.headersSent) {
      response.destroy(failure)
      return
    }
    response.writeHead(httpStatusOf(failure), {
      ...commonHeaders(engine, queryId),
      'Content-Type': 'text/plain; charset=UTF-8',
      'X-ClickHouse-Exception-Code': String(failure.code),
    })
    response.end(failureBody(failure, engine.version))
  }
}

function commonHeaders(engine: ChdbEngine, queryId: string | undefined): Record<string, string> {
  return {
    ...(queryId === undefined ? {} : { 'X-ClickHouse-Query-Id': queryId }),
    'X-ClickHouse-Server-Display-Name': hostname(),
    'X-ClickHouse-Timezone': engine.timezone,
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}
