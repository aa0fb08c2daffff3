import { rmSync, writeFileSync } from 'node:fs'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support/app.js'
import { answer } from '../../test-support/events.js'
import { createMetrics } from '../ops/metrics.js'
import type { EventRow, EventSink } from '../storage/events-store.js'
import { Committer, NotDurableError } from './committer.js'
import { normalizeEvents } from './normalize.js'
import { Spool } from './spool.js'

const rows = (n: number): EventRow[] =>
  normalizeEvents(
    Array.from({ length: n }, () => answer(4)),
    { siteKey: 'demo', offline: false, receivedAt: Date.now(), device: { device: 'desktop', browser: 'Chrome', os: 'Linux' } },
  ).rows

/** An in-memory sink that can be switched off, to stand for ClickHouse going away. */
function flakySink() {
  const stored = new Map<string, EventRow>()
  const inserts: number[] = []
  /** Sizes of the lookups asked of the events themselves. */
  const thorough: number[] = []
  return {
    up: true,
    stored,
    inserts,
    thorough,
    async storedIds(rs: readonly EventRow[], options: { thorough?: boolean } = {}) {
      if (!this.up) throw new Error('connection refused')
      if (options.thorough) thorough.push(rs.length)
      return new Set(rs.filter((r) => stored.has(r.id)).map((r) => r.id))
    },
    async insert(rs: readonly EventRow[]) {
      if (!this.up) throw new Error('connection refused')
      inserts.push(rs.length)
      for (const r of rs) stored.set(r.id, r)
    },
  } satisfies EventSink & Record<string, unknown>
}

/** `sink` with its first insert held until released: a block in flight for as long as a test needs. */
function firstInsertHeld(sink: ReturnType<typeof flakySink>) {
  let release = () => {}
  let started = () => {}
  const gate = new Promise<void>((resolve) => (release = resolve))
  const inFlight = new Promise<void>((resolve) => (started = resolve))
  let first = true
  const held: EventSink = {
    storedIds: (rs, options) => sink.storedIds(rs, options),
    insert: async (rs) => {
      if (first) {
        first = false
        started()
        await gate
      }
      await sink.insert(rs)
    },
  }
  return { sink: held, release, inFlight }
}

const committer = (sink: EventSink, dir = tempDir(), maxEvents = 1000) =>
  new Committer({ sink, spool: new Spool(dir), metrics: createMetrics(), log: pino({ level: 'silent' }), intervalMs: 5, maxEvents })

describe('group commit', () => {
  it('writes concurrent submissions as one block', async () => {
    const sink = flakySink()
    const c = committer(sink)
    await Promise.all([c.submit(rows(3)), c.submit(rows(4)), c.submit(rows(5))])
    expect(sink.inserts).toEqual([12])
    await c.close()
  })

  it('flushes at once when a block reaches its size', async () => {
    const sink = flakySink()
    const c = committer(sink, tempDir(), 10)
    await Promise.all([c.submit(rows(6)), c.submit(rows(6)), c.submit(rows(3))])
    expect(sink.inserts).toEqual([12, 3])
    await c.close()
  })

  it('releases what arrives while a block is being written once it is in the spool, then inserts it as one block', async () => {
    const sink = flakySink()
    const { sink: slow, release, inFlight } = firstInsertHeld(sink)
    const dir = tempDir()
    const c = committer(slow, dir)
    const first = c.submit(rows(2))
    await inFlight
    // Spaced wider than the spool's gathering time: each is a group of its own.
    const later: Promise<void>[] = []
    for (const n of [3, 4, 5]) {
      later.push(c.submit(rows(n)))
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    // Released while the first block is still being written: durable in the spool.
    await Promise.all(later)
    expect(sink.inserts).toEqual([])
    expect(c.spoolDepth).toBe(3)
    const caughtUp = c.caughtUp()
    release()
    await Promise.all([first, caughtUp])
    expect(sink.inserts).toEqual([2, 12])
    expect(c.spoolDepth).toBe(0)
    await c.close()
  })

  it('inserts what was spooled while a block was being written even when that block settled before the spool write did', async () => {
    const sink = flakySink()
    const { sink: slow, release: releaseInsert, inFlight } = firstInsertHeld(sink)
    const spool = new Spool(tempDir())
    let releaseAppend = () => {}
    let appendStarted = () => {}
    const appendGate = new Promise<void>((resolve) => (releaseAppend = resolve))
    const appending = new Promise<void>((resolve) => (appendStarted = resolve))
    const append = spool.append.bind(spool)
    // A slow disk: the spool's fsync ends after the block it waited on.
    spool.append = async (rows) => {
      appendStarted()
      await appendGate
      return append(rows)
    }
    const c = new Committer({ sink: slow, spool, metrics: createMetrics(), log: pino({ level: 'silent' }), intervalMs: 5, maxEvents: 1000 })
    const first = c.submit(rows(2))
    await inFlight
    const later = c.submit(rows(3))
    await appending
    releaseInsert()
    await first
    releaseAppend()
    await later
    // No other request comes: the spooled rows must still reach the store.
    for (let i = 0; i < 100 && sink.stored.size < 5; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(sink.stored.size).toBe(5)
    await c.close()
  })

  it('keeps requests waiting for inserts once the spool holds its backlog', async () => {
    const sink = flakySink()
    const { sink: slow, release, inFlight } = firstInsertHeld(sink)
    const c = new Committer({ sink: slow, spool: new Spool(tempDir()), metrics: createMetrics(), log: pino({ level: 'silent' }), intervalMs: 5, maxEvents: 1000, maxBacklog: 4 })
    let done = 0
    const first = c.submit(rows(2))
    await inFlight
    const spilled = c.submit(rows(5)).then(() => done++)
    await spilled
    const held = c.submit(rows(3)).then(() => done++)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(done).toBe(1)
    expect(c.spoolDepth).toBe(1)
    release()
    await Promise.all([first, spilled, held])
    expect(sink.stored.size).toBe(10)
    await c.close()
  })

  it('spools while the sink is down and replays in order when it is back, each event once', async () => {
    const sink = flakySink()
    const c = committer(sink)
    const a = rows(2)
    const b = rows(3)
    sink.up = false
    await c.submit(a)
    await c.submit(b)
    await c.submit(a) // a client retry while down
    expect(c.spoolDepth).toBeGreaterThan(0)
    expect(sink.stored.size).toBe(0)
    sink.up = true
    expect(await c.replay()).toBe(true)
    expect(c.spoolDepth).toBe(0)
    expect([...sink.stored.keys()].sort()).toEqual([...a, ...b].map((r) => r.id).sort())
    // The spooled blocks go in together, in arrival order, checked against the events themselves (an insert may have been cut short).
    expect(sink.inserts).toEqual([5])
    expect(sink.thorough).toEqual([5])
    await c.close()
  })

  it('rejects with NotDurableError when neither the sink nor the spool can take the events', async () => {
    const sink = flakySink()
    sink.up = false
    const dir = tempDir()
    const c = committer(sink, dir)
    // The spool's directory becomes a file: no write can succeed, even as root.
    rmSync(dir, { recursive: true })
    writeFileSync(dir, 'not a directory')
    await expect(c.submit(rows(1))).rejects.toBeInstanceOf(NotDurableError)
    await c.close()
  })

  it('close() flushes everything accepted', async () => {
    const sink = flakySink()
    const c = new Committer({ sink, spool: new Spool(tempDir()), metrics: createMetrics(), log: pino({ level: 'silent' }), intervalMs: 60_000, maxEvents: 1000 })
    const pending = c.submit(rows(7))
    await c.close()
    await pending
    expect(sink.stored.size).toBe(7)
  })
})

describe('a spool that cannot be read', () => {
  it('fails its replay alone: the blocks after it are still written, and nothing is thrown at the process', async () => {
    const sink = flakySink()
    const spool = new Spool(tempDir())
    let broken = true
    const oldest = spool.oldestUpTo.bind(spool)
    // The disk answers EIO once, as a failing disk does.
    spool.oldestUpTo = async (maxEvents) => {
      if (broken) {
        broken = false
        throw Object.assign(new Error('i/o error'), { code: 'EIO' })
      }
      return oldest(maxEvents)
    }
    const c = new Committer({ sink, spool, metrics: createMetrics(), log: pino({ level: 'silent' }), intervalMs: 5, maxEvents: 1000 })
    expect(await c.replay()).toBe(false)
    await c.submit(rows(2))
    expect(sink.stored.size).toBe(2)
    await c.close()
  })
})
