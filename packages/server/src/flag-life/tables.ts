/**
 * The tables of the flag lifecycle, its webhooks and its mail (one
 * migration): evaluations, the state of each flag (one row per flag, the
 * latest version wins), its history, webhook subscriptions and their
 * deliveries, and the mail sent once per key. Owners join the registry's
 * services; a token may be restricted to one agency.
 */
import { createTable, quoteIdent, type DdlTarget, type TableSpec } from '../storage/ddl.js'

const TIME = "DateTime64(3, 'UTC')"

export const FLAG_EVALUATIONS_TABLE: TableSpec = {
  name: 'flag_evaluations',
  columns: ['id String', `at ${TIME}`, `window_from ${TIME}`, `window_to ${TIME}`, 'trigger LowCardinality(String)', 'flags UInt32', 'tests UInt32', 'duration_ms UInt32'],
  engine: { kind: 'MergeTree' },
  orderBy: 'at',
  distribution: { kind: 'everywhere' },
}

export const FLAG_STATES_TABLE: TableSpec = {
  name: 'flag_states',
  columns: [
    'id String',
    'service String',
    'rule LowCardinality(String)',
    'metric LowCardinality(String)',
    'step String',
    'dimension LowCardinality(String)',
    'grp String',
    'status LowCardinality(String)',
    `first_seen ${TIME}`,
    `last_seen ${TIME}`,
    'firing UInt8',
    'owner_name String',
    'owner_contact String',
    'action_note String',
    `action_due Nullable(${TIME})`,
    'public_note String',
    `changed_at ${TIME}`,
    `resolved_at Nullable(${TIME})`,
    `verified_at Nullable(${TIME})`,
    `quiet_from Nullable(${TIME})`,
    'overdue_sent UInt8',
    // JSON: the flag as last seen, its figure when it was resolved, the complaint terms behind it.
    'flag String',
    'before String',
    'terms String',
    'version UInt64',
  ],
  engine: { kind: 'ReplacingMergeTree', version: 'version' },
  orderBy: 'id',
  distribution: { kind: 'everywhere' },
}

export const FLAG_HISTORY_TABLE: TableSpec = {
  name: 'flag_history',
  columns: [
    'flag_id String',
    `at ${TIME}`,
    'seq UInt64',
    'kind LowCardinality(String)', // evaluation | status
    'evaluation String',
    'fired UInt8',
    'status_from LowCardinality(String)',
    'status_to LowCardinality(String)',
    'actor String',
    'note String',
    `due Nullable(${TIME})`,
    'figure String',
  ],
  engine: { kind: 'MergeTree' },
  orderBy: '(flag_id, at, seq)',
  distribution: { kind: 'everywhere' },
}

export const WEBHOOKS_TABLE: TableSpec = {
  name: 'webhooks',
  columns: ['id String', 'url String', 'secret String', 'events Array(String)', `created_at ${TIME}`, `updated_at ${TIME}`, 'deleted UInt8 DEFAULT 0'],
  engine: { kind: 'ReplacingMergeTree', version: 'updated_at' },
  orderBy: 'id',
  distribution: { kind: 'everywhere' },
}

export const WEBHOOK_DELIVERIES_TABLE: TableSpec = {
  name: 'webhook_deliveries',
  columns: [
    'id String',
    'webhook_id String',
    'event LowCardinality(String)',
    'body String',
    'status LowCardinality(String)', // pending | delivered | failed
    'attempts UInt32',
    `next_at ${TIME}`,
    'last_code Int32',
    'last_error String',
    `created_at ${TIME}`,
    `delivered_at Nullable(${TIME})`,
    'version UInt64',
  ],
  engine: { kind: 'ReplacingMergeTree', version: 'version' },
  orderBy: '(webhook_id, id)',
  distribution: { kind: 'everywhere' },
}

export const MAIL_LOG_TABLE: TableSpec = {
  name: 'mail_log',
  columns: ['key String', 'kind LowCardinality(String)', 'recipients UInt32', `sent_at ${TIME}`],
  engine: { kind: 'MergeTree' },
  orderBy: 'key',
  distribution: { kind: 'everywhere' },
}

const onCluster = (t: DdlTarget) => (t.cluster ? ` ON CLUSTER ${quoteIdent(t.cluster)}` : '')
const addColumn = (t: DdlTarget, table: string, column: string) =>
  `ALTER TABLE ${quoteIdent(t.database)}.${quoteIdent(table)}${onCluster(t)} ADD COLUMN IF NOT EXISTS ${column}`

export function flagLifeStatements(t: DdlTarget): string[] {
  return [
    ...[FLAG_EVALUATIONS_TABLE, FLAG_STATES_TABLE, FLAG_HISTORY_TABLE, WEBHOOKS_TABLE, WEBHOOK_DELIVERIES_TABLE, MAIL_LOG_TABLE].flatMap((spec) => createTable(t, spec)),
    addColumn(t, 'services', "owner_name String DEFAULT ''"),
    addColumn(t, 'services', "owner_contact String DEFAULT ''"),
    addColumn(t, 'api_tokens', "agency String DEFAULT ''"),
  ]
}
