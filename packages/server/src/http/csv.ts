/**
 * The one CSV writer (RFC 4180, CRLF line ends), safe for every reader a
 * civil servant is likely to open it with:
 * - a field holding a delimiter that readers split on (`,`, `;` or tab), a
 *   quote, CR or LF is quoted, with quotes doubled;
 * - a text field starting with a formula starter (= + - @ tab CR) gets a
 *   leading `'`, so that a spreadsheet shows it instead of running it
 *   (numbers are written as they are: -1 stays a number).
 * null and undefined are the empty field.
 */
export type Cell = string | number | boolean | null
export type CsvRecord = Record<string, Cell>

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",;\t\r\n]/

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

function columnsOf(records: readonly CsvRecord[]): string[] {
  const seen = new Set<string>()
  for (const r of records) for (const k of Object.keys(r)) seen.add(k)
  return [...seen]
}
