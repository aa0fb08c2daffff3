/** The published rows as CSV: the same content as the JSON, one row per service and month. */
import type { PublishedRow } from './publication.js'

const COLUMNS = [
  'service',
  'name_ru',
  'name_en',
  'agency',
  'month',
  'complete',
  'responses',
  'journeys',
  'csat',
  'csat_n',
  'nps',
  'nps_n',
  'ces',
  'ces_n',
  'completion_rate',
  'suppressed',
] as const

function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  // A leading = + - @ would be run as a formula by spreadsheets.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\n\r;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

export function toCsv(rows: readonly PublishedRow[]): string {
  const lines = [COLUMNS.join(',')]
  for (const r of rows) {
    const suppressed = Object.entries(r.suppressed)
      .map(([field, reason]) => `${field}=${reason}`)
      .join(';')
    lines.push(COLUMNS.map((c) => cell(c === 'suppressed' ? suppressed : r[c])).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}
