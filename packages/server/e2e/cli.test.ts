import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../test-support/app.js'
import { runCli } from '../test-support/cli.js'
import { answer, event } from '../test-support/events.js'
import { postEvents } from '../test-support/post.js'
import { freePort, startServerProcess, type ServerProcess } from '../test-support/server-process.js'

const running: ServerProcess[] = []
afterAll(async () => {
  for (const s of running) await s.kill()
})

async function serve(env: Record<string, string>) {
  const server = await startServerProcess(env)
  running.push(server)
  return server
}

describe('otklik CLI', () => {
  it('--help lists the commands', async () => {
    const { code, stdout } = await runCli(['--help'])
    expect(code).toBe(0)
    for (const command of ['serve', 'migrate', 'site', 'token']) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'))
  })

  it('bad configuration stops the start with one line naming the setting', async () => {
    const { code, stderr } = await runCli(['serve'], { PORT: 'eighty', DATA_DIR: tempDir() })
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^otklik: PORT="eighty" is invalid: /)])
  })

  it('a command that needs data stops with one line naming DATA_DIR when it holds none, and creates nothing', async () => {
    const dataDir = join(tempDir(), 'data')
    for (const args of [['token', 'create', '--scope', 'admin'], ['site', 'add', '--app'], ['demo', 'seed']]) {
      const res = await runCli(args, { DATA_DIR: dataDir })
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stdout, args.join(' ')).toBe('')
      expect(res.stderr.trim().split('\n'), args.join(' ')).toEqual([
        `otklik: DATA_DIR ${dataDir} holds no Otklik data; set DATA_DIR to the server's data directory, or create one there with \`otklik migrate\``,
      ])
    }
    expect(existsSync(dataDir)).toBe(false)
  })

  it('site add and token create work on a data directory no server holds', async () => {
    const env = { DATA_DIR: tempDir() }
    expect((await runCli(['migrate'], env)).stdout).toMatch(/applied migration 1/)
    const web = await runCli(['site', 'add', '--origin', 'https://gov.example', '--name', 'Gov'], env)
    expect(web.stdout).toMatch(/^site key: [a-z0-9]{12}$/m)
    const app = await runCli(['site', 'add', '--app', '--name', 'Kiosks'], env)
    expect(app.stdout).toMatch(/^secret ingestion key .*: ots_\S+$/m)
    const token = await runCli(['token', 'create', '--scope', 'analyst'], env)
    expect(token.stdout.trim()).toMatch(/^otk_[a-z0-9]{10}_\S+$/)
    const bad = await runCli(['site', 'add', '--origin', 'not a url'], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    const noScope = await runCli(['token', 'create', '--scope', 'god'], env)
    expect(noScope.code).not.toBe(0)
  })
})

describe('otklik erase', () => {
  it('erases a site on a data directory no server holds, and says what it needs in one line', async () => {
    const env = { DATA_DIR: tempDir() }
    // Only serve and migrate make a data directory; erase needs one.
    expect((await runCli(['migrate'], env)).code).toBe(0)
    const done = await runCli(['erase', '--site', 'legacy', '--before', '2025-01-01'], env)
    expect(done.stdout.trim()).toBe('erased 0 events and the rollup rows derived from them (0 journeys touched)')
    for (const args of [['erase'], ['erase', '--site', 'a', '--service', 'b'], ['erase', '--service', 'b', '--before', '31.01.2025']]) {
      const bad = await runCli(args, env)
      expect(bad.code).toBe(2)
      expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    }
  })
})

describe('a running server and the CLI on its data directory', () => {
  it('first start creates the demo site and prints an admin token once; commands go through the server', async () => {
    const dataDir = tempDir()
    const port = await freePort()
    const env = { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' }
    let server = await serve(env)
    const token = /Admin token \(shown once, keep it safe\): (\S+)/.exec(server.output())?.[1]
    expect(token).toMatch(/^otk_/)
    expect(server.output()).toContain(`http://127.0.0.1:${port}/v1/events`)

    // The demo site takes events from the server's own origin.
    const origin = `http://localhost:${port}`
    const secretComment = 'мой телефон и секретный текст комментария'
    const res = await postEvents(server.url, [event(), answer(2, { comment: secretComment })], { origin, headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(202)

    // The token works on the admin API.
    const sites = await fetch(`${server.url}/v1/sites`, { headers: { authorization: `Bearer ${token}` } })
    expect(sites.status).toBe(200)

    // While the server holds DATA_DIR, site add goes through its API...
    const added = await runCli(['site', 'add', '--origin', 'https://gov.example'], env)
    expect(added.code).toBe(0)
    const listed = (await (await fetch(`${server.url}/v1/sites`, { headers: { authorization: `Bearer ${token}` } })).json()) as { sites: { key: string }[] }
    expect(listed.sites.map((s) => s.key)).toContain(/site key: (\S+)/.exec(added.stdout)?.[1])
    // ...and what cannot, stops with one line.
    const migrate = await runCli(['migrate'], env)
    expect(migrate.code).toBe(2)
    expect(migrate.stderr.trim().split('\n')).toEqual([expect.stringContaining(`held by the Otklik server`)])
    // A second server on the same directory refuses to start.
    const second = await runCli(['serve'], { ...env, PORT: String(await freePort()) })
    expect(second.code).toBe(2)
    expect(second.stderr).toContain('is held by the Otklik server')

    // Logs hold no comment text, no token and no client address.
    const logs = server.output()
    expect(logs).not.toContain(secretComment)
    expect(logs.split(token!).length).toBe(2) // only the one-time print
    expect(logs).not.toMatch(/remoteAddress|remotePort/)
    // At info, requests write no lines, and the notice with the token comes after the start-up logs.
    expect(logs).not.toMatch(/incoming request|request completed/)
    expect(logs.indexOf('Admin token')).toBeGreaterThan(logs.lastIndexOf('Server listening'))

    await server.stop()
    server = await serve(env)
    expect(server.output()).not.toContain('Admin token')
    await server.stop()
  })

  it('demo seed --end loads the portfolio ending at that date, through the running server', async () => {
    const env = { DATA_DIR: tempDir(), PORT: String(await freePort()) }
    const server = await serve(env)
    const token = /Admin token \(shown once, keep it safe\): (\S+)/.exec(server.output())?.[1]
    const bad = await runCli(['demo', 'seed', '--end', '2026-02-30'], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringContaining('--end "2026-02-30" is not a date')])

    const seeded = await runCli(['demo', 'seed', '--end', '2026-01-31'], env)
    expect(seeded.stdout).toMatch(/demo data loaded: 5 agencies, 10 life situations, 30 services, \d+ events/)
    const days = async (from: string, to: string) => {
      const res = await fetch(`${server.url}/v1/metrics/volumes?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } })
      expect(res.status).toBe(200)
      return ((await res.json()) as { services: { total: number }[] }).services.reduce((sum, s) => sum + s.total, 0)
    }
    // 90 days ending (exclusive) at the 31st of January: the 30th is full, the 31st and 1 November are empty.
    expect(await days('2026-01-30', '2026-01-31')).toBeGreaterThan(1000)
    expect(await days('2026-01-31', '2026-02-02')).toBe(0)
    expect(await days('2025-11-02', '2025-11-03')).toBeGreaterThan(1000)
    expect(await days('2025-10-20', '2025-11-02')).toBe(0)
    await server.stop()
  }, 240_000)

  it('SIGTERM flushes every accepted event before exiting', async () => {
    const dataDir = tempDir()
    const port = await freePort()
    // A long flush interval: events wait in memory until the shutdown flush.
    const env = { DATA_DIR: dataDir, PORT: String(port), FLUSH_INTERVAL_MS: '3000', OTKLIK_ADMIN_TOKEN: 'admin-token-for-tests-123' }
    const server = await serve(env)
    const events = [event(), event(), answer(5)]
    const pending = postEvents(server.url, events, { origin: `http://127.0.0.1:${port}` })
    await new Promise((r) => setTimeout(r, 300))
    await server.stop()
    expect((await pending).status).toBe(202)

    const count = await runCli(['migrate'], env) // the directory is free again
    expect(count.code).toBe(0)
    const { createClickHouseClient } = await import('../src/storage/client.js')
    const { createStore } = await import('../src/storage/store.js')
    const config = { dataDir, clickhouse: { database: 'otklik' } }
    const store = createStore(config, createClickHouseClient(config))
    const [row] = await store.query<{ n: string }>(`SELECT count() AS n FROM ${store.table('events')} WHERE id IN {ids:Array(UUID)}`, { ids: events.map((e) => e.id) })
    expect(Number(row?.n)).toBe(3)
    await store.close()
  })
})
