import { randomUUID } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import type { Statement } from './engine.js'
import { BAD_QUERY_PARAMETER, ClickHouseFailure, NOT_IMPLEMENTED, SYNTAX_ERROR, UNKNOWN_SETTING } from './errors.js'
import { formatClauseOf, HTTP_DEFAULT_FORMAT } from './formats.js'
import { parseSimpleInsert } from './insert-statement.js'
import { multipartBoundaryOf, parseMultipartFields } from './multipart.js'

/**
 * Reads a ClickHouse HTTP request (URL parameters, headers, body) into a
 * {@link Statement}, following the server's rules (src/Server/HTTPHandler.cpp):
 * the `query` parameter and the body are one query text joined by a newline;
 * `param_<name>` are query parameters; a handful of names belong to the
 * handler; every other parameter is a setting.
 */
export interface ParsedRequest {
  readonly statement: Statement
  readonly queryId: string
  /** Output format for `X-ClickHouse-Format`; undefined for an INSERT, which has none. */
  readonly outputFormat: string | undefined
}

// Parameters the HTTP handler consumes itself (never settings).
const HANDLER_PARAMS = new Set([
  'query', 'database', 'default_format', 'query_id', 'user', 'password', 'quota_key', 'stacktrace', 'role',
  'compress', 'decompress', 'buffer_size', 'wait_end_of_query', 'session_id', 'session_timeout', 'session_check',
  'client_protocol_version', 'close_session',
])

// Real settings that only steer the HTTP transport. This server always sends a
// whole, uncompressed response, so they have nothing to do.
const TRANSPORT_SETTING = /^(?:http_\w+|send_progress_in_http_headers|enable_http_compression)$/

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
const PARAM_PREFIX = 'param_'

export function parseRequest(method: string, url: URL, headers: IncomingHttpHeaders, body: Buffer): ParsedRequest {
  const boundary = multipartBoundaryOf(headers['content-type'])
  const form = boundary === undefined ? undefined : parseMultipartFields(body, boundary)
  const fields = [...url.searchParams, ...(form ?? [])]

  const settings = new Map<string, string>()
  // A server runs GET requests read-only (readonly=2 still allows SET).
  if (method === 'GET' || method === 'HEAD') settings.set('readonly', '2')
  const params = new Map<string, string>()
  for (const [name, value] of fields) {
    if (name === '' || HANDLER_PARAMS.has(name) || TRANSPORT_SETTING.test(name)) continue
    if (name.startsWith(PARAM_PREFIX)) {
      params.set(checkedParamName(name.slice(PARAM_PREFIX.length)), value)
      continue
    }
    if (form?.has(name) === true) {
      throw new ClickHouseFailure(NOT_IMPLEMENTED, 'NOT_IMPLEMENTED', `Multipart field '${name}' is not supported by this test server (only query and param_*)`)
    }
    if (!IDENTIFIER.test(name)) {
      throw new ClickHouseFailure(UNKNOWN_SETTING, 'UNKNOWN_SETTING', `Unknown setting '${name}'`)
    }
    settings.set(name, value)
  }

  const query = form?.get('query') ?? url.searchParams.get('query') ?? undefined
  const statement = statementOf(query, form === undefined ? body : Buffer.alloc(0), {
    database: headerValue(headers['x-clickhouse-database']) ?? url.searchParams.get('database') ?? undefined,
    defaultFormat: headerValue(headers['x-clickhouse-format']) ?? url.searchParams.get('default_format') ?? HTTP_DEFAULT_FORMAT,
    settings,
    params,
  })
  const head = query ?? statement.sql
  return {
    statement,
    queryId: url.searchParams.get('query_id') || headerValue(headers['x-clickhouse-query-id']) || randomUUID(),
    outputFormat: /^\s*INSERT\b/i.test(head) ? undefined : (formatClauseOf(head) ?? statement.defaultFormat),
  }
}

type StatementContext = Omit<Statement, 'sql' | 'insert'>

function statementOf(query: string | undefined, body: Buffer, context: StatementContext): Statement {
  if (query !== undefined && query.trim() !== '') {
    // The rows of a plain INSERT go to chDB's raw insert untouched (see insert-statement.ts).
    const target = parseSimpleInsert(query)
    if (target !== undefined) return { ...context, sql: query, insert: { target, data: body } }
    const sql = body.length === 0 ? query : `${query}\n${body.toString('utf8')}`
    return { ...context, sql, insert: undefined }
  }
  const sql = body.toString('utf8')
  if (sql.trim() === '') throw new ClickHouseFailure(SYNTAX_ERROR, 'SYNTAX_ERROR', 'Empty query')
  return { ...context, sql, insert: undefined }
}

function checkedParamName(name: string): string {
  if (IDENTIFIER.test(name)) return name
  throw new ClickHouseFailure(BAD_QUERY_PARAMETER, 'BAD_QUERY_PARAMETER', `Invalid query parameter name '${name}'`)
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
