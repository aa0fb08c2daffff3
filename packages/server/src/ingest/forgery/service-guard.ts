/**
 * Which services a web site's events may name: its policy (any, registered,
 * or a list), and, for `any`, at most MAX_UNREGISTERED_PER_DAY distinct
 * unregistered services per site and UTC day, so that junk ids cannot
 * flood the analysts' views. Events past the cap are rejected one by one.
 */
import type { Site } from '../../registry/sites.js'
import type { EventRow } from '../../storage/events-store.js'
import type { Store } from '../../storage/store.js'

export const MAX_UNREGISTERED_PER_DAY = 20
const REGISTRY_TTL_MS = 10_000
const DAY_MS = 86_400_000

export interface ServiceRefusal {
  row: EventRow
  code: 'service_not_allowed' | 'service_cap'
  reason: string
}

export class ServiceGuard {
  private registered: { ids: Set<string>; at: number } | undefined
  private refreshing: Promise<void> | undefined
  /** site|day → unregistered services seen that day (seeded from stored events). */
  private seen = new Map<string, Set<string>>()

  constructor(private readonly store: Store) {}

  /** Splits `rows` into the ones the site may send and refusals with reasons. */
  async check(site: Site, rows: readonly EventRow[], now: number): Promise<{ kept: EventRow[]; refused: ServiceRefusal[] }> {
    const named = rows.some((r) => r.service !== '')
    if (!named) return { kept: [...rows], refused: [] }
    const registered = await this.registeredIds(now)
    const kept: EventRow[] = []
    const refused: ServiceRefusal[] = []
    for (const row of rows) {
      const refusal = await this.refusal(site, registered, row.service, now)
      if (refusal) refused.push({ row, ...refusal })
      else kept.push(row)
    }
    return { kept, refused }
  }

  private async refusal(site: Site, registered: Set<string> | undefined, service: string, now: number): Promise<Omit<ServiceRefusal, 'row'> | undefined> {
    const policy = site.services
    if (service === '') return undefined
    if (Array.isArray(policy)) {
      return policy.includes(service) ? undefined : { code: 'service_not_allowed', reason: 'service: is not among the services this site may send' }
    }
    // While the registry cannot be read, accept rather than lose events.
    if (registered === undefined || registered.has(service)) return undefined
    if (policy === 'registered') return { code: 'service_not_allowed', reason: 'service: this site sends only services in the registry' }
    if (await this.admitUnregistered(site.key, service, now)) return undefined
    return { code: 'service_cap', reason: `service: this site named ${MAX_UNREGISTERED_PER_DAY} unregistered services today already; register it first` }
  }

  private async admitUnregistered(site: string, service: string, now: number): Promise<boolean> {
    const day = Math.floor(now / DAY_MS)
    const key = `${site}|${day}`
    let set = this.seen.get(key)
    if (!set) {
      set = await this.storedUnregistered(site, day * DAY_MS)
      for (const k of this.seen.keys()) if (!k.endsWith(`|${day}`)) this.seen.delete(k)
      this.seen.set(key, set)
    }
    if (set.has(service)) return true
    if (set.size >= MAX_UNREGISTERED_PER_DAY) return false
    set.add(service)
    return true
  }

  /** The site's unregistered services received since `from` (after a restart, or from another process). */
  private async storedUnregistered(site: string, from: number): Promise<Set<string>> {
    const rows = await this.store
      .query<{ service: string }>(
        `SELECT DISTINCT service FROM ${this.store.table('events')}
         WHERE ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') - toIntervalDay(31) AND received_at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND site_id = {site:String} AND service != ''
           AND service NOT IN (SELECT id FROM ${this.store.table('services')} FINAL WHERE deleted = 0)
         LIMIT {limit:UInt32}`,
        { site, from, limit: MAX_UNREGISTERED_PER_DAY },
      )
      .catch(() => [])
    return new Set(rows.map((r) => r.service))
  }

  /**
   * Registered service ids, cached briefly; undefined while the registry
   * cannot be read. A stale list is answered at once while one refresh runs:
   * under load every request would otherwise wait for its own read.
   */
  private async registeredIds(now: number): Promise<Set<string> | undefined> {
    if (this.registered && now - this.registered.at < REGISTRY_TTL_MS) return this.registered.ids
    this.refreshing ??= this.store
      .query<{ id: string }>(`SELECT id FROM ${this.store.table('services')} FINAL WHERE deleted = 0 LIMIT 1000000`)
      .then((rows) => {
        this.registered = { ids: new Set(rows.map((r) => r.id)), at: now }
      })
      // Keep the last answer, however old.
      .catch(() => {})
      .finally(() => (this.refreshing = undefined))
    if (!this.registered) await this.refreshing
    return this.registered?.ids
  }
}

/** The index in the batch of the event a row came from (ids are unique within a batch). */
export function indexOfRow(events: readonly unknown[], row: EventRow): number {
  return events.findIndex((e) => typeof e === 'object' && e !== null && String((e as { id?: unknown }).id).toLowerCase() === row.id)
}
