import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../test-support/app.js'
import { runCli } from '../test-support/cli.js'
import { CHROME_UA, answer, event } from '../test-support/events.js'
import { freePort, startServerProcess, type ServerProcess } from '../test-support/server-process.js'

const running: ServerProcess[] = []
afterAll(async () => {
  for (const s of running) await s.kill()
})

const file = (dir: string, name: string, content: string) => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

function ndjson(dir: string): { path: string; good: number } {
  const lines = [
    JSON.stringify({ ...event({ ts: Date.now() - 400 * 86_400_000 }), user_agent: CHROME_UA }),
    '',
    '{"id": broken',
    JSON.stringify({ ...answer(9) }),
    JSON.stringify(answer(5, { ts: Date.UTC(2001, 6, 1), comment: 'звоните +7 916 123-45-67' })),
    JSON.stringify({ ...event(), site: 'кiosk-1' }),
  ]
  for (let i = 0; i < 4500; i++) lines.push(JSON.stringify(event({ ts: Date.now() - 200 * 86_400_000 + i * 60_000 })))
  return { path: file(dir, 'history.ndjson', `${lines.join('\n')}\n`), good: 4502 }
}

describe('otklik import FILE.ndjson (no server holds DATA_DIR)', () => {
  it('imports good lines, reports bad ones by line number, and adds nothing the second time', async () => {
    const dir = tempDir()
    const env = { DATA_DIR: join(dir, 'data') }
    const { path, good } = ndjson(dir)
    expect((await runCli(['migrate'], env)).code).toBe(0)
    const first = await runCli(['import', path], env)
    expect(first.code).toBe(0)
    expect(first.stderr).toMatch(/^line 3: not valid JSON/m)
    expect(first.stderr).toMatch(/^line 4: score: must be 1-5 for csat$/m)
    expect(first.stderr).toMatch(/^line 5: ts: is older than the retention period \(RETENTION_DAYS=1095\)$/m)
    expect(first.stdout.trim()).toBe(`read 4505 lines: ${good} imported, 0 already present, 3 rejected`)
    const second = await runCli(['import', path], env)
    expect(second.stdout.trim()).toBe(`read 4505 lines: 0 imported, ${good} already present, 3 rejected`)
  })

  it('stops with one line for a missing file or a bad --site', async () => {
    const env = { DATA_DIR: tempDir() }
    const missing = await runCli(['import', '/nonexistent/file.ndjson'], env)
    expect(missing.code).toBe(2)
    expect(missing.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^otklik: cannot read .*ENOENT/)])
    const badSite = await runCli(['import', '--site', 'a b', __filename], env)
    expect(badSite.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^otklik: --site "a b": /)])
  })
})

describe('otklik registry import FILE', () => {
  it('loads CSV, YAML and JSON, reports bad rows with their line, and is idempotent', async () => {
    const dir = tempDir()
    const env = { DATA_DIR: join(dir, 'data') }
    const csv = file(
      dir,
      'services.csv',
      [
        'id;name_ru;name_en;agency;life_situations;target_csat;target_nps',
        'passport-rf;Загранпаспорт;Passport;mvd;travel|moving;0,85;',
        'bad id;Плохой;;;;;',
        'tax;Налоговый вычет;Tax deduction;fns;;1.5;',
        'short;row',
        'pension;"Пенсия; назначение";Pension;sfr;retirement;;40',
      ].join('\r\n'),
    )
    expect((await runCli(['migrate'], env)).code).toBe(0)
    const first = await runCli(['registry', 'import', csv], env)
    expect(first.code).toBe(0)
    expect(first.stderr).toMatch(/line 3: id: /)
    expect(first.stderr).toMatch(/line 4: targets.csat: must be 0..1/)
    expect(first.stderr).toMatch(/line 5: has 2 fields/)
    expect(first.stdout.trim()).toBe('agencies: 0 added, 0 updated, 0 unchanged; life situations: 0 added, 0 updated, 0 unchanged; services: 2 added, 0 updated, 0 unchanged; 3 rejected')
    const again = await runCli(['registry', 'import', csv], env)
    expect(again.stdout).toMatch(/services: 0 added, 0 updated, 2 unchanged/)

    const yaml = file(
      dir,
      'registry.yaml',
      ['agencies:', '  - id: mvd', '    name_ru: МВД России', 'services:', '  - id: passport-rf', '    name_ru: Загранпаспорт нового образца', '    targets: { csat: 2 }', '  - id: visa', '    name_ru: Виза'].join('\n'),
    )
    const y = await runCli(['registry', 'import', yaml], env)
    expect(y.stderr).toMatch(/services\[0\] \(line 5\): targets.csat/)
    expect(y.stdout).toMatch(/agencies: 1 added.*services: 1 added, 0 updated, 0 unchanged; 1 rejected/)

    const json = file(dir, 'noext', JSON.stringify({ services: [{ id: 'passport-rf', name_ru: 'Новое имя', agency: 'mvd' }] }))
    expect((await runCli(['registry', 'import', json], env)).stdout).toMatch(/services: 0 added, 1 updated/)

    const bad = await runCli(['registry', 'import', file(dir, 'x.yaml', 'services: [1, 2\n')], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    const unknownColumn = await runCli(['registry', 'import', file(dir, 'y.csv', 'id,name_ru,owner\nx,X,me\n')], env)
    expect(unknownColumn.stderr.trim()).toMatch(/^otklik: .*unknown CSV column "owner"/)
  })
})

describe('while a server holds DATA_DIR', () => {
  it('both imports go through its admin API', async () => {
    const dir = tempDir()
    const port = await freePort()
    const env = { DATA_DIR: join(dir, 'data'), PORT: String(port), OTKLIK_ADMIN_TOKEN: 'import-admin-token-0123456789' }
    running.push(await startServerProcess(env))
    const { path, good } = ndjson(dir)
    const first = await runCli(['import', path, '--site', 'legacy'], env)
    expect(first.stdout.trim()).toBe(`read 4505 lines: ${good} imported, 0 already present, 3 rejected`)
    expect((await runCli(['import', path], env)).stdout.trim()).toBe(`read 4505 lines: 0 imported, ${good} already present, 3 rejected`)
    const csv = file(dir, 's.csv', `id,name_ru\nsvc-${randomUUID().slice(0, 8)},Услуга\n`)
    expect((await runCli(['registry', 'import', csv], env)).stdout).toMatch(/services: 1 added/)
    const res = await fetch(`http://127.0.0.1:${port}/v1/services`, { headers: { authorization: 'Bearer import-admin-token-0123456789' } })
    expect(((await res.json()) as { services: unknown[] }).services).toHaveLength(1)
  })
})
