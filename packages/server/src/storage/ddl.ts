/**
 * DDL that reads the same on one embedded engine and on a ClickHouse
 * cluster. With a cluster, every statement runs `ON CLUSTER`, each table is
 * a `Replicated*MergeTree` local table and sharded tables get a
 * `Distributed` table in front under the plain name, so queries never change.
 */
export interface DdlTarget {
  database: string
  cluster?: string | undefined
}

export type Engine =
  | { kind: 'MergeTree' }
  | { kind: 'ReplacingMergeTree'; version: string }
  | { kind: 'AggregatingMergeTree' }
  | { kind: 'SummingMergeTree' }

export interface TableSpec {
  name: string
  columns: readonly string[]
  engine: Engine
  orderBy: string
  partitionBy?: string
  ttl?: string | undefined
  indexes?: readonly string[]
  settings?: Readonly<Record<string, string | number>>
  /**
   * `sharded` (facts: spread over shards by `shardingKey`) or `everywhere`
   * (small registry tables: one copy on every replica of every shard).
   */
  distribution?: { kind: 'sharded'; shardingKey: string } | { kind: 'everywhere' }
}

const LOCAL_SUFFIX = '_local'

const onCluster = (t: DdlTarget) => (t.cluster ? ` ON CLUSTER ${quoteIdent(t.cluster)}` : '')

export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`)
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name}\``
}

/** The table that holds a sharded table's rows: `name_local` in a cluster, else `name`. */
export function storageTable(t: DdlTarget, name: string): string {
  return t.cluster ? `${name}${LOCAL_SUFFIX}` : name
}

const isSharded = (spec: TableSpec) => spec.distribution?.kind !== 'everywhere'
const holder = (t: DdlTarget, spec: TableSpec) => (isSharded(spec) ? storageTable(t, spec.name) : spec.name)

function engineClause(t: DdlTarget, spec: TableSpec): string {
  const { engine } = spec
  const args: string[] = []
  let name: string = engine.kind
  if (t.cluster) {
    // An `everywhere` table shares one replication path across all shards.
    const path = `/clickhouse/tables/${isSharded(spec) ? '{shard}' : 'all'}/${t.database}/${holder(t, spec)}`
    args.push(`'${path}'`, `'{replica}'`)
    name = `Replicated${engine.kind}`
  }
  if (engine.kind === 'ReplacingMergeTree') args.push(engine.version)
  return `${name}(${args.join(', ')})`
}

export function createDatabase(t: DdlTarget): string {
  return `CREATE DATABASE IF NOT EXISTS ${quoteIdent(t.database)}${onCluster(t)}`
}

/** The statements that create a table (and its Distributed front, in a cluster). */
export function createTable(t: DdlTarget, spec: TableSpec): string[] {
  const db = quoteIdent(t.database)
  const local = holder(t, spec)
  const body = [...spec.columns, ...(spec.indexes ?? []).map((i) => `INDEX ${i}`)].join(',\n  ')
  const settings = Object.entries(spec.settings ?? {})
    .map(([k, v]) => `${k} = ${typeof v === 'number' ? v : `'${v}'`}`)
    .join(', ')
  const create = [
    `CREATE TABLE IF NOT EXISTS ${db}.${local}${onCluster(t)} (\n  ${body}\n)`,
    `ENGINE = ${engineClause(t, spec)}`,
    spec.partitionBy ? `PARTITION BY ${spec.partitionBy}` : '',
    `ORDER BY ${spec.orderBy}`,
    spec.ttl ? `TTL ${spec.ttl}` : '',
    settings ? `SETTINGS ${settings}` : '',
  ]
    .filter(Boolean)
    .join('\n')
  const statements = [create]
  if (t.cluster && isSharded(spec)) {
    const key = spec.distribution?.kind === 'sharded' ? spec.distribution.shardingKey : 'rand()'
    statements.push(
      `CREATE TABLE IF NOT EXISTS ${db}.${spec.name}${onCluster(t)} AS ${db}.${local}\n` +
        `ENGINE = Distributed(${quoteIdent(t.cluster)}, ${db}, ${local}, ${key})`,
    )
  }
  return statements
}

/**
 * A materialized view from one table into another; in a cluster it reads
 * and writes the local tables, so each shard aggregates its own rows.
 */
export function createMaterializedView(t: DdlTarget, name: string, opts: { from: string; to: string; select: string }): string {
  const db = quoteIdent(t.database)
  const select = opts.select.replaceAll('{from}', `${db}.${storageTable(t, opts.from)}`)
  return `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.${name}${onCluster(t)} TO ${db}.${storageTable(t, opts.to)} AS\n${select}`
}

/** `ALTER TABLE` on the table that holds a sharded table's rows. */
export function alterShardedTable(t: DdlTarget, name: string, change: string): string {
  return `ALTER TABLE ${quoteIdent(t.database)}.${storageTable(t, name)}${onCluster(t)} ${change}`
}
