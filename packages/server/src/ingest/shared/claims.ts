/**
 * Event ids claimed in Redis before they are stored, so that one batch
 * retried to two instances at once is stored once: within one process the
 * committer drops ids already stored, but two processes each see the other's
 * block only once it is inserted.
 *
 * An id is claimed `pending` by the instance storing it (SET NX), marked
 * `stored` once its block is durable, and released if it could not be made
 * durable. Another instance given the same id drops it when it is `stored`
 * (its client gets 202, as for any retry), waits while it is `pending`, and
 * answers 503 (retry later) if it stays pending, never 202 for events
 * nobody has made durable. A claimant that dies leaves a pending claim that
 * expires after PENDING_TTL_MS; a stored mark lives STORED_TTL_MS, after
 * which the committer's lookup of stored ids is the check again.
 */
import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { EventRow } from '../../storage/events-store.js'

const KEY_PREFIX = 'otklik:event:'
const PENDING_TTL_MS = 30_000
const STORED_TTL_MS = 10 * 60_000
const WAIT_STEP_MS = 50
const WAIT_MAX_MS = 3000
const STORED = 's'

// Per key: 1 when claimed now, else the current value (a claimant's mark or STORED).
const CLAIM = `
local out = {}
for i, key in ipairs(KEYS) do
  if redis.call('SET', key, ARGV[1], 'NX', 'PX', ARGV[2]) then out[i] = 1 else out[i] = redis.call('GET', key) or 0 end
end
return out
`
// Deletes the keys this instance still holds as pending.
const RELEASE = `
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('DEL', key) end
end
return 0
`

export class ClaimWaitError extends Error {
  override name = 'ClaimWaitError'
}

export interface Claimed {
  /** Rows this instance must store (and then confirm or release). */
  mine: EventRow[]
  /** How many rows another instance has stored already. */
  storedElsewhere: number
}

export class EventClaims {
  private readonly pending = `p:${randomBytes(8).toString('hex')}`

  constructor(
    private readonly redis: Redis,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /**
   * Claims the rows' ids; waits for ids another instance is storing. Throws
   * ClaimWaitError when some stay pending (the client should retry), after
   * releasing what it claimed; Redis errors propagate (the caller decides).
   */
  async claim(rows: readonly EventRow[]): Promise<Claimed> {
    const mine: EventRow[] = []
    let storedElsewhere = 0
    let open = [...rows]
    for (let waited = 0; open.length > 0; waited += WAIT_STEP_MS) {
      if (waited > 0) await this.sleep(WAIT_STEP_MS)
      const verdicts = (await this.redis.eval(CLAIM, open.length, ...open.map(key), this.pending, PENDING_TTL_MS)) as (number | string)[]
      const still: EventRow[] = []
      open.forEach((row, i) => {
        const v = verdicts[i]
        if (v === 1) mine.push(row)
        else if (v === STORED) storedElsewhere++
        else still.push(row)
      })
      open = still
      if (open.length > 0 && waited >= WAIT_MAX_MS) {
        await this.release(mine)
        throw new ClaimWaitError(`${open.length} events of this batch are being stored by another instance`)
      }
    }
    return { mine, storedElsewhere }
  }

  /** The rows are durable: later copies are dropped. */
  async confirm(rows: readonly EventRow[]): Promise<void> {
    if (rows.length === 0) return
    const tx = this.redis.pipeline()
    for (const r of rows) tx.set(key(r), STORED, 'PX', STORED_TTL_MS)
    await tx.exec()
  }

  /** The rows could not be made durable: a retry anywhere may claim them again. */
  async release(rows: readonly EventRow[]): Promise<void> {
    if (rows.length === 0) return
    await this.redis.eval(RELEASE, rows.length, ...rows.map(key), this.pending)
  }
}

const key = (r: EventRow) => `${KEY_PREFIX}${r.id}`
