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

describe('the spool', () => {
  it('gives blocks back oldest first, whole, across a restart', async () => {
    const dir = tempDir()
    const first = rows(3)
    const second = rows(2)
    const spool = new Spool(dir)
    await spool.append(first)
    await spool.append(second)
    const reopened = new Spool(dir)
    expect(reopened.depth).toBe(2)
    const block = await reopened.oldest()
    expect(block?.rows).toEqual(first)
    await reopened.remove(block!.file)
    expect((await reopened.oldest())?.rows).toEqual(second)
  })

  it('ignores a block whose write never completed (it was never acknowledged)', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, '.000000000000001-1-000000.ndjson.tmp'), '{"id":"half')
    const spool = new Spool(dir)
    expect(spool.depth).toBe(0)
    expect(await spool.oldest()).toBeUndefined()
  })

  it('leaves no temporary files behind', async () => {
    const dir = tempDir()
    await new Spool(dir).append(rows(1))
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})
