/**
 * Agencies and life situations: the same shape (id, names ru/en), the same
 * versioned writes as services.
 */
import type { Store } from '../storage/store.js'
import type { Named, NamedInput } from '@otklik/contract/schemas'
import { nextVersion } from './version-clock.js'

export type NamedTable = 'agencies' | 'life_situations'

export interface NamedRow {
  id: string
  name_ru: string
  name_en: string
}

const LIMIT = 100_000

export const namedRowOf = (id: string, input: NamedInput): NamedRow => ({ id, name_ru: input.name_ru, name_en: input.name_en ?? '' })

export const namedOf = (row: NamedRow): Named => ({ id: row.id, name_ru: row.name_ru, name_en: row.name_en || row.name_ru })

export async function listNamed(store: Store, table: NamedTable): Promise<NamedRow[]> {
  return store.query<NamedRow>(
    `SELECT id, name_ru, name_en FROM ${store.table(table)} FINAL WHERE deleted = 0 ORDER BY id LIMIT {limit:UInt32}`,
    { limit: LIMIT },
  )
}

export async function getNamed(store: Store, table: NamedTable, id: string): Promise<NamedRow | undefined> {
  const [row] = await store.query<NamedRow>(
    `SELECT id, name_ru, name_en FROM ${store.table(table)} FINAL WHERE id = {id:String} AND deleted = 0`,
    { id },
  )
  return row
}

export async function insertNamedRows(store: Store, table: NamedTable, rows: readonly NamedRow[]): Promise<void> {
  if (rows.length === 0) return
  const version = nextVersion()
  await store.insert(table, rows.map((r) => ({ ...r, updated_at: version, deleted: 0 })))
}

/** Inserts or replaces an entry; true when it did not exist before. */
export async function putNamed(store: Store, table: NamedTable, row: NamedRow): Promise<boolean> {
  const existed = await getNamed(store, table, row.id)
  await insertNamedRows(store, table, [row])
  return !existed
}

export async function deleteNamed(store: Store, table: NamedTable, id: string): Promise<boolean> {
  const row = await getNamed(store, table, id)
  if (!row) return false
  await store.insert(table, [{ ...row, updated_at: nextVersion(), deleted: 1 }])
  return true
}
