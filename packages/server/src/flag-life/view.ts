/**
 * A flag's public shape (the API's items, webhook payloads, mail): what the
 * rule found, its status, owner and action, with the explanation in both
 * languages. The owner is the flag's own, else its service's in the registry.
 */
import { PublicFlagSchema } from '@otklik/contract/schemas'
import type { z } from 'zod'
import type { Flag } from '../analytics/flags/evaluate.js'
import { explain } from '../analytics/flags/explain.js'
import type { Store } from '../storage/store.js'
import type { FlagState } from './states.js'

export interface ServiceInfo {
  id: string
  name_ru: string
  name_en: string
  agency: string
  owner_name: string
  owner_contact: string
}

export async function serviceInfo(store: Store): Promise<Map<string, ServiceInfo>> {
  const rows = await store.query<ServiceInfo>(
    `SELECT id, name_ru, name_en, agency, owner_name, owner_contact FROM ${store.table('services')} FINAL WHERE deleted = 0 ORDER BY id LIMIT 100000`,
  )
  return new Map(rows.map((r) => [r.id, r]))
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export type PublicFlag = z.infer<typeof PublicFlagSchema>
export { PublicFlagSchema }

export function ownerOf(s: FlagState, service: ServiceInfo | undefined): PublicFlag['owner'] {
  if (s.owner_name || s.owner_contact) return { name: s.owner_name, contact: s.owner_contact }
  if (service && (service.owner_name || service.owner_contact)) return { name: service.owner_name, contact: service.owner_contact }
  return null
}

export function publicFlag(s: FlagState, service: ServiceInfo | undefined): PublicFlag {
  const f = JSON.parse(s.flag) as Flag
  const ru = service?.name_ru || service?.name_en || s.service
  const en = service?.name_en || service?.name_ru || s.service
  return {
    id: s.id,
    service: s.service,
    name: { ru, en },
    agency: service?.agency || null,
    rule: s.rule,
    metric: s.metric,
    ...(s.step ? { step: s.step } : {}),
    ...(s.dimension ? { dimension: s.dimension, group: s.grp } : {}),
    status: s.status,
    firing: s.firing,
    first_seen: iso(s.first_seen) as string,
    last_seen: iso(s.last_seen) as string,
    owner: ownerOf(s, service),
    action: s.action_due === null ? null : { note: s.action_note, due: iso(s.action_due) as string },
    public_note: s.public_note || null,
    resolved_at: iso(s.resolved_at),
    verified_at: iso(s.verified_at),
    value: f.value,
    interval: f.interval,
    n: f.n,
    explanation: { ru: explain(f, ru, 'ru'), en: explain(f, en, 'en') },
  }
}
