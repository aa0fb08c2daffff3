/** The published rows as CSV: the same content as the JSON, one row per service and month. */
import { toCsv, type CsvRecord } from '../http/csv.js'
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

/** Suppression reasons, `field=reason` joined by `;` (quoted by the writer). */
export function publishedCsv(rows: readonly PublishedRow[]): string {
  const records = rows.map((r): CsvRecord => {
    const suppressed = Object.entries(r.suppressed)
      .map(([field, reason]) => `${field}=${reason}`)
      .join(';')
    return { ...r, suppressed }
  })
  return toCsv(records, COLUMNS)
}
