/**
 * `otklik import FILE.ndjson`: streams the file line by line (bounded
 * memory), imports it in chunks, reports bad lines by number with the
 * reason, shows progress on stderr and ends with one summary line. Goes
 * through the running server's admin API when a server holds DATA_DIR.
 */
import { createReadStream, statSync } from 'node:fs'
import { CliError, withData, type AdminApi } from './data-access.js'
import type { Config } from '../config.js'
import { identifier } from '@otklik/contract/schemas'
import type { Store } from '../storage/store.js'
import { DEFAULT_IMPORT_SITE, IMPORT_CHUNK, importEvents, type ChunkResult } from '../backfill/import-events.js'
import { readLines } from '../backfill/lines.js'

// No single event can be valid beyond the ingestion body limit.
const MAX_LINE_BYTES = 64 * 1024
// Keeps a chunk sent to the server well under its body limit.
const MAX_CHUNK_BYTES = 8 * 1024 * 1024
const PROGRESS_EVERY_MS = 2000

export interface ImportSummary {
  read: number
  imported: number
  already_present: number
  rejected: number
}

export interface ImportIo {
  out: (line: string) => void
  err: (line: string) => void
  now?: () => number
}

export async function importCommand(config: Readonly<Config>, file: string, opts: { site?: string | undefined }, io: ImportIo): Promise<ImportSummary> {
  const site = opts.site ?? DEFAULT_IMPORT_SITE
  const checked = identifier.safeParse(site)
  if (!checked.success) throw new CliError(`--site ${JSON.stringify(site)}: ${checked.error.issues[0]?.message ?? 'invalid'}`)
  let size: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) throw new CliError(`${file} is not a file`)
    size = stat.size
  } catch (err) {
    if (err instanceof CliError) throw err
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  return withData(config, {
    direct: (store: Store) => run(file, size, (values) => importEvents(store, values, { site, retentionDays: config.retentionDays }), io),
    viaServer: (api: AdminApi) => run(file, size, (values) => api.call<ChunkResult>('POST', '/v1/admin/import', { site, events: values }), io),
  })
}

async function run(file: string, size: number, send: (values: unknown[]) => Promise<ChunkResult>, io: ImportIo): Promise<ImportSummary> {
  const now = io.now ?? Date.now
  const summary: ImportSummary = { read: 0, imported: 0, already_present: 0, rejected: 0 }
  const reject = (line: number, reason: string) => {
    summary.rejected++
    io.err(`line ${line}: ${reason}`)
  }
  let values: unknown[] = []
  let lineNumbers: number[] = []
  let bytes = 0
  let offset = 0
  let lastProgress = now()

  const flush = async () => {
    if (values.length === 0) return
    const result = await send(values)
    summary.imported += result.imported
    summary.already_present += result.already_present
    for (const r of result.rejected) reject(lineNumbers[r.index] ?? 0, r.reason)
    values = []
    lineNumbers = []
    bytes = 0
    if (now() - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now()
      const pct = size > 0 ? ` (${Math.min(100, Math.floor((offset / size) * 100))}%)` : ''
      io.err(`… ${summary.read} lines read${pct}, ${summary.imported} imported`)
    }
  }

  const stream = createReadStream(file, { highWaterMark: 256 * 1024 })
  try {
    for await (const line of readLines(stream, MAX_LINE_BYTES)) {
      offset = line.offset
      if ('error' in line) {
        summary.read++
        reject(line.number, line.error)
        continue
      }
      if (line.text.trim() === '') continue
      summary.read++
      let value: unknown
      try {
        value = JSON.parse(line.text)
      } catch (err) {
        reject(line.number, `not valid JSON: ${(err as Error).message}`)
        continue
      }
      values.push(value)
      lineNumbers.push(line.number)
      bytes += line.text.length
      if (values.length >= IMPORT_CHUNK || bytes >= MAX_CHUNK_BYTES) await flush()
    }
    await flush()
  } catch (err) {
    // What was imported stays; importing the file again adds only the rest.
    const done = `(${summary.imported} events imported before this; importing the file again adds only what is missing)`
    if (err instanceof CliError) throw new CliError(`${err.message} ${done}`)
    const code = (err as NodeJS.ErrnoException).code
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new CliError(`cannot read ${file}: ${code} ${done}`)
    throw err
  } finally {
    stream.destroy()
  }
  io.out(`read ${summary.read} lines: ${summary.imported} imported, ${summary.already_present} already present, ${summary.rejected} rejected`)
  return summary
}
