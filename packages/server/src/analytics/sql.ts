/**
 * Building blocks of the analytics queries. Only fixed fragments chosen from
 * enums (column names, bucket expressions) become SQL text; every value from
 * a request is a typed query parameter.
 */
import type { ClickHouseSettings } from '@clickhouse/client'
import type { BUCKETS, DIMENSIONS } from '@otklik/contract/rules'
import type { QueryParams, Store } from '../storage/store.js'
import { FILTER_COLUMNS, type FilterName, type Scope } from './filters.js'
import { splitDays, type Source, type TimeWindow } from './window.js'

export type Dimension = (typeof DIMENSIONS)[number]

export type Bucket = (typeof BUCKETS)[number]

/** Grouping asked of a query: by a dimension, by a time bucket, both or neither. */
export interface Grouping {
  group?: Dimension | undefined
  bucket?: Bucket | undefined
}

export const groupExpr = (g: Grouping) => (g.group ? FILTER_COLUMNS[g.group] : "''")

/** The bucket (its first day, `YYYY-MM-DD`; weeks start on Monday) of a `Date` expression. */
export function bucketExpr(g: Grouping, day: string): string {
  switch (g.bucket) {
    case undefined:
      return "''"
    case 'day':
      return `toString(${day})`
    case 'week':
      return `toString(toMonday(${day}))`
    case 'month':
      return `toString(toStartOfMonth(${day}))`
  }
}

/** `col IN {f_name:Array(String)}` for each filter set among `names`; `0` for a filter that matches nothing. */
export function filterConditions(scope: Scope, names: readonly FilterName[], params: QueryParams): string[] {
  const out: string[] = []
  for (const name of names) {
    const values = scope.values[name]
    if (values === undefined) continue
    if (values.length === 0) {
      out.push('0')
      continue
    }
    params[`f_${name}`] = values
    out.push(`${FILTER_COLUMNS[name]} IN {f_${name}:Array(String)}`)
  }
  return out
}

export const ALL_FILTERS = Object.keys(FILTER_COLUMNS) as FilterName[]
export const DIMENSION_FILTERS = ALL_FILTERS.filter((n) => n !== 'service')

/** Window parameters: `w_from`/`w_to` (ms) and the whole days `d_from`/`d_to` read from day rollups. */
export function windowParams(w: TimeWindow, source: Source, params: QueryParams, prefix = 'w'): void {
  const days = splitDays(w, source)
  params[`${prefix}_from`] = w.from
  params[`${prefix}_to`] = w.to
  params[`${prefix}_dfrom`] = days.dayFrom
  params[`${prefix}_dto`] = days.dayTo
  params[`${prefix}_dfrom_ms`] = days.dayFromMs
  params[`${prefix}_dto_ms`] = days.dayToMs
}

export const ms = (param: string) => `fromUnixTimestamp64Milli({${param}:Int64}, 'UTC')`

/** Raw events of the window that the whole-day rollup rows do not cover. */
export const rawEdges = (prefix = 'w') =>
  `ts >= ${ms(`${prefix}_from`)} AND ts < ${ms(`${prefix}_to`)} AND NOT (ts >= ${ms(`${prefix}_dfrom_ms`)} AND ts < ${ms(`${prefix}_dto_ms`)})`

/** Rollup rows of the whole days of the window. */
export const rollupDays = (prefix = 'w') => `day >= {${prefix}_dfrom:Date} AND day < {${prefix}_dto:Date}`

export const and = (conditions: readonly string[]) => (conditions.length === 0 ? '1' : conditions.join(' AND '))

/** Runs a named query; the name goes to the server's query log as `log_comment`. */
export function run<T>(store: Store, name: string, sql: string, params: QueryParams, settings: ClickHouseSettings = {}): Promise<T[]> {
  return store.query<T>(sql, params, { ...settings, log_comment: `otklik:${name}` })
}
