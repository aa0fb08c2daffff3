/**
 * CSV export (RFC 4180): a header row, then one line per record, CRLF line
 * ends, a field quoted when it holds a comma, a quote, CR or LF (quotes
 * doubled). Nested objects become dotted columns (`csat.value`); arrays
 * become their JSON text in one cell; null is the empty field. A text cell
 * starting with = + - @ or a tab is prefixed with ' so that a spreadsheet
 * never runs it as a formula (numbers are written as they are).
 */
import { ZodArray, ZodDefault, ZodEnum, ZodNullable, ZodObject, ZodOptional, ZodRecord, type z } from 'zod'

export type Cell = string | number | boolean | null
export type CsvRecord = Record<string, Cell>

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** Flattens nested objects into dotted keys; arrays become JSON text. */
export function flatten(value: Record<string, unknown>, prefix = '', out: CsvRecord = {}): CsvRecord {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key
    if (v === undefined) continue
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[name] = v
    else if (Array.isArray(v)) out[name] = JSON.stringify(v)
    else if (typeof v === 'object') flatten(v as Record<string, unknown>, name, out)
    else out[name] = String(v)
  }
  return out
}

/** The text of one field. */
export function csvField(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  let text = typeof cell === 'string' ? cell : String(cell)
  if (typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** CSV of records; columns in order of first appearance unless given. */
export function toCsv(records: readonly CsvRecord[], columns?: readonly string[]): string {
  const cols = columns ?? columnsOf(records)
  const lines = [cols.map(csvField).join(',')]
  for (const r of records) lines.push(cols.map((c) => csvField(r[c])).join(','))
  return `${lines.join('\r\n')}\r\n`
}

/**
 * The CSV columns of a list response's records, from its zod schema: the
 * first array in the object, its element flattened like `flatten` does. So
 * an empty result still has its header row.
 */
export function columnsOfList(response: z.ZodType): string[] | undefined {
  const shape = objectShape(response)
  const list = shape && Object.values(shape).map(unwrap).find((s) => s instanceof ZodArray)
  return list instanceof ZodArray ? flatColumns(list.element as z.ZodType, '') : undefined
}

export function flatColumns(schema: z.ZodType, prefix = ''): string[] {
  const inner = unwrap(schema)
  // A record keyed by an enum has a known set of keys: one column each.
  if (inner instanceof ZodRecord && inner.keyType instanceof ZodEnum) {
    return (inner.keyType.options as string[]).flatMap((key) => flatColumns(inner.valueType as z.ZodType, prefix ? `${prefix}.${key}` : key))
  }
  const shape = objectShape(schema)
  if (!shape) return prefix ? [prefix] : []
  return Object.entries(shape).flatMap(([key, child]) => flatColumns(child as z.ZodType, prefix ? `${prefix}.${key}` : key))
}

const objectShape = (schema: z.ZodType) => {
  const s = unwrap(schema)
  return s instanceof ZodObject ? (s.shape as Record<string, z.ZodType>) : undefined
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema
  while (s instanceof ZodOptional || s instanceof ZodNullable || s instanceof ZodDefault) s = s.unwrap() as z.ZodType
  return s
}

function columnsOf(records: readonly CsvRecord[]): string[] {
  const seen = new Set<string>()
  for (const r of records) for (const k of Object.keys(r)) seen.add(k)
  return [...seen]
}
