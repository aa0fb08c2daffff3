import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ClickHouseError, ClickHouseLogLevel, createClient } from '@clickhouse/client'
import type { ClickHouseClient } from '@clickhouse/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnClickHouseHttpServer } from './spawn.js'
import type { SpawnedClickHouseHttpServer } from './spawn.js'

// Everything goes through @clickhouse/client's real HTTP transport, against a
// child process running chDB behind the ClickHouse HTTP interface.

const DATABASE = 'otklik_http_test'

let dataDir: string
let server: SpawnedClickHouseHttpServer
let client: ClickHouseClient
const clients: ClickHouseClient[] = []

type ClientOptions = NonNullable<Parameters<typeof createClient>[0]>

// Expected failures (bad password, killed server) would otherwise be logged as errors.
const QUIET = { log: { level: ClickHouseLogLevel.OFF } } as const

function connect(options: ClientOptions = {}): ClickHouseClient {
  const c = createClient({ url: server.url, database: DATABASE, ...QUIET, ...options })
  clients.push(c)
  return c
}

async function createEventsTable(name: string): Promise<void> {
  await client.command({
    query: `CREATE TABLE ${name} (id UUID, service String, at DateTime64(3, 'UTC'), n UInt64)
            ENGINE = MergeTree ORDER BY (service, at)
            SETTINGS non_replicated_deduplication_window = 100`,
  })
}

async function countRows(table: string): Promise<number> {
  const rows = await (await client.query({ query: `SELECT count() AS c FROM ${table}`, format: 'JSONEachRow' })).json<{ c: string }>()
  return Number(rows[0]?.c)
}

function event(id: string, n: number): { id: string; service: string; at: number; n: number } {
  return { id, service: 'passport', at: 1_700_000_000_123, n }
}

const uuid = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'otklik-ch-http-'))
  server = await spawnClickHouseHttpServer({ dataDir })
  const admin = createClient({ url: server.url, ...QUIET })
  clients.push(admin)
  await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${DATABASE}` })
  client = connect()
})

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()))
  await server?.stop()
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true })
})

describe('ClickHouse HTTP interface over chDB', () => {
  it('answers ping, GET /ping and GET / with "Ok."', async () => {
    await expect(client.ping()).resolves.toEqual({ success: true })
    await expect(client.ping({ select: true })).resolves.toEqual({ success: true })
    for (const path of ['/ping', '/']) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('Ok.\n')
    }
  })

  it('inserts JSONEachRow into a MergeTree table and reports the written rows', async () => {
    await createEventsTable('inserted')
    const result = await client.insert({
      table: 'inserted',
      values: [event(uuid(1), 1), event(uuid(2), 2)],
      format: 'JSONEachRow',
    })
    expect(result.summary?.written_rows).toBe('2')
    const rows = await (
      await client.query({ query: 'SELECT id, n FROM inserted ORDER BY n', format: 'JSONEachRow' })
    ).json<{ id: string; n: string }>()
    expect(rows).toEqual([
      { id: uuid(1), n: '1' },
      { id: uuid(2), n: '2' },
    ])
  })

  it('binds query_params of type Array(UUID), String, DateTime64 and UInt64 as a server does', async () => {
    await createEventsTable('bound')
    await client.insert({ table: 'bound', values: [1, 2, 3].map((i) => event(uuid(i), i)), format: 'JSONEachRow' })
    const text = `it's "quoted" \\ back\\slash\nnew line\tтаб привет 🙂`
    const at = new Date(1_700_000_000_123)

    const resultSet = await client.query({
      query: `SELECT
                (SELECT groupArray(n) FROM (SELECT n FROM bound WHERE id IN {ids:Array(UUID)} ORDER BY n)) AS ns,
                {text:String} AS text,
                toUnixTimestamp64Milli({at:DateTime64(3, 'UTC')}) AS at_ms,
                {big:UInt64} AS big,
                {small:UInt8} + 1 AS small`,
      query_params: { ids: [uuid(1), uuid(3)], text, at, big: 18_446_744_073_709_551_615n, small: 5 },
      format: 'JSONEachRow',
    })
    expect(await resultSet.json()).toEqual([
      { ns: ['1', '3'], text, at_ms: String(at.getTime()), big: '18446744073709551615', small: 6 },
    ])
  })

  it('reads query_params from a multipart body when the client sends them so', async () => {
    const multipart = connect({ use_multipart_params: true })
    const text = `multi\npart 'quoted' привет`
    const rows = await (
      await multipart.query({ query: 'SELECT {text:String} AS text, {n:UInt32} AS n', query_params: { text, n: 7 }, format: 'JSONEachRow' })
    ).json()
    expect(rows).toEqual([{ text, n: 7 }])
  })

  it('runs command and exec, and exec returns the raw result stream', async () => {
    await client.command({ query: 'CREATE TABLE IF NOT EXISTS commanded (n UInt8) ENGINE = Memory' })
    await client.command({ query: 'INSERT INTO commanded VALUES (1), (2)' })
    const { stream } = await client.exec({ query: 'SELECT n FROM commanded ORDER BY n FORMAT TabSeparated' })
    let body = ''
    for await (const chunk of stream) body += String(chunk)
    expect(body).toBe('1\n2\n')
  })

  it('reports an unknown table as ClickHouseError 60 UNKNOWN_TABLE', async () => {
    const failure = await client.query({ query: 'SELECT * FROM no_such_table', format: 'JSONEachRow' }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ClickHouseError)
    expect(failure).toMatchObject({ code: '60', type: 'UNKNOWN_TABLE' })
    expect((failure as ClickHouseError).message).toContain('no_such_table')
  })

  it('reports a malformed insert as a ClickHouseError with the engine code and name', async () => {
    await createEventsTable('malformed')
    const failure = await client
      .insert({ table: 'malformed', values: [{ id: 'not-a-uuid', n: 1 }], format: 'JSONEachRow' })
      .catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(ClickHouseError)
    expect((failure as ClickHouseError).type).toMatch(/^[A-Z_]+$/)
    expect(Number((failure as ClickHouseError).code)).toBeGreaterThan(0)
  })

  it('deduplicates a retried insert by insert_deduplication_token, and the token does not leak into the next insert', async () => {
    await createEventsTable('deduplicated')
    const retried = { table: 'deduplicated', values: [event(uuid(1), 1)], format: 'JSONEachRow' } as const
    await client.insert({ ...retried, clickhouse_settings: { insert_deduplication_token: 'batch-1' } })
    await client.insert({ ...retried, clickhouse_settings: { insert_deduplication_token: 'batch-1' } })
    expect(await countRows('deduplicated')).toBe(1)

    // Different rows without a token: were the token still applied, this block would be dropped.
    await client.insert({ table: 'deduplicated', values: [event(uuid(2), 2)], format: 'JSONEachRow' })
    expect(await countRows('deduplicated')).toBe(2)
  })

  it('quotes 64-bit integers as a server does, unless output_format_json_quote_64bit_integers is 0', async () => {
    const query = 'SELECT toUInt64(18446744073709551615) AS u, toInt64(-5) AS i, toUInt32(7) AS small'
    const quoted = await (
      await client.query({ query, format: 'JSONEachRow', clickhouse_settings: { output_format_json_quote_64bit_integers: 1 } })
    ).json()
    expect(quoted).toEqual([{ u: '18446744073709551615', i: '-5', small: 7 }])
    expect(await (await client.query({ query, format: 'JSONEachRow' })).json()).toEqual(quoted)
    const unquoted = await (
      await client.query({ query: 'SELECT toInt64(-5) AS i', format: 'JSONEachRow', clickhouse_settings: { output_format_json_quote_64bit_integers: 0 } })
    ).json()
    expect(unquoted).toEqual([{ i: -5 }])
  })

  it('keeps the settings of concurrent requests apart and forgets them afterwards', async () => {
    const seen = await Promise.all(
      [1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008].map(async (blockSize) => {
        const rows = await (
          await client.query({
            query: "SELECT getSetting('max_block_size') AS b FROM numbers(1) WHERE sleepEachRow(0.05) = 0",
            format: 'JSONEachRow',
            clickhouse_settings: { max_block_size: String(blockSize) },
          })
        ).json<{ b: string }>()
        return Number(rows[0]?.b)
      }),
    )
    expect(seen).toEqual([1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008])

    await client.command({ query: 'SET max_block_size = 1234' }) // a server forgets a SET outside a session
    const after = await (
      await client.query({ query: "SELECT getSetting('max_block_size') AS b", format: 'JSONEachRow' })
    ).json<{ b: string }>()
    expect(Number(after[0]?.b)).not.toBe(1234)
  })

  it('accepts gzip-compressed insert bodies', async () => {
    await createEventsTable('compressed')
    const gzipping = connect({ compression: { request: true, response: true } })
    await gzipping.insert({ table: 'compressed', values: [event(uuid(9), 9)], format: 'JSONEachRow' })
    const rows = await (await gzipping.query({ query: 'SELECT n FROM compressed', format: 'JSONEachRow' })).json()
    expect(rows).toEqual([{ n: '9' }])
  })

  it('checks credentials when started with a user and password', async () => {
    const securedDir = await mkdtemp(join(tmpdir(), 'otklik-ch-http-auth-'))
    const secured = await spawnClickHouseHttpServer({ dataDir: securedDir, auth: { username: 'otklik', password: 's3cret' } })
    const good = createClient({ url: secured.url, username: 'otklik', password: 's3cret', ...QUIET })
    const bad = createClient({ url: secured.url, username: 'otklik', password: 'wrong', ...QUIET })
    try {
      expect(await (await good.query({ query: 'SELECT 1 AS one', format: 'JSONEachRow' })).json()).toEqual([{ one: 1 }])
      const failure = await bad.query({ query: 'SELECT 1', format: 'JSONEachRow' }).catch((e: unknown) => e)
      expect(failure).toBeInstanceOf(ClickHouseError)
      expect(failure).toMatchObject({ code: '516', type: 'AUTHENTICATION_FAILED' })
    } finally {
      await Promise.all([good.close(), bad.close()])
      await secured.stop()
      await rm(securedDir, { recursive: true, force: true })
    }
  })

  it('comes back on the same URL with its data after being killed with SIGKILL', async () => {
    await createEventsTable('durable')
    await client.insert({ table: 'durable', values: [event(uuid(1), 1), event(uuid(2), 2)], format: 'JSONEachRow' })

    await server.kill()
    await expect(client.query({ query: 'SELECT 1', format: 'JSONEachRow' })).rejects.toThrow()
    expect((await client.ping()).success).toBe(false)

    server = await spawnClickHouseHttpServer({ dataDir, port: server.port })
    expect(await client.ping()).toEqual({ success: true })
    expect(await countRows('durable')).toBe(2)
  })
})
