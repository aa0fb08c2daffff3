/**
 * The registry's tables (services, agencies, life situations) are
 * ReplacingMergeTree tables keyed by `id`: read the latest version of each
 * row (`FINAL`, not deleted), write by inserting a new version, delete with
 * a tombstone. One implementation for all of them.
 */
import type { QueryParams, Store } from '../storage/store.js'
import { nextVersion } from './version-clock.js'

// A registry of public services is thousands of rows, not millions.
const LIMIT = 100_000

export interface RowFilter {
  /** SQL conditions joined by AND, with `{name:Type}` parameters. */
  where: string[]
  params: QueryParams
}

export class VersionedTable<Row extends { id: string }> {
  /** `columns`: the stored columns of a row, comma-separated, without the version and tombstone. */
  constructor(
    readonly name: string,
    readonly columns: string,
  ) {}

  list(store: Store, filter: RowFilter = { where: [], params: {} }): Promise<Row[]> {
    const where = ['deleted = 0', ...filter.where].join(' AND ')
    return store.query<Row>(`SELECT ${this.columns} FROM ${store.table(this.name)} FINAL WHERE ${where} ORDER BY id LIMIT {limit:UInt32}`, {
      ...filter.params,
      limit: LIMIT,
    })
  }

  async get(store: Store, id: string): Promise<Row | undefined> {
    const [row] = await store.query<Row>(`SELECT ${this.columns} FROM ${store.table(this.name)} FINAL WHERE id = {id:String} AND deleted = 0`, { id })
    return row
  }

  /** Writes rows as their newest version (one version for the block). */
  async insert(store: Store, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return
    const version = nextVersion()
    await store.insert(this.name, rows.map((r) => ({ ...r, updated_at: version, deleted: 0 })))
  }

  /** Inserts or replaces a row; true when it did not exist before. */
  async put(store: Store, row: Row): Promise<boolean> {
    const existed = await this.get(store, row.id)
    await this.insert(store, [row])
    return !existed
  }

  /** Deletes a row; false when there was none. */
  async delete(store: Store, id: string): Promise<boolean> {
    const row = await this.get(store, id)
    if (!row) return false
    await store.insert(this.name, [{ ...row, updated_at: nextVersion(), deleted: 1 }])
    return true
  }
}
