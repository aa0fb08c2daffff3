/**
 * The local spool: blocks of accepted events not inserted yet (ClickHouse
 * unreachable, or busy with the block before), each in its own file, written
 * to a temporary name, fsync'd and renamed so that a crash leaves either a
 * whole block or none. Replayed oldest first. The rows of blocks written by
 * this process stay in memory too, so that a replay under load reads no file.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync } from 'node:fs'
import { open, readFile, rename, unlink, writeFile } from 'node:fs/promises'
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
  /** Rows of blocks this process wrote, by file, until removed. */
  private readonly held = new Map<string, EventRow[]>()
  private heldRows = 0
  /** Blocks found unreadable at start-up (a crash, a bad disk), moved to `rejected/`. */
  readonly quarantined: string[] = []

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true })
    // Blocks whose rename never happened were never acknowledged: ignore them.
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(SUFFIX))
      .sort()
    this.files = files.filter((f) => {
      if (parseBlock(readFileSync(join(dir, f), 'utf8'))) return true
      mkdirSync(join(dir, 'rejected'), { recursive: true })
      renameSync(join(dir, f), join(dir, 'rejected', `${f}.corrupt`))
      this.quarantined.push(f)
      return false
    })
  }

  /** Age of the oldest waiting block (its name starts with the time it was written). */
  oldestAgeMs(now: number): number | undefined {
    const file = this.files[0]
    return file === undefined ? undefined : Math.max(0, now - Number(file.slice(0, 15)))
  }

  /** Whether a block could be written now (a small file written, synced and removed). */
  async writable(): Promise<boolean> {
    const probe = join(this.dir, `.probe-${process.pid}`)
    try {
      await writeFile(probe, 'x', { mode: 0o600, flush: true })
      await unlink(probe)
      return true
    } catch {
      return false
    }
  }

  /** Blocks waiting to be replayed. */
  get depth(): number {
    return this.files.length
  }

  /** Events in the blocks this process wrote and has not removed yet. */
  get heldEvents(): number {
    return this.heldRows
  }

  /** Blocks this process wrote and has not removed yet. */
  get heldBlocks(): number {
    return this.held.size
  }

  /** Appends a block durably; resolves only once it is on disk. */
  async append(rows: readonly EventRow[]): Promise<void> {
    // Read `files` only once written: remove() may replace the list meanwhile.
    const name = await this.write(this.dir, rows)
    this.files.push(name)
    // Two appends may overlap: the list stays in name order, which is arrival order.
    if (this.files.length > 1 && this.files.at(-2)! > name) this.files.sort()
    this.held.set(name, [...rows])
    this.heldRows += rows.length
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

  /** The oldest blocks, in order, up to `maxEvents` rows together (at least one block while any is left). */
  async oldestUpTo(maxEvents: number): Promise<SpooledBlock[]> {
    const blocks: SpooledBlock[] = []
    let events = 0
    for (const file of [...this.files]) {
      if (blocks.length > 0 && events + (this.held.get(file)?.length ?? 0) > maxEvents) break
      const rows = await this.rowsOf(file)
      blocks.push({ file, rows })
      events += rows.length
      if (events >= maxEvents) break
    }
    return blocks
  }

  private async rowsOf(file: string): Promise<EventRow[]> {
    return this.held.get(file) ?? parseBlock(await readFile(join(this.dir, file), 'utf8')) ?? []
  }

  async remove(file: string): Promise<void> {
    await unlink(join(this.dir, file)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err
    })
    this.files = this.files.filter((f) => f !== file)
    this.heldRows -= this.held.get(file)?.length ?? 0
    this.held.delete(file)
  }

  /** Whether a block written before or at `file` is still waiting. */
  holdsUpTo(file: string): boolean {
    return this.files.length > 0 && this.files[0]! <= file
  }

  /** The newest waiting block's name (blocks sort by name in arrival order). */
  get newest(): string | undefined {
    return this.files.at(-1)
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

/** The rows of a block, or undefined when it is not whole (every line one JSON object, ending in a newline). */
function parseBlock(text: string): EventRow[] | undefined {
  if (!text.endsWith('\n')) return undefined
  try {
    const rows = text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as unknown)
    return rows.every((r) => typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string') ? (rows as EventRow[]) : undefined
  } catch {
    return undefined
  }
}
