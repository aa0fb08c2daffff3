/**
 * Query `registry_services`: the registered services (not deleted) with
 * their names, agency and targets, for labels and the flags' targets.
 */
import type { Store } from '../../storage/store.js'
import type { Language } from '../language.js'
import { targetsOf, type Targets } from '../../registry/targets.js'
import { run } from '../sql.js'
import { SERVICE_COLUMNS, type ServiceRow } from '../../registry/services.js'

export const NAME = 'registry_services'

export interface RegisteredService {
  id: string
  name_ru: string
  name_en: string
  agency: string
  life_situations: string[]
  targets: Targets
}

/** The name in the asked language, else in the other. */
export const serviceName = (s: RegisteredService, lang: Language | undefined): string =>
  lang === 'en' ? s.name_en || s.name_ru : s.name_ru || s.name_en

export async function registryServices(store: Store): Promise<Map<string, RegisteredService>> {
  const rows = await run<ServiceRow>(
    store,
    NAME,
    `SELECT ${SERVICE_COLUMNS} FROM ${store.table('services')} FINAL WHERE deleted = 0 ORDER BY id LIMIT 100000`,
    {},
  )
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, name_ru: r.name_ru, name_en: r.name_en, agency: r.agency, life_situations: r.life_situations, targets: targetsOf(r) },
    ]),
  )
}
