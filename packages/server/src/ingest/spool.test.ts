import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support/app.js'
import { answer } from '../../test-support/events.js'
import type { EventRow } from '../storage/events-store.js'
import { normalizeEvents } from './normalize.js'
import { Spool } from './spool.js'

const rows = (n: number): EventRow[] =>
  normalizeEvents(
    Array.from({ length: n }, () => answer(4, { comment: 'строка\nс переводом' })),
    { siteKey: 'demo', offline: false, receivedAt: Date.now(), device: { device: 'mobile', browser: 'Safari', os: 'iOS' } },
  ).rows

/** The oldest block alone, or undefined when the spool is empty. */
const oldest = async (spool: Spool) => (await spool.oldestUpTo(1))[0]

describe('the spool', () => {
  it('keeps listing a block appended while another is being removed', async () => {
    const spool = new Spool(tempDir())
    await spool.append(rows(3))
    const old = await oldest(spool)
    const appending = spool.append(rows(2))
    await spool.remove(old!.file)
    await appending
    expect(spool.depth).toBe(1)
    expect((await oldest(spool))?.rows).toHaveLength(2)
  })

  it('gives blocks back oldest first, whole, across a restart', async () => {
    const dir = tempDir()
    const first = rows(3)
    const second = rows(2)
    const spool = new Spool(dir)
    await spool.append(first)
    await spool.append(second)
    const reopened = new Spool(dir)
    expect(reopened.depth).toBe(2)
    const block = await oldest(reopened)
    expect(block?.rows).toEqual(first)
    await reopened.remove(block!.file)
    expect((await oldest(reopened))?.rows).toEqual(second)
  })

  it('gives the oldest blocks together, in order, up to a number of events, from memory or from disk after a restart', async () => {
    const dir = tempDir()
    const spool = new Spool(dir)
    const blocks = [rows(3), rows(4), rows(5)]
    for (const b of blocks) await spool.append(b)
    expect(spool.heldEvents).toBe(12)
    const rowsOf = (bs: { rows: EventRow[] }[]) => bs.map((b) => b.rows)
    expect(rowsOf(await spool.oldestUpTo(7))).toEqual([blocks[0], blocks[1]])
    // At least one block, however large.
    expect(rowsOf(await spool.oldestUpTo(1))).toEqual([blocks[0]])
    const reopened = new Spool(dir)
    expect(reopened.heldEvents).toBe(0)
    expect(rowsOf(await reopened.oldestUpTo(100))).toEqual(blocks)
    const [first] = await spool.oldestUpTo(1)
    await spool.remove(first!.file)
    expect(spool.heldEvents).toBe(9)
  })

  it('ignores a block whose write never completed (it was never acknowledged)', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, '.000000000000001-1-000000.ndjson.tmp'), '{"id":"half')
    const spool = new Spool(dir)
    expect(spool.depth).toBe(0)
    expect(await oldest(spool)).toBeUndefined()
  })

  it('leaves no temporary files behind', async () => {
    const dir = tempDir()
    await new Spool(dir).append(rows(1))
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('moves blocks that are not whole (cut short by a crash, or garbled) to rejected/ at start-up, keeping the good ones', async () => {
    const dir = tempDir()
    const good = new Spool(dir)
    await good.append(rows(2))
    writeFileSync(join(dir, '000000000000001-1-000000.ndjson'), '{"id":"a","ts":1}\n{"id":"b","t')
    writeFileSync(join(dir, '000000000000002-1-000000.ndjson'), 'not json at all\n')
    const after = new Spool(dir)
    expect(after.depth).toBe(1)
    expect(after.quarantined.sort()).toEqual(['000000000000001-1-000000.ndjson', '000000000000002-1-000000.ndjson'])
    expect(readdirSync(join(dir, 'rejected')).sort()).toEqual(['000000000000001-1-000000.ndjson.corrupt', '000000000000002-1-000000.ndjson.corrupt'])
    expect((await oldest(after))?.rows).toHaveLength(2)
  })

  it('reports the age of its oldest block by the time in its name', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, '001700000000000-1-000000.ndjson'), JSON.stringify(rows(1)[0]) + '\n')
    expect(new Spool(dir).oldestAgeMs(1_700_000_042_000)).toBe(42_000)
    expect(new Spool(tempDir()).oldestAgeMs(1)).toBeUndefined()
  })
})
