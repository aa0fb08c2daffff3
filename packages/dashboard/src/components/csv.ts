/** A table's data as CSV (RFC 4180), for the chart's own download. */
import type { TableData } from './data-table.js'

const quote = (cell: string | number) => {
  const s = String(cell)
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export const toCsv = (data: TableData): string => [data.head, ...data.rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n'
