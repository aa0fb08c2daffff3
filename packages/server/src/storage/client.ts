/**
 * One code path to ClickHouse: `@clickhouse/client`, either over HTTP to a
 * server (`CLICKHOUSE_URL`) or in-process through chDB's `Connection`.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions as ClientOptions, type ClickHouseSettings } from '@clickhouse/client'
import { createChdbConnection } from 'chdb/connection'
import type { Config } from '../config.js'

// Both transports are asked for quoted 64-bit integers so that the rows
// look the same either way; `int64.ts` turns them into numbers.
const SETTINGS: ClickHouseSettings = { output_format_json_quote_64bit_integers: 1 }
const REQUEST_TIMEOUT_MS = 15_000

export function createClickHouseClient(config: Pick<Config, 'clickhouse' | 'dataDir'>): ClickHouseClient {
  const ch = config.clickhouse
  if (ch.url) {
    return createClient({
      url: ch.url,
      username: ch.user ?? 'default',
      password: ch.password ?? '',
      request_timeout: REQUEST_TIMEOUT_MS,
      clickhouse_settings: { ...SETTINGS, ...(ch.cluster ? { insert_distributed_sync: 1 } : {}) },
      // A dead server must fail fast so that ingestion falls back to the spool.
      max_open_connections: 16,
      keep_alive: { enabled: true },
    })
  }
  const path = join(config.dataDir, 'clickhouse')
  mkdirSync(path, { recursive: true })
  // chDB types its Connection against @clickhouse/client-common, which the
  // client now bundles as its own copy: the shapes match, the nominal types don't.
  const connection = createChdbConnection({ path }) as unknown as NonNullable<ClientOptions['connection']>
  return createClient({ connection, clickhouse_settings: SETTINGS })
}
