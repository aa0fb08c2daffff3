/**
 * Agencies and life situations: the same shape (id, names ru/en), stored
 * in versioned tables like services.
 */
import type { Named, NamedInput } from '@otklik/contract/schemas'
import { VersionedTable } from './versioned-table.js'

export type NamedTable = 'agencies' | 'life_situations'

export interface NamedRow {
  id: string
  name_ru: string
  name_en: string
}

const NAMED_COLUMNS = 'id, name_ru, name_en'

export const namedTables: Record<NamedTable, VersionedTable<NamedRow>> = {
  agencies: new VersionedTable('agencies', NAMED_COLUMNS),
  life_situations: new VersionedTable('life_situations', NAMED_COLUMNS),
}

export const namedRowOf = (id: string, input: NamedInput): NamedRow => ({ id, name_ru: input.name_ru, name_en: input.name_en ?? '' })

export const namedOf = (row: NamedRow): Named => ({ id: row.id, name_ru: row.name_ru, name_en: row.name_en || row.name_ru })
