/**
 * Group commit: requests hand over their rows and wait; rows are written in
 * blocks (by size or after a short interval), one block at a time. While a
 * block is being written the next one gathers, and is written as soon as
 * that one is settled: under load blocks grow with the load instead of
 * queueing behind each other, each paying the per-block cost again. A
 * request is released only once its rows are durable: inserted, or in the
 * spool when ClickHouse cannot be reached. The spool is replayed first, in
 * order, before any new block, so blocks reach ClickHouse in arrival order.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { EventRow, EventSink } from '../storage/events-store.js'
import type { Metrics } from '../ops/metrics.js'
import type { Spool } from './spool.js'

const RETRY_MIN_MS = 1000
const RETRY_MAX_MS = 30_000

// ClickHouse codes that mean "these rows cannot be stored" (parse and type
// errors): retrying cannot help. Anything else (network, overload, a table
// missing during an upgrade) is worth retrying from the spool.
const DATA_ERROR_CODES = new Set(['6', '25', '26', '27', '38', '41', '53', '69', '70', '72', '117', '131', '321', '376', '441', '691'])

export function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code
  return typeof code === 'string' && DATA_ERROR_CODES.has(code)
}

interface Waiter {
  rows: readonly EventRow[]
  resolve: () => void
  reject: (err: unknown) => void
}

export interface CommitterOptions {
  sink: EventSink
  spool: Spool
  metrics: Metrics
  log: FastifyBaseLogger
  intervalMs: number
  maxEvents: number
}

export class NotDurableError extends Error {
  override name = 'NotDurableError'
}

export class Committer {
  private waiting: Waiter[] = []
  private waitingEvents = 0
  private timer: NodeJS.Timeout | undefined
  private retryTimer: NodeJS.Timeout | undefined
  private retryDelay = RETRY_MIN_MS
  private chain: Promise<void> = Promise.resolve()
  private blocksInFlight = 0
  private closed = false
  private durable = true

  constructor(private readonly o: CommitterOptions) {
    o.metrics.spoolBlocks.set(o.spool.depth)
    for (const file of o.spool.quarantined) o.log.error({ file }, 'a spool block could not be read at start-up; it was moved to spool/rejected')
  }

  /** False after a block could be stored nowhere, until one is stored again. */
  get lastBlockDurable(): boolean {
    return this.durable
  }

  spoolWritable(): Promise<boolean> {
    return this.o.spool.writable()
  }

  oldestSpooledAgeMs(now: number): number | undefined {
    return this.o.spool.oldestAgeMs(now)
  }

  /** Resolves once the rows are durable; rejects with NotDurableError. */
  submit(rows: readonly EventRow[]): Promise<void> {
    if (this.closed) return Promise.reject(new NotDurableError('shutting down'))
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, resolve, reject })
      this.waitingEvents += rows.length
      // The block in flight starts the next one when it is settled.
      if (this.blocksInFlight > 0) return
      if (this.waitingEvents >= this.o.maxEvents) void this.flush()
      else this.timer ??= setTimeout(() => this.flush(), this.o.intervalMs)
    })
  }

  /** Writes what is waiting now (at most one block's worth); resolves when that block is settled. */
  flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    const batch = this.take()
    this.blocksInFlight++
    this.chain = this.chain
      .then(() => this.commit(batch))
      .finally(() => {
        this.blocksInFlight--
        if (this.blocksInFlight === 0 && this.waiting.length > 0) void this.flush()
      })
    return this.chain
  }

  /** The oldest waiters, up to maxEvents rows (at least one waiter). */
  private take(): Waiter[] {
    let events = 0
    let count = 0
    while (count < this.waiting.length && events < this.o.maxEvents) events += this.waiting[count++]!.rows.length
    this.waitingEvents -= events
    return this.waiting.splice(0, count)
  }

  /** Replays the spool now (also done before every block and on a timer). */
  replay(): Promise<boolean> {
    const done = this.chain
      .then(() => this.drainSpool())
      .catch((err: unknown) => {
        // A replay that throws (the spool unreadable) must stop neither the blocks after it nor the process.
        this.o.log.error({ err: describe(err) }, 'spool replay failed')
        return false
      })
    this.chain = done.then(() => undefined)
    return done
  }

  get spoolDepth(): number {
    return this.o.spool.depth
  }

  /** Flushes everything accepted and stops the timers. */
  async close(): Promise<void> {
    do await this.flush()
    while (this.waiting.length > 0)
    this.closed = true
    clearTimeout(this.retryTimer)
  }

  private async commit(batch: Waiter[]): Promise<void> {
    if (batch.length === 0) return
    const rows = uniqueById(batch.flatMap((w) => w.rows))
    try {
      // While backing off from a failure, go straight to the spool rather
      // than make every request wait for ClickHouse to fail again.
      if (this.retryTimer) throw new Error('ClickHouse unavailable, retry pending')
      if (!(await this.drainSpool())) throw new Error('spool not drained')
      await this.write(rows)
      this.o.metrics.insertBatches.inc({ outcome: 'inserted' })
    } catch (err) {
      try {
        await this.o.spool.append(rows)
        this.o.metrics.insertBatches.inc({ outcome: 'spooled' })
        this.o.metrics.spoolBlocks.set(this.o.spool.depth)
        this.o.log.warn({ err: describe(err), events: rows.length }, 'ClickHouse unavailable: events spooled')
        this.scheduleRetry()
      } catch (spoolErr) {
        this.o.metrics.insertBatches.inc({ outcome: 'failed' })
        this.o.log.error({ err: describe(spoolErr) }, 'events could be made durable nowhere')
        this.durable = false
        for (const w of batch) w.reject(new NotDurableError('storage unavailable'))
        return
      }
    }
    this.durable = true
    for (const w of batch) w.resolve()
  }

  /** Inserts the rows that are not stored yet, as one block. */
  private async write(rows: readonly EventRow[]): Promise<void> {
    const stored = await this.o.sink.storedIds(rows)
    const fresh = stored.size === 0 ? rows : rows.filter((r) => !stored.has(r.id))
    if (fresh.length === 0) return
    const end = this.o.metrics.insertSeconds.startTimer()
    try {
      await this.o.sink.insert(fresh)
    } catch (err) {
      if (!isDataError(err)) throw err
      // Validation should make this impossible; if ClickHouse still refuses
      // some rows, find them by halving so that one bad row can never hold
      // up its neighbours (or, from the spool, every later block).
      await this.isolate(fresh, err)
    }
    end()
  }

  private async isolate(rows: readonly EventRow[], err: unknown): Promise<void> {
    if (rows.length === 1) {
      const file = await this.o.spool.quarantine(rows)
      this.o.metrics.insertBatches.inc({ outcome: 'quarantined' })
      this.o.log.error({ err: describe(err), file }, 'ClickHouse refused an event; it was set aside in the spool')
      return
    }
    const half = rows.length >> 1
    for (const part of [rows.slice(0, half), rows.slice(half)]) {
      try {
        await this.o.sink.insert(part)
      } catch (partErr) {
        if (!isDataError(partErr)) throw partErr
        await this.isolate(part, partErr)
      }
    }
  }

  /** Returns true when the spool is empty afterwards. */
  private async drainSpool(): Promise<boolean> {
    const { spool, metrics } = this.o
    for (let block = await spool.oldest(); block; block = await spool.oldest()) {
      try {
        await this.write(block.rows)
      } catch (err) {
        this.o.log.warn({ err: describe(err), blocks: spool.depth }, 'spool replay deferred: ClickHouse still unavailable')
        this.scheduleRetry()
        return false
      }
      await spool.remove(block.file)
      metrics.insertBatches.inc({ outcome: 'replayed' })
      metrics.spoolBlocks.set(spool.depth)
      this.o.log.info({ events: block.rows.length, left: spool.depth }, 'spooled events replayed')
    }
    this.retryDelay = RETRY_MIN_MS
    return true
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined
      void this.replay()
    }, this.retryDelay)
    this.retryTimer.unref()
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS)
  }
}

function uniqueById(rows: readonly EventRow[]): EventRow[] {
  const seen = new Set<string>()
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)))
}

// Errors are logged by message only: a ClickHouse error may echo row data.
function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : String(err)
}
