/**
 * The README's examples work as written, on any port: its shell blocks that
 * use $OTKLIK run with curl against a real server on a random port, and its
 * data examples are valid and do not clash with the demo portfolio.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { normalizeEvents } from '../src/ingest/normalize.js'
import { DEMO_SERVICES } from '../src/demo/catalog.js'
import { startServer, type RunningServer } from '../src/server.js'
import { testConfig } from '../test-support/app.js'
import { freePort } from '../test-support/server-process.js'

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
const ADMIN = 'readme-admin-token-0123456789abcdef'
const blocks = (lang: string) => [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!)
const run = promisify(execFile)

let server: RunningServer
beforeAll(async () => {
  const port = await freePort()
  server = await startServer({ ...testConfig({ PORT: String(port), OTKLIK_ADMIN_TOKEN: ADMIN }), port }, () => {})
})
afterAll(() => server.close())

/** Runs a README shell block with the address and tokens set, as a reader would after `OTKLIK=...`. */
async function shell(block: string): Promise<string> {
  // The reader sets these lines themselves: their values here come from the environment.
  const script = block.replace(/^(OTKLIK|ADMIN|TOKEN)=.*$/gm, '')
  const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script.replaceAll('curl ', 'curl -sS --fail-with-body ')], {
    env: { ...process.env, OTKLIK: server.url, ADMIN, TOKEN: ADMIN },
  })
  return stdout
}

it('every curl example answers as the README says, on whatever port the server has', async () => {
  const examples = blocks('sh').filter((b) => b.includes('$OTKLIK'))
  expect(examples.length).toBeGreaterThanOrEqual(3)
  for (const block of examples) {
    const out = await shell(block)
    const promised = /^# (\{.*\})$/m.exec(block)?.[1]
    if (promised) expect(JSON.parse(out.trim()), block).toEqual(JSON.parse(promised))
  }
  expect(README).not.toMatch(/curl[^\n]*127\.0\.0\.1:8080/)
})

it("the registry PUT example adds a service the demo portfolio does not have", async () => {
  const id = /PUT "\$OTKLIK\/v1\/services\/([^"]+)"/.exec(README)?.[1]
  expect(id).toBeTruthy()
  expect(DEMO_SERVICES.map((s) => s.id)).not.toContain(id)
})

it('the history-import example is a valid event', () => {
  const line = blocks('json').find((b) => b.includes('user_agent'))!.trim()
  const { user_agent: _ua, site: _site, ...event } = JSON.parse(line) as Record<string, unknown>
  const result = normalizeEvents([event], {
    receivedAt: Date.UTC(2025, 5, 1),
    siteKey: 'legacy-portal',
    offline: false,
    device: { device: 'desktop', browser: 'Chrome', os: 'Windows' },
    checkWindow: false,
  })
  expect(result.rejected).toEqual([])
})
