/**
 * The registry of services: rows as stored (a versioned table), their API
 * view with effective targets, and the services that send events unregistered.
 */
import type { Store } from '../storage/store.js'
import { toNumber } from '../storage/int64.js'
import type { Service, ServiceInput } from '@otklik/contract/schemas'
import { DEFAULT_TARGETS, targetsOf } from './targets.js'
import { VersionedTable } from './versioned-table.js'

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

export const serviceTable = new VersionedTable<ServiceRow>('services', SERVICE_COLUMNS)

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

export function listServiceRows(store: Store, filter: { agency?: string | undefined; life_situation?: string | undefined } = {}): Promise<ServiceRow[]> {
  const where: string[] = []
  if (filter.agency !== undefined) where.push('agency = {agency:String}')
  if (filter.life_situation !== undefined) where.push('has(life_situations, {ls:String})')
  return serviceTable.list(store, { where, params: { agency: filter.agency ?? '', ls: filter.life_situation ?? '' } })
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
