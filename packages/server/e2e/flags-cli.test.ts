import { afterAll, expect, it } from 'vitest'
import { tempDir } from '../test-support/app.js'
import { runCli } from '../test-support/cli.js'
import { freePort, startServerProcess, type ServerProcess } from '../test-support/server-process.js'

let server: ServerProcess | undefined
afterAll(async () => server?.kill())

const LINE = /^\d+ flags over \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d(: .+)? \(\d+\.\d s\)$/

it('otklik flags evaluate runs on a data directory no server holds, and through the running server', async () => {
  const env = { DATA_DIR: tempDir() }
  // Only serve and migrate make a data directory; flags evaluate needs one.
  expect((await runCli(['migrate'], env)).code).toBe(0)
  const direct = await runCli(['flags', 'evaluate'], env)
  expect(direct.stderr).toBe('')
  expect(direct.stdout.trim()).toMatch(LINE)

  const port = await freePort()
  server = await startServerProcess({ ...env, PORT: String(port), OTKLIK_DEMO: '0' })
  const via = await runCli(['flags', 'evaluate'], env)
  expect(via.code).toBe(0)
  expect(via.stdout.trim()).toMatch(LINE)
}, 120_000)
