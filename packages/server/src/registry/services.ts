/**
 * The registry of services: read the latest version of each row (`FINAL`,
 * not deleted), write by inserting a new version, delete with a tombstone.
 */
import type { Store } from '../storage/store.js'
import { toNumber } from '../storage/int64.js'
import type { Service, ServiceInput } from './catalog-schemas.js'
import { DEFAULT_TARGETS, targetsOf } from './targets.js'
import { nextVersion } from './version-clock.js'

/** A services row as stored (targets nullable: null = portfolio default). */
export interface ServiceRow {
  id: string
  name_ru: string
  name_en: string
  agency: string
  life_situations: string[]
  target_csat: number | null
  target_nps: number | null
  target_ces: number | null
  target_completion: number | null
  target_error_rate: number | null
  owner_name: string
  owner_contact: string
}

/** The stored columns of a services row, for every query that reads one. */
export const SERVICE_COLUMNS =
  'id, name_ru, name_en, agency, life_situations, target_csat, target_nps, target_ces, target_completion, target_error_rate, owner_name, owner_contact'
const LIMIT = 100_000

export function rowOf(id: string, input: ServiceInput): ServiceRow {
  const t = input.targets
  return {
    id,
    name_ru: input.name_ru,
    name_en: input.name_en ?? '',
    agency: input.agency ?? '',
    life_situations: [...new Set(input.life_situations)],
    target_csat: t.csat ?? null,
    target_nps: t.nps ?? null,
    target_ces: t.ces ?? null,
    target_completion: t.completion ?? null,
    target_error_rate: t.error_rate ?? null,
    owner_name: input.owner?.name ?? '',
    owner_contact: input.owner?.contact ?? '',
  }
}

/** The API view: effective targets (own or default) beside the own ones. */
export function serviceOf(row: ServiceRow): Service {
  const t = targetsOf(row)
  return {
    id: row.id,
    name_ru: row.name_ru,
    name_en: row.name_en || row.name_ru,
    agency: row.agency || null,
    life_situations: row.life_situations,
    owner: row.owner_name || row.owner_contact ? { name: row.owner_name, contact: row.owner_contact } : null,
    targets: { csat: t.csat, nps: t.nps, ces: t.ces, completion: t.completion, error_rate: t.errorRate },
    custom_targets: {
      csat: row.target_csat,
      nps: row.target_nps,
      ces: row.target_ces,
      completion: row.target_completion,
      error_rate: row.target_error_rate,
    },
  }
}

/** The portfolio defaults in the API's naming. */
export const DEFAULT_TARGETS_VIEW = Object.freeze({
  csat: DEFAULT_TARGETS.csat,
  nps: DEFAULT_TARGETS.nps,
  ces: DEFAULT_TARGETS.ces,
  completion: DEFAULT_TARGETS.completion,
  error_rate: DEFAULT_TARGETS.errorRate,
})

export async function listServiceRows(store: Store, filter: { agency?: string | undefined; life_situation?: string | undefined } = {}): Promise<ServiceRow[]> {
  const where = ['deleted = 0']
  if (filter.agency !== undefined) where.push('agency = {agency:String}')
  if (filter.life_situation !== undefined) where.push('has(life_situations, {ls:String})')
  return store.query<ServiceRow>(
    `SELECT ${SERVICE_COLUMNS} FROM ${store.table('services')} FINAL WHERE ${where.join(' AND ')} ORDER BY id LIMIT {limit:UInt32}`,
    { agency: filter.agency ?? '', ls: filter.life_situation ?? '', limit: LIMIT },
  )
}

export async function getServiceRow(store: Store, id: string): Promise<ServiceRow | undefined> {
  const [row] = await store.query<ServiceRow>(
    `SELECT ${SERVICE_COLUMNS} FROM ${store.table('services')} FINAL WHERE id = {id:String} AND deleted = 0`,
    { id },
  )
  return row
}

export async function insertServiceRows(store: Store, rows: readonly ServiceRow[]): Promise<void> {
  if (rows.length === 0) return
  const version = nextVersion()
  await store.insert('services', rows.map((r) => ({ ...r, updated_at: version, deleted: 0 })))
}

/** Inserts or replaces a service; true when it did not exist before. */
export async function putService(store: Store, row: ServiceRow): Promise<boolean> {
  const existed = await getServiceRow(store, row.id)
  await insertServiceRows(store, [row])
  return !existed
}

export async function deleteService(store: Store, id: string): Promise<boolean> {
  const row = await getServiceRow(store, id)
  if (!row) return false
  await store.insert('services', [{ ...row, updated_at: nextVersion(), deleted: 1 }])
  return true
}

/**
 * Services that sent events recently but are not registered: their events
 * are kept and shown as unregistered until someone adds them.
 */
export async function unregisteredServices(store: Store, days = 90): Promise<{ service: string; events: number }[]> {
  const rows = await store.query<{ service: string; events: unknown }>(
    `SELECT service, count() AS events FROM ${store.table('events')}
     WHERE ts >= now64(3) - toIntervalDay({days:UInt32}) AND service != ''
       AND service NOT IN (SELECT id FROM ${store.table('services')} FINAL WHERE deleted = 0)
     GROUP BY service ORDER BY events DESC, service LIMIT 1000`,
    { days },
  )
  return rows.map((r) => ({ service: r.service, events: toNumber(r.events) }))
}
