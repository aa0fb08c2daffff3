/**
 * The storage handle every feature receives: the client, the database it
 * lives in and a few helpers that keep SQL parametrized and names qualified.
 */
import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client'
import type { Config } from '../config.js'
import { createClickHouseClient } from './client.js'
import { quoteIdent, type DdlTarget } from './ddl.js'

export type QueryParams = Record<string, unknown>

export interface Store {
  readonly client: ClickHouseClient
  readonly target: DdlTarget
  /** True when the engine runs in this process (chDB). */
  readonly embedded: boolean
  /** `database.table`, quoted. */
  table(name: string): string
  /** Rows of a parametrized SELECT; keep result sets bounded. */
  query<T = Record<string, unknown>>(sql: string, params?: QueryParams, settings?: ClickHouseSettings): Promise<T[]>
  command(sql: string, params?: QueryParams): Promise<void>
  insert(table: string, rows: readonly object[], settings?: ClickHouseSettings): Promise<void>
  ping(): Promise<boolean>
  close(): Promise<void>
}

export function createStore(config: Pick<Config, 'clickhouse' | 'dataDir'>, client = createClickHouseClient(config)): Store {
  const target: DdlTarget = { database: config.clickhouse.database, cluster: config.clickhouse.cluster }
  const db = quoteIdent(target.database)
  return {
    client,
    target,
    embedded: !config.clickhouse.url,
    table: (name) => `${db}.${quoteIdent(name)}`,
    async query<T>(sql: string, params: QueryParams = {}, settings: ClickHouseSettings = {}) {
      const rs = await client.query({ query: sql, query_params: params, format: 'JSONEachRow', clickhouse_settings: settings })
      return rs.json<T>()
    },
    async command(sql, params = {}) {
      await client.command({ query: sql, query_params: params })
    },
    async insert(table, rows, settings = {}) {
      if (rows.length === 0) return
      // chDB applies per-query settings with SET, which outlives the query: a
      // deduplication token left behind would make the next insert a
      // "duplicate" and drop it silently. Every insert says its own token.
      const clickhouse_settings = { insert_deduplication_token: '', ...settings }
      await client.insert({ table: `${db}.${quoteIdent(table)}`, values: rows as object[], format: 'JSONEachRow', clickhouse_settings })
    },
    async ping() {
      const r = await client.ping().catch(() => ({ success: false }))
      return r.success
    },
    close: () => client.close(),
  }
}
