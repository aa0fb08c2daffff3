/**
 * Reads a registry file for `otklik registry import`: JSON or YAML
 * (`{ agencies: [...], life_situations: [...], services: [...] }`, or a bare
 * list of services) and CSV (one service per row, `life_situations`
 * separated by `;`). The format comes from the extension, else from the
 * content. Every entry keeps a label (its line) so that a rejection can be
 * reported where the user can find it.
 */
import { parse as parseCsv } from 'csv-parse/sync'
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml'
import type { RegistryDocument } from '@otklik/contract/schemas'

export type Section = 'agencies' | 'life_situations' | 'services'
export const SECTIONS: readonly Section[] = ['agencies', 'life_situations', 'services']

export interface RegistryFile {
  format: 'json' | 'yaml' | 'csv'
  doc: RegistryDocument
  /** Where each entry is in the file, e.g. `line 12`, by section and index. */
  labels: Record<Section, string[]>
  /** Entries that could not even be read, already labelled. */
  errors: string[]
}

export class RegistryFileError extends Error {}

/** The CSV columns, all but `id` and `name_ru` optional. */
export const CSV_COLUMNS = [
  'id',
  'name_ru',
  'name_en',
  'agency',
  'life_situations',
  'target_csat',
  'target_nps',
  'target_ces',
  'target_completion',
  'target_error_rate',
  'owner_name',
  'owner_contact',
] as const
const NUMERIC = new Set<string>(CSV_COLUMNS.filter((c) => c.startsWith('target_')))
// YAML aliases can multiply a small file into a huge one ("billion laughs").
const MAX_ALIASES = 100

function detectFormat(fileName: string, content: string): RegistryFile['format'] {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  if (ext === 'json') return 'json'
  if (ext === 'yaml' || ext === 'yml') return 'yaml'
  if (ext === 'csv' || ext === 'tsv') return 'csv'
  const text = content.trimStart()
  if (text.startsWith('{') || text.startsWith('[')) return 'json'
  const first = text.split(/\r?\n/, 1)[0] ?? ''
  return /^"?id"?\s*[,;\t]/i.test(first) && !first.includes(': ') ? 'csv' : 'yaml'
}

export function parseRegistryFile(fileName: string, raw: string): RegistryFile {
  const content = raw.replace(/^\uFEFF/, '')
  const format = detectFormat(fileName, content)
  return format === 'csv' ? { format, ...parseCsvRegistry(content) } : { format, ...parseStructured(content, format) }
}

/** JSON is YAML 1.2 too: one parser gives line numbers for both. */
function parseStructured(content: string, format: 'json' | 'yaml') {
  if (format === 'json') {
    try {
      JSON.parse(content)
    } catch (err) {
      throw new RegistryFileError(`not valid JSON: ${(err as Error).message}`)
    }
  }
  const lineCounter = new LineCounter()
  const yaml = parseDocument(content, { lineCounter, uniqueKeys: true, prettyErrors: false })
  const fatal = yaml.errors[0]
  if (fatal) throw new RegistryFileError(`not valid ${format.toUpperCase()}: ${fatal.message.split('\n')[0]} (line ${lineCounter.linePos(fatal.pos[0]).line})`)
  const root = yaml.contents
  const doc: RegistryDocument = { agencies: [], life_situations: [], services: [] }
  const labels: Record<Section, string[]> = { agencies: [], life_situations: [], services: [] }
  let js: unknown
  try {
    js = yaml.toJS({ maxAliasCount: MAX_ALIASES })
  } catch (err) {
    throw new RegistryFileError(`cannot read the file: ${(err as Error).message}`)
  }
  const take = (section: Section, node: unknown, value: unknown) => {
    if (!isSeq(node)) throw new RegistryFileError(`${section}: must be a list`)
    for (const [i, item] of node.items.entries()) {
      const at = (item as { range?: [number, number, number] } | null)?.range?.[0]
      labels[section].push(`${section}[${i}]${at === undefined ? '' : ` (line ${lineCounter.linePos(at).line})`}`)
    }
    doc[section] = Array.isArray(value) ? value : []
  }
  if (isSeq(root)) take('services', root, js)
  else if (isMap(root)) {
    for (const pair of root.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key)
      if (!(SECTIONS as readonly string[]).includes(key)) {
        throw new RegistryFileError(`unknown section "${key}"; a registry file holds ${SECTIONS.join(', ')}`)
      }
      take(key as Section, pair.value, (js as Record<string, unknown>)[key])
    }
  } else throw new RegistryFileError(`expected { ${SECTIONS.join(', ')} } or a list of services`)
  return { doc, labels, errors: [] }
}

function parseCsvRegistry(content: string) {
  const firstLine = content.split(/\r?\n/, 1)[0] ?? ''
  const delimiter = [',', ';', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',')
  const errors: string[] = []
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parseCsv(content, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (err) errors.push(`line ${err.lines}: ${err.message.replace(/^Invalid [A-Za-z ]+: /, '')}`)
      },
    }) as unknown as { record: string[]; info: { lines: number } }[]
  } catch (err) {
    throw new RegistryFileError(`not valid CSV: ${(err as Error).message}`)
  }
  const [head, ...rows] = records
  if (!head) throw new RegistryFileError('the CSV file is empty')
  const columns = head.record.map((c) => c.trim().toLowerCase())
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c))
  if (unknown.length > 0) throw new RegistryFileError(`unknown CSV column ${unknown.map((c) => JSON.stringify(c)).join(', ')}; the columns are ${CSV_COLUMNS.join(', ')}`)
  for (const need of ['id', 'name_ru']) if (!columns.includes(need)) throw new RegistryFileError(`the CSV header has no "${need}" column`)
  const services: unknown[] = []
  const labels: string[] = []
  for (const { record, info } of rows) {
    if (record.length !== columns.length) {
      errors.push(`line ${info.lines}: has ${record.length} fields, the header has ${columns.length}`)
      continue
    }
    const entry: Record<string, unknown> = {}
    columns.forEach((column, i) => {
      const value = (record[i] ?? '').trim()
      if (value === '') return
      if (column === 'life_situations') entry[column] = value.split(/[;|,]/).map((s) => s.trim()).filter(Boolean)
      else if (NUMERIC.has(column)) entry[column] = numberOf(value)
      else entry[column] = value
    })
    services.push(entry)
    labels.push(`line ${info.lines}`)
  }
  return { doc: { agencies: [], life_situations: [], services }, labels: { agencies: [], life_situations: [], services: labels }, errors }
}

/** "0,85" (a Russian spreadsheet) and "0.85" are both 0.85; anything else stays text for the validator to name. */
function numberOf(value: string): number | string {
  const n = Number(value.replace(',', '.'))
  return /^[-+]?\d+([.,]\d+)?$/.test(value) && Number.isFinite(n) ? n : value
}
