/**
 * The local spool: blocks of accepted events that could not be inserted,
 * each in its own file, written to a temporary name, fsync'd and renamed so
 * that a crash leaves either a whole block or none. Replayed oldest first.
 */
import { mkdirSync, readdirSync } from 'node:fs'
import { open, readFile, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { EventRow } from '../storage/events-store.js'

const SUFFIX = '.ndjson'

export interface SpooledBlock {
  file: string
  rows: EventRow[]
}

export class Spool {
  private seq = 0
  private files: string[]

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true })
    // Blocks whose rename never happened were never acknowledged: ignore them.
    this.files = readdirSync(dir)
      .filter((f) => f.endsWith(SUFFIX))
      .sort()
  }

  /** Blocks waiting to be replayed. */
  get depth(): number {
    return this.files.length
  }

  /** Appends a block durably; resolves only once it is on disk. */
  async append(rows: readonly EventRow[]): Promise<void> {
    this.files.push(await this.write(this.dir, rows))
  }

  /**
   * Keeps rows that ClickHouse refuses to store (never replayed) in
   * `rejected/`, for an operator to inspect, rather than drop them.
   */
  async quarantine(rows: readonly EventRow[]): Promise<string> {
    const dir = join(this.dir, 'rejected')
    mkdirSync(dir, { recursive: true })
    return join(dir, await this.write(dir, rows))
  }

  private async write(dir: string, rows: readonly EventRow[]): Promise<string> {
    // Time first so names sort in arrival order across restarts.
    const name = `${Date.now().toString().padStart(15, '0')}-${process.pid}-${String(this.seq++).padStart(6, '0')}${SUFFIX}`
    const tmp = join(dir, `.${name}.tmp`)
    const handle = await open(tmp, 'w', 0o600)
    try {
      await handle.writeFile(rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, join(dir, name))
    await syncDir(dir)
    return name
  }

  /** The oldest block, or undefined when the spool is empty. */
  async oldest(): Promise<SpooledBlock | undefined> {
    const file = this.files[0]
    if (file === undefined) return undefined
    const text = await readFile(join(this.dir, file), 'utf8')
    const rows = text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as EventRow)
    return { file, rows }
  }

  async remove(file: string): Promise<void> {
    await unlink(join(this.dir, file)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err
    })
    this.files = this.files.filter((f) => f !== file)
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
