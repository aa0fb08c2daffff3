import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Runs scripts/test.js with stand-ins for pnpm and node that log their arguments and fail when told to. */
function runWith(failing) {
  const bin = mkdtempSync(join(tmpdir(), 'otklik-test-steps-'))
  const log = join(bin, 'calls.log')
  for (const tool of ['pnpm', 'node']) {
    writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} $*" >> "${log}"\ncase "$*" in *${failing}*) exit 1;; esac\nexit 0\n`)
    chmodSync(join(bin, tool), 0o755)
  }
  const result = spawnSync(process.execPath, ['scripts/test.js'], { cwd: ROOT, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, calls: readFileSync(log, 'utf8').trim().split('\n') }
}

test('pnpm test runs every step even when an early one fails, then exits non-zero naming it', () => {
  const { status, stdout, calls } = runWith('typecheck')
  assert.equal(status, 1)
  assert.equal(calls.length, 6)
  assert.match(calls[5], /^pnpm -r --no-bail --if-present run test$/)
  assert.match(stdout, /FAILED in typecheck/)
})

test('pnpm test exits zero when every step passes', () => {
  const { status, stdout } = runWith('nothing-fails')
  assert.equal(status, 0)
  assert.match(stdout, /all passed/)
})
