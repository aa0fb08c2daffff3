/**
 * `otklik bench sdk` runs end to end in Chromium and prints each of its
 * figures (their values are for the reader: the machine is shared).
 */
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { benchSdk } from '../src/bench/sdk.js'
import { sdkPackage } from '../src/sdk-assets/files.js'
import { requireSdkBuild } from './sdk-support.js'

describe('bench sdk', () => {
  it('prints init, per-call, survey, long-task, wire, size and dashboard lines from one short run', { timeout: 300_000 }, async () => {
    requireSdkBuild()
    const lines: string[] = []
    await benchSdk({ runs: 1, events: 2000, print: (l) => lines.push(l) })
    const line = (prefix: string) => lines.find((l) => l.startsWith(prefix)) ?? `no line "${prefix}" in:\n${lines.join('\n')}`

    expect(line('init: ')).toMatch(/^init: \d+\.\d{3} ms of main thread evaluating otklik\.js \(target ≤ 2 ms: (ok|MISSED)\)/)
    expect(line('init on a page')).toMatch(/: \d+\.\d{3} ms \((ok|MISSED)\)/)
    expect(line('deferred start')).toMatch(/in an idle callback after init: \d+\.\d{3} ms \(\d+\.\d{3} ms on the CPU\); \d+\.\d{3} ms where/)
    expect(line('per call')).toMatch(/start \d+\.\d{3} ms, step \d+\.\d{3} ms, complete \d+\.\d{3} ms, pageview \d+\.\d{3} ms, flush \d+\.\d{3} ms/)
    expect(line('survey: ')).toMatch(/^survey: shown \d+ ms after survey\(\)/)
    expect(line('long tasks')).toMatch(/over all runs: \d+/)
    // The SDK sent what the page did: 50 starts, steps, completions and page views each, at least.
    const wire = /^wire: (\d+) events in (\d+) requests, (\d+) bytes of request bodies: (\d+) bytes per event/.exec(line('wire: '))
    expect(wire).not.toBeNull()
    const [events, requests, bytes, perEvent] = wire!.slice(1).map(Number) as [number, number, number, number]
    expect(events).toBeGreaterThanOrEqual(200)
    expect(requests).toBeGreaterThan(0)
    expect(perEvent).toBe(Math.round(bytes / events))
    const core = gzipSync(readFileSync(`${sdkPackage().dist}/otklik.js`)).length
    const budget = JSON.parse(readFileSync(`${sdkPackage().dist}/manifest.json`, 'utf8')).files['otklik.js'].budget
    expect(line('size: ')).toContain(`otklik.js ${core} B gzip (budget ${budget}: ${core <= budget ? 'ok' : 'OVER'}`)
    expect(line('dashboard: ')).toMatch(/^dashboard: overview usable \(first figure rendered\) with the CPU 4× slower: \d+ ms with the API live .*, \d+ ms with its \d+ API answers replayed/)
  })
})
