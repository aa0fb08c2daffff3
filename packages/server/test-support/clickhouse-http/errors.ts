/**
 * Failures in the shape ClickHouse's HTTP interface reports them: a numeric
 * code, an upper-case name, a message, and an HTTP status derived from the
 * code. `@clickhouse/client` parses the body with a regular expression that
 * needs the `(NAME)` suffix, so every failure must carry a name.
 */

/** A ClickHouse exception, ready to be sent to an HTTP client. */
export class ClickHouseFailure extends Error {
  constructor(
    readonly code: number,
    /** ClickHouse's error name, e.g. `UNKNOWN_TABLE`. */
    readonly type: string,
    message: string,
  ) {
    super(message)
    this.name = 'ClickHouseFailure'
  }
}

// Codes raised by the HTTP layer itself, before the engine sees the request.
export const SYNTAX_ERROR = 62
export const UNKNOWN_SETTING = 115
export const BAD_QUERY_PARAMETER = 457
export const NOT_IMPLEMENTED = 48
export const UNKNOWN_COMPRESSION_METHOD = 434
export const AUTHENTICATION_FAILED = 516
const UNKNOWN_EXCEPTION = 1002

/** Resolves an error code to its name (the engine knows them all). */
export type ErrorNameLookup = (code: number) => Promise<string>

/**
 * Turns anything thrown while serving a request into a {@link ClickHouseFailure}.
 * chDB errors carry `clickhouseCode` and a message that may wrap the same
 * exception several times (`Code: 73. DB::Exception: Code: 73. DB::Exception:
 * … (UNKNOWN_FORMAT) (version …). (UNKNOWN_FORMAT)`) or lack the `(NAME)`
 * suffix altogether; it is normalised to the single-exception text a server
 * sends.
 */
export async function toClickHouseFailure(err: unknown, lookupName: ErrorNameLookup): Promise<ClickHouseFailure> {
  if (err instanceof ClickHouseFailure) return err
  const raw = err instanceof Error ? err.message : String(err)
  const code = engineCodeOf(err) ?? UNKNOWN_EXCEPTION
  const type = await lookupName(code).catch(() => 'UNKNOWN_EXCEPTION')
  return new ClickHouseFailure(code, type, innermostMessage(raw, type))
}

function engineCodeOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null || !('clickhouseCode' in err)) return undefined
  const code = err.clickhouseCode
  return typeof code === 'number' && Number.isInteger(code) ? code : undefined
}

const CODE_PREFIX = /^(?:Code: \d+\. (?:DB::Exception: )?)+/

function innermostMessage(raw: string, type: string): string {
  let message = raw.replace(CODE_PREFIX, '')
  const suffix = message.indexOf(`. (${type})`)
  if (suffix !== -1) message = message.slice(0, suffix)
  // chDB sometimes ends a message with the ": " that introduced the next frame.
  return message.replace(/[\s:]+$/, '') || type
}

/** The body ClickHouse sends for an exception: `Code: N. DB::Exception: msg. (NAME) (version V)`. */
export function failureBody(failure: ClickHouseFailure, version: string): string {
  return `Code: ${failure.code}. DB::Exception: ${failure.message}. (${failure.type}) (version ${version})\n`
}

// Mirrors src/Server/HTTP/exceptionCodeToHTTPStatus.cpp, keyed by name so that
// no numeric table has to be kept in sync by hand.
const STATUS_BY_TYPE: ReadonlyMap<string, number> = new Map([
  ...['REQUIRED_PASSWORD'].map((t) => [t, 401] as const),
  ...['UNKNOWN_USER', 'WRONG_PASSWORD', 'AUTHENTICATION_FAILED', 'SET_NON_GRANTED_ROLE', 'ACCESS_DENIED'].map(
    (t) => [t, 403] as const,
  ),
  ...[
    'BAD_ARGUMENTS', 'CANNOT_COMPILE_REGEXP', 'CANNOT_PARSE_TEXT', 'CANNOT_PARSE_ESCAPE_SEQUENCE',
    'CANNOT_PARSE_QUOTED_STRING', 'CANNOT_PARSE_DATE', 'CANNOT_PARSE_DATETIME', 'CANNOT_PARSE_NUMBER',
    'CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING', 'CANNOT_PARSE_IPV4', 'CANNOT_PARSE_IPV6',
    'CANNOT_PARSE_INPUT_ASSERTION_FAILED', 'CANNOT_PARSE_UUID', 'DUPLICATE_COLUMN', 'ILLEGAL_COLUMN',
    'UNKNOWN_ELEMENT_IN_AST', 'UNKNOWN_TYPE_OF_AST_NODE', 'THERE_IS_NO_COLUMN', 'TOO_DEEP_AST', 'TOO_BIG_AST',
    'UNEXPECTED_AST_STRUCTURE', 'SYNTAX_ERROR', 'INCORRECT_DATA', 'TYPE_MISMATCH', 'VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE',
  ].map((t) => [t, 400] as const),
  ...[
    'UNKNOWN_TABLE', 'UNKNOWN_FUNCTION', 'UNKNOWN_IDENTIFIER', 'UNKNOWN_TYPE', 'UNKNOWN_STORAGE', 'UNKNOWN_DATABASE',
    'UNKNOWN_SETTING', 'UNKNOWN_DIRECTION_OF_SORTING', 'UNKNOWN_AGGREGATE_FUNCTION', 'UNKNOWN_FORMAT',
    'UNKNOWN_DATABASE_ENGINE', 'UNKNOWN_TYPE_OF_QUERY', 'UNKNOWN_ROLE',
  ].map((t) => [t, 404] as const),
  ['QUERY_IS_TOO_LARGE', 413],
  ['NOT_IMPLEMENTED', 501],
  ['SOCKET_TIMEOUT', 503],
  ['CANNOT_OPEN_FILE', 503],
  ['CANNOT_SCHEDULE_TASK', 503],
  ['HTTP_LENGTH_REQUIRED', 411],
  ['TIMEOUT_EXCEEDED', 408],
  ['UNSUPPORTED_MEDIA_TYPE', 415],
])

/** The HTTP status ClickHouse uses for this failure (500 unless it is a client mistake). */
export function httpStatusOf(failure: ClickHouseFailure): number {
  return STATUS_BY_TYPE.get(failure.type) ?? 500
}
