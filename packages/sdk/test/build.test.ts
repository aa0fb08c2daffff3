// @vitest-environment node
/**
 * The built files: size budgets (gzip), the syntax level the README
 * promises, and the README's integrity hash.
 * They need `pnpm build` (the root `pnpm test` builds first); without a
 * build they fail, never pass silently.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { Linter } from 'eslint'
import { describe, expect, it } from 'vitest'
import { BUDGETS, DIST } from '../scripts/budgets.js'
import { VERSION } from '../src/version.js'

const file = (name: string): Buffer => {
  const url = new URL(name, DIST)
  if (!existsSync(url)) throw new Error(`packages/sdk/dist/${name} is missing: run \`pnpm build\` (or \`pnpm --filter @otklik/sdk build\`) first`)
  return readFileSync(url)
}

describe('size budgets (gzip)', () => {
  for (const [name, budget] of Object.entries(BUDGETS)) {
    it(`${name} is at most ${budget} bytes`, () => {
      expect(gzipSync(file(name)).length).toBeLessThanOrEqual(budget)
    })
  }
})

it('the core is an IIFE that loads the widget lazily, and neither uses eval or inline styles', () => {
  const core = file('otklik.js').toString()
  const widget = file('otklik-widget.js').toString()
  expect(core.startsWith('(()=>{')).toBe(true)
  expect(core).toContain('import(')
  expect(core).not.toContain('scrubPii')
  for (const code of [core, widget]) {
    expect(code).not.toMatch(/\beval\(|new Function\(|innerHTML|setAttribute\("style"|document\.cookie/)
  }
  expect(widget).toMatch(/export\s*\{[^}]*mount/)
})

/** The syntax level of every shipped file; the README names the browser versions it allows. */
const ECMA_VERSION = 2021

it(`every built file parses as ES${ECMA_VERSION}, and the core has no regular-expression lookbehind (Safari before 16.4 cannot parse it)`, () => {
  const linter = new Linter()
  const esm = readdirSync(new URL('esm/', DIST), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))
  expect(esm.length).toBeGreaterThan(0)
  for (const [name, sourceType] of [['otklik.js', 'script'], ['otklik-widget.js', 'module'], ...esm.map((f) => [`esm/${f}`, 'module'])] as const) {
    const fatal = linter.verify(file(name).toString(), { languageOptions: { ecmaVersion: ECMA_VERSION, sourceType } }).filter((m) => m.fatal)
    expect(fatal.map((m) => `${name}:${m.line}:${m.column} ${m.message}`)).toEqual([])
  }
  expect(file('otklik.js').toString()).not.toMatch(/\(\?<[=!]/)
})

it('the manifest and the README carry the integrity of the current build', () => {
  const manifest = JSON.parse(file('manifest.json').toString()) as { version: string; files: Record<string, { integrity: string }> }
  expect(manifest.version).toBe(VERSION)
  const integrity = `sha384-${createHash('sha384').update(file('otklik.js')).digest('base64')}`
  expect(manifest.files['otklik.js']!.integrity).toBe(integrity)
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
  expect(readme, 'README.md: run `node packages/sdk/scripts/readme-integrity.js` after a build').toContain(`src="http://127.0.0.1:8080/sdk/${VERSION}/otklik.js" integrity="${integrity}"`)
})

it('VERSION matches package.json', () => {
  expect(VERSION).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version)
})
