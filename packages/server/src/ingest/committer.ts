/**
 * Group commit: requests hand over their rows and wait; rows are written in
 * blocks (by size or after a short interval), one block at a time. A request
 * is released only once its rows are durable: inserted, or in the spool.
 *
 * On a quiet server the rows are inserted and then released. A busy server
 * does not keep requests waiting on inserts: what arrives while a block is
 * being written is appended to the spool every few milliseconds (fsync'd,
 * one file per group) and released, and so is a group of more than two full
 * batches; the spool is then inserted in blocks of up to `maxEvents`. An
 * insert costs ClickHouse about as much for 400 rows as for 2,000 (five
 * parts, one per view), so under load this keeps blocks large and each
 * request's wait to one fsync instead of one or two inserts. Past
 * `maxBacklog` spooled events, requests wait for inserts again: the spool
 * never outgrows what ClickHouse takes. The same spool holds blocks while
 * ClickHouse cannot be reached, and it is replayed first, in order, before
 * any new block, so blocks reach ClickHouse in arrival order.
 *
 * Reads of the API wait for what was released before them to be inserted
 * (`caughtUp()`), so a client still reads its own writes.
 */
import type { FastifyBaseLogger } from 'fastify'
import { LIMITS } from '@otklik/contract/rules'
import type { EventRow, EventSink } from '../storage/events-store.js'
import type { Metrics } from '../ops/metrics.js'
import type { Spool } from './spool.js'

const RETRY_MIN_MS = 1000
const RETRY_MAX_MS = 30_000
// How long rows arriving during an insert gather before they are spooled: one fsync per group.
const SPILL_MS = 5
// Past two full batches a group is not one client's: the server is busy (see commit()).
const SPOOL_FIRST_EVENTS = 2 * LIMITS.maxEvents
// Spooled events not yet inserted, in blocks, past which requests wait for inserts.
const BACKLOG_BLOCKS = 4

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
  /** Spooled events past which requests wait for inserts instead (default 4 blocks). */
  maxBacklog?: number
}

export class NotDurableError extends Error {
  override name = 'NotDurableError'
}

export class Committer {
  private waiting: Waiter[] = []
  private waitingEvents = 0
  private timer: NodeJS.Timeout | undefined
  private spillTimer: NodeJS.Timeout | undefined
  private spilling: Promise<void> = Promise.resolve()
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
      // The block in flight starts the next one when it is settled; meanwhile the rows go to the spool.
      if (this.blocksInFlight > 0) {
        this.spillTimer ??= setTimeout(() => void this.spill(), Math.min(SPILL_MS, this.o.intervalMs))
        return
      }
      if (this.waitingEvents >= this.o.maxEvents) void this.flush()
      else this.timer ??= setTimeout(() => this.flush(), this.o.intervalMs)
    })
  }

  /** Writes what is waiting now (at most one block's worth); resolves when that block is settled. */
  flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    this.blocksInFlight++
    this.chain = this.chain
      // A group being spooled is older than what waits now: it goes first.
      .then(() => this.spilling)
      .then(() => this.commit(this.take()))
      .finally(() => {
        this.blocksInFlight--
        if (this.blocksInFlight > 0) return
        if (this.waiting.length > 0 || (this.o.spool.heldEvents > 0 && !this.retryTimer && !this.closed)) void this.flush()
      })
    return this.chain
  }

  /**
   * Resolves once every event released before the call is inserted, or at
   * once while ClickHouse is unreachable (then they cannot be read anyway).
   */
  async caughtUp(): Promise<void> {
    const { spool } = this.o
    await this.spilling
    const mark = spool.newest
    if (mark === undefined) return
    while (spool.holdsUpTo(mark) && !this.retryTimer && !this.closed) await (this.blocksInFlight > 0 ? this.chain : this.flush())
  }

  /** Drains the spool; a failure to read it is logged, never thrown into the chain of blocks. */
  private async insertSpooled(): Promise<void> {
    await this.drainSpool().catch((err: unknown) => {
      this.o.log.error({ err: describe(err) }, 'spool replay failed')
      this.scheduleRetry()
    })
  }

  private backlogFull(): boolean {
    return this.o.spool.heldEvents >= (this.o.maxBacklog ?? BACKLOG_BLOCKS * this.o.maxEvents)
  }

  /** Spools what gathered while a block is being inserted, and releases it. */
  private async spill(): Promise<void> {
    this.spillTimer = undefined
    // Settled meanwhile: the block after it is on its way and takes these rows.
    if (this.waiting.length === 0 || this.blocksInFlight === 0) return
    // A full backlog: these wait for inserts, which slows the clients down to what ClickHouse takes.
    if (this.backlogFull()) return
    const batch = this.waiting.splice(0)
    this.waitingEvents = 0
    this.spilling = this.spoolAndRelease(batch, uniqueById(batch.flatMap((w) => w.rows))).then((spooled) => {
      if (!spooled) {
        // The spool cannot take them: they wait for the next insert instead.
        this.waiting.unshift(...batch)
        this.waitingEvents += batch.reduce((n, w) => n + w.rows.length, 0)
      }
      // The block it waited on was settled meanwhile, and found nothing to go on with: start the next.
      if (this.blocksInFlight === 0 && !this.retryTimer && !this.closed) void this.flush()
    })
    await this.spilling
  }

  /** Releases the waiters once their rows are in the spool; false when the spool refused them. */
  private async spoolAndRelease(batch: readonly Waiter[], rows: readonly EventRow[]): Promise<boolean> {
    try {
      await this.o.spool.append(rows)
    } catch {
      return false
    }
    this.o.metrics.insertBatches.inc({ outcome: 'spooled_under_load' })
    this.o.metrics.spoolBlocks.set(this.o.spool.depth)
    this.durable = true
    for (const w of batch) w.resolve()
    return true
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

  /** Flushes everything accepted (inserting what the spool holds, if ClickHouse takes it) and stops the timers. */
  async close(): Promise<void> {
    clearTimeout(this.spillTimer)
    do await this.flush()
    while (this.waiting.length > 0)
    this.closed = true
    clearTimeout(this.retryTimer)
  }

  private async commit(batch: Waiter[]): Promise<void> {
    if (batch.length === 0) {
      // Nothing new: insert what was spooled under load.
      if (this.o.spool.depth > 0 && !this.retryTimer) await this.insertSpooled()
      return
    }
    const rows = uniqueById(batch.flatMap((w) => w.rows))
    // A group this large means a busy server: its requests are released as
    // soon as it is in the spool rather than after the insert, so that they
    // do not all wait on it together (clients that send as soon as they are
    // answered would otherwise keep arriving in one group per insert).
    if (rows.length > SPOOL_FIRST_EVENTS && !this.retryTimer && !this.backlogFull() && (await this.spoolAndRelease(batch, rows))) {
      await this.insertSpooled()
      return
    }
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

  /** Inserts the rows that are not stored yet, as one block; `retried` after a failure, or from an earlier run. */
  private async write(rows: readonly EventRow[], retried = false): Promise<void> {
    const stored = await this.o.sink.storedIds(rows, { thorough: retried })
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

  /** Inserts the spool, oldest first, several blocks at a time; returns true when it is empty afterwards. */
  private async drainSpool(): Promise<boolean> {
    const { spool, metrics } = this.o
    // Blocks left by a failure or an earlier run are logged, and may have been
    // inserted in part (see storedEventIds); those spooled under load are routine.
    const outage = this.retryDelay > RETRY_MIN_MS || spool.depth > spool.heldBlocks
    let replayed = 0
    for (let blocks = await spool.oldestUpTo(this.o.maxEvents); blocks.length > 0; blocks = await spool.oldestUpTo(this.o.maxEvents)) {
      const rows = uniqueById(blocks.flatMap((b) => b.rows))
      try {
        await this.write(rows, outage)
      } catch (err) {
        this.o.log.warn({ err: describe(err), blocks: spool.depth }, 'spool replay deferred: ClickHouse still unavailable')
        this.scheduleRetry()
        return false
      }
      for (const b of blocks) await spool.remove(b.file)
      metrics.insertBatches.inc({ outcome: 'replayed' })
      metrics.spoolBlocks.set(spool.depth)
      replayed += rows.length
    }
    if (outage && replayed > 0) this.o.log.info({ events: replayed }, 'spooled events replayed')
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
