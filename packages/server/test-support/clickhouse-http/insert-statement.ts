import type { RawInsertFormat } from 'chdb'

/**
 * Recognises the INSERT statements `@clickhouse/client` sends
 * (`INSERT INTO t (a, b) FORMAT JSONEachRow`, rows in the body) so they can
 * go through chDB's raw insert, the only chDB path that reports how many rows
 * it wrote (an inline `INSERT … FORMAT X\n<rows>` query reports 0). Anything
 * fancier returns undefined and runs inline.
 */
export interface SimpleInsert {
  readonly table: string
  readonly columns: readonly string[] | undefined
  readonly format: RawInsertFormat
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
const INSERT =
  /^\s*INSERT\s+INTO\s+(?:TABLE\s+)?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\s*(?:\(([^()]*)\))?\s*FORMAT\s+([A-Za-z]+)\s*;?\s*$/i

// chDB's raw insert takes a whitelist of text formats, spelled exactly so.
const RAW_FORMATS: ReadonlyMap<string, RawInsertFormat> = new Map(
  (
    [
      'JSONEachRow', 'JSONCompactEachRow', 'CSV', 'CSVWithNames',
      'TSV', 'TabSeparated', 'TSVWithNames', 'TabSeparatedWithNames',
    ] as const
  ).map((f) => [f.toLowerCase(), f]),
)

export function parseSimpleInsert(sql: string): SimpleInsert | undefined {
  const match = INSERT.exec(sql)
  if (!match) return undefined
  const [, table, columnList, formatName] = match
  const format = RAW_FORMATS.get((formatName ?? '').toLowerCase())
  if (table === undefined || format === undefined) return undefined
  if (columnList === undefined) return { table, columns: undefined, format }
  const columns = columnList.split(',').map((c) => c.trim())
  if (!columns.every((c) => IDENTIFIER.test(c))) return undefined
  return { table, columns, format }
}
