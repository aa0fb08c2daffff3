/**
 * `otklik bench ingest` in a tiny run: it prints every figure the issue asks
 * for, and what it says was stored is what the server's table holds, with
 * the bench's visits counted by the ballot-stuffing judge, not excluded.
 * (Its speed is not tested here: the figures are for a person to read.)
 */
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { tempDir } from '../../test-support/app.js'
import { loadConfig } from '../config.js'
import { toNumber } from '../storage/int64.js'
import { createStore } from '../storage/store.js'
import { benchIngest } from './ingest.js'

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url))

it('a short run prints the load, both ceilings, the ratios and memory, and stores what it says it stored', { timeout: 300_000 }, async () => {
  const dataDir = tempDir('otklik-bench-test-')
  const lines: string[] = []
  const result = await benchIngest({
    durationS: 1,
    connections: 2,
    eventsPerRequest: 5,
    dataDir,
    node: { execArgv: ['--import', 'tsx'] },
    cli: CLI,
    print: (line) => lines.push(line),
  })
  const text = lines.join('\n')
  for (const label of [
    /^HTTP ceiling \(bare Fastify handler.*: [\d,]+ events\/s, [\d,]+ requests\/s, p50 \d+ ms, p99 \d+ ms, errors 0, non-2xx 0$/m,
    /^Otklik POST \/v1\/events: [\d,]+ events\/s, [\d,]+ requests\/s, p50 \d+ ms, p99 \d+ ms, errors 0, non-2xx 0$/m,
    /^Otklik at 80 % of that rate/m,
    /^group commit: \d+ blocks inserted for \d+ events/m,
    /^memory of the Otklik process: RSS \d+ MiB at start, \d+ MiB at end \(slope -?[\d.]+ MiB\/min/m,
    /^storage ceiling \(Otklik's events table with its views, blocks of 5000.*\): [\d,]+ events\/s$/m,
    /^plain MergeTree table .*: [\d,]+ events\/s; the events table reaches [\d.]+ of it/m,
    /^Otklik \/ HTTP ceiling [\d.]+, Otklik \/ storage ceiling [\d.]+; to the lower ceiling [\d.]+/m,
  ]) expect(text).toMatch(label)

  const said = /^stored: (\d+) events \((\d+) acknowledged with 202.*answers excluded by the ballot-stuffing judge: none$/m.exec(text)
  expect(said, text).not.toBeNull()
  const stored = Number(said?.[1])
  expect(stored).toBeGreaterThanOrEqual(Number(said?.[2]))
  expect(Number(said?.[2])).toBe(result.otklik.accepted + result.atEighty.accepted)
  expect(Number(said?.[2])).toBeGreaterThan(0)

  // Counted again, independently, in the server's own table.
  const store = createStore(loadConfig({ DATA_DIR: dataDir }))
  try {
    const [row] = await store.query<{ n: unknown; answers: unknown; excluded: unknown }>(
      "SELECT count() AS n, countIf(type = 'survey_response') AS answers, countIf(excluded != '') AS excluded FROM otklik.events",
    )
    expect(toNumber(row?.n)).toBe(stored)
    expect(toNumber(row?.answers)).toBeGreaterThan(0)
    expect(toNumber(row?.excluded)).toBe(0)
  } finally {
    await store.close()
  }
})
