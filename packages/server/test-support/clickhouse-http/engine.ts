import { Session } from 'chdb'
import type { ChdbResult } from 'chdb'
import type { ErrorNameLookup } from './errors.js'
import type { SimpleInsert } from './insert-statement.js'

/**
 * Runs statements on chDB the way a ClickHouse server runs HTTP requests.
 *
 * Isolation: a request without `session_id` starts from a clean context on a
 * real server, so here every request gets a connection of its own (a chDB
 * `Session` on the same data directory; opening one costs ~2 ms). `USE`,
 * `SET`, `SET param_*` and anything the statement itself sets die with that
 * connection: no setting (notably `insert_deduplication_token`) can leak into
 * another request, and concurrent requests run in parallel without seeing each
 * other. A long-lived "keeper" connection holds the engine open in between.
 */

/** One HTTP request, reduced to what the engine needs. */
export interface Statement {
  /** SQL text; for an inline INSERT it already carries its rows after a newline. */
  readonly sql: string
  /** Set when the rows of a plain `INSERT … FORMAT X` came in the body. */
  readonly insert: { readonly target: SimpleInsert; readonly data: Buffer } | undefined
  readonly database: string | undefined
  /** Output format unless the SQL has a FORMAT clause. */
  readonly defaultFormat: string
  /** Settings for this request only, as text (the HTTP interface receives them so). */
  readonly settings: ReadonlyMap<string, string>
  /** `{name:Type}` parameters in ClickHouse's escaped text form, as `param_<name>` carries them. */
  readonly params: ReadonlyMap<string, string>
}

/** The `X-ClickHouse-Summary` header: every counter a decimal string, as the server sends them. */
export interface QuerySummary {
  readonly read_rows: string
  readonly read_bytes: string
  readonly written_rows: string
  readonly written_bytes: string
  readonly total_rows_to_read: string
  readonly result_rows: string
  readonly result_bytes: string
  readonly elapsed_ns: string
}

export interface Outcome {
  readonly body: Uint8Array
  readonly summary: QuerySummary
}

/**
 * Settings whose default differs between a ClickHouse server and chDB's build.
 * Applied first on every request, so a request can still override them.
 */
const SERVER_DEFAULTS: ReadonlyMap<string, string> = new Map([
  // The server quotes (U)Int64 in JSON formats; chDB does not by default.
  ['output_format_json_quote_64bit_integers', '1'],
])

export class ChdbEngine {
  readonly #errorNames = new Map<number, string>()
  readonly #keeper: Session

  private constructor(
    readonly dataDir: string,
    keeper: Session,
    /** `version()` of the engine, e.g. `26.7.2.1`. */
    readonly version: string,
    /** The engine's time zone (`timezone()`), taken from `TZ` when the engine starts. */
    readonly timezone: string,
  ) {
    this.#keeper = keeper
  }

  static async open(dataDir: string): Promise<ChdbEngine> {
    const keeper = new Session(dataDir)
    try {
      const row = (await keeper.queryAsync('SELECT version(), timezone()', { format: 'TabSeparatedRaw' })).text()
      const [version = 'unknown', timezone = 'UTC'] = row.trim().split('\t')
      return new ChdbEngine(dataDir, keeper, version, timezone)
    } catch (err) {
      keeper.close()
      throw err
    }
  }

  async run(statement: Statement): Promise<Outcome> {
    const connection = new Session(this.dataDir)
    try {
      await prepare(connection, statement)
      if (statement.insert !== undefined) return await insertRows(connection, statement.insert)
      const result = await connection.queryAsync(statement.sql, { format: statement.defaultFormat })
      return { body: result.bytes(), summary: readSummary(result) }
    } finally {
      connection.close()
    }
  }

  /** Names an error code the way the server does (`errorCodeToName`), cached. */
  readonly errorName: ErrorNameLookup = async (code) => {
    const known = this.#errorNames.get(code)
    if (known !== undefined) return known
    const result = await this.#keeper.queryAsync(`SELECT errorCodeToName(${Math.trunc(code)})`, {
      format: 'TabSeparatedRaw',
    })
    const name = result.text().trim() || 'UNKNOWN_EXCEPTION'
    this.#errorNames.set(code, name)
    return name
  }

  close(): void {
    this.#keeper.close()
  }
}

/** Applies the request's database, settings and parameters to its own connection. */
async function prepare(connection: Session, statement: Statement): Promise<void> {
  if (statement.database !== undefined) {
    await connection.queryAsync(`USE ${quoteIdentifier(statement.database)}`)
  }
  // clickhouse-local accepts `SET param_x = '<text>'`; the engine then parses
  // the text as the placeholder's type exactly as the HTTP handler does.
  const settings = new Map([...SERVER_DEFAULTS, ...statement.settings])
  const assignments = [
    ...[...settings].map(([name, value]) => `${name} = ${quoteString(value)}`),
    ...[...statement.params].map(([name, value]) => `param_${name} = ${quoteString(value)}`),
  ]
  await connection.queryAsync(`SET ${assignments.join(', ')}`)
}

async function insertRows(connection: Session, { target, data }: NonNullable<Statement['insert']>): Promise<Outcome> {
  const nothing = new Uint8Array(0)
  if (isBlank(data)) {
    // chDB skips an empty raw insert without looking at the target; a server
    // still fails on a missing table or column, so check them.
    await connection.queryAsync(`SELECT ${target.columns?.join(', ') ?? '*'} FROM ${target.table} LIMIT 0`)
    return { body: nothing, summary: writeSummary(0, 0, 0) }
  }
  const written = await connection.insert({ table: target.table, columns: target.columns, values: data, format: target.format })
  return { body: nothing, summary: writeSummary(written.rowsWritten, written.bytesWritten, written.elapsed) }
}

function isBlank(data: Buffer): boolean {
  // ASCII whitespace: space, \t, \n, \r.
  return data.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d)
}

function readSummary(result: ChdbResult): QuerySummary {
  // chDB reports result rows/bytes only; they stand in for the read counters too.
  const rows = String(result.rowsRead)
  const bytes = String(result.bytesRead)
  return {
    read_rows: rows,
    read_bytes: bytes,
    written_rows: '0',
    written_bytes: '0',
    total_rows_to_read: '0',
    result_rows: rows,
    result_bytes: bytes,
    elapsed_ns: nanoseconds(result.elapsed),
  }
}

function writeSummary(rowsWritten: number, bytesWritten: number, elapsedSeconds: number): QuerySummary {
  // A server counts an INSERT's rows as read, written and resulting alike.
  const rows = String(rowsWritten)
  const bytes = String(bytesWritten)
  return {
    read_rows: rows,
    read_bytes: bytes,
    written_rows: rows,
    written_bytes: bytes,
    total_rows_to_read: '0',
    result_rows: rows,
    result_bytes: bytes,
    elapsed_ns: nanoseconds(elapsedSeconds),
  }
}

function nanoseconds(seconds: number): string {
  return String(Math.max(0, Math.round(seconds * 1e9)))
}

/** A ClickHouse SQL string literal holding exactly `value`. */
function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\0/g, '\\0')}'`
}

function quoteIdentifier(name: string): string {
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``
}
