/**
 * `otklik registry import FILE`: reads the file here, then loads it through
 * the running server's admin API when a server holds DATA_DIR, else
 * directly. Bad entries are reported where they are in the file; the good
 * ones are loaded.
 */
import { readFileSync, statSync } from 'node:fs'
import { CliError, withData } from './data-access.js'
import type { Config } from '../config.js'
import type { ImportResult } from '@otklik/contract/schemas'
import { RegistryFileError, parseRegistryFile, type Section } from '../registry/import-file.js'
import { importRegistry } from '../registry/import-registry.js'

// A registry of public services is thousands of rows, not millions.
const MAX_FILE_BYTES = 50 * 1024 * 1024

export interface ImportOutput {
  out: (line: string) => void
  err: (line: string) => void
}

export async function registryImportCommand(config: Readonly<Config>, file: string, io: ImportOutput): Promise<ImportResult> {
  let content: string
  try {
    if (statSync(file).size > MAX_FILE_BYTES) throw new CliError(`${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`)
    content = readFileSync(file, 'utf8')
  } catch (err) {
    if (err instanceof CliError) throw err
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  let parsed
  try {
    parsed = parseRegistryFile(file, content)
  } catch (err) {
    if (err instanceof RegistryFileError) throw new CliError(`${file}: ${err.message}`)
    throw err
  }
  for (const e of parsed.errors) io.err(`${file}: ${e}: skipped`)
  const result = await withData(config, {
    direct: (store) => importRegistry(store, parsed.doc),
    viaServer: (api) => api.call<ImportResult>('POST', '/v1/registry/import', parsed.doc),
  })
  for (const r of result.rejected) {
    const where = parsed.labels[r.kind as Section][r.index] ?? `${r.kind}[${r.index}]`
    io.err(`${file}: ${where}: ${r.reason}: skipped`)
  }
  const line = (s: Section, name: string) => {
    const c = result[s]
    return `${name}: ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged`
  }
  io.out(
    `${line('agencies', 'agencies')}; ${line('life_situations', 'life situations')}; ${line('services', 'services')}; ` +
      `${result.rejected.length + parsed.errors.length} rejected`,
  )
  return result
}
