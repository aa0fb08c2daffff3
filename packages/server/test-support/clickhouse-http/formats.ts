/**
 * Output-format bookkeeping for response headers. The engine decides the real
 * format (a `FORMAT` clause beats `default_format`); this module only guesses
 * it the same way to fill `X-ClickHouse-Format` and `Content-Type`.
 */

/** ClickHouse's HTTP interface answers in TabSeparated unless told otherwise (chDB's own default is CSV). */
export const HTTP_DEFAULT_FORMAT = 'TabSeparated'

// `… FORMAT X` possibly followed by `SETTINGS …` and a trailing semicolon.
const FORMAT_CLAUSE = /\bFORMAT\s+([A-Za-z][A-Za-z0-9_]*)(?:\s+SETTINGS\b[^;]*)?\s*;?\s*$/i

/** The format named by the statement's own FORMAT clause, if any. */
export function formatClauseOf(sql: string): string | undefined {
  return FORMAT_CLAUSE.exec(sql)?.[1]
}

const BINARY_FORMATS = /^(RowBinary|Native|Parquet|Arrow|ArrowStream|ORC|Avro|Protobuf|CapnProto|MsgPack|Npy|BSONEachRow)/i

/** Content-Type as ClickHouse sends it for a format (close enough for clients, which do not inspect it). */
export function contentTypeOf(format: string): string {
  if (/^(TabSeparated|TSV)/i.test(format)) return 'text/tab-separated-values; charset=UTF-8'
  if (/^CSVWithNames/i.test(format)) return 'text/csv; charset=UTF-8; header=present'
  if (/^CSV/i.test(format)) return 'text/csv; charset=UTF-8; header=absent'
  if (/^JSON/i.test(format)) return 'application/json; charset=UTF-8'
  if (/^XML$/i.test(format)) return 'application/xml; charset=UTF-8'
  if (BINARY_FORMATS.test(format)) return 'application/octet-stream'
  return 'text/plain; charset=UTF-8'
}
