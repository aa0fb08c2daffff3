// @vitest-environment node
/**
 * The SDK as a project installs it from npm: `pnpm pack` of the SDK and of
 * the contract it depends on, both tarballs installed into a fresh project
 * outside the workspace, and the README's ESM example compiled there with
 * `skipLibCheck: false`, so every shipped declaration file must resolve.
 * Needs `pnpm build` first (the root `pnpm test` builds).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'

const PACKAGES = fileURLToPath(new URL('../../', import.meta.url))
const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

let dir: string
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe' })

/** Compiles `code` as the consumer's one source file; the compiler's output, empty when it compiles. */
function compile(code: string): string {
  writeFileSync(join(dir, 'main.ts'), code)
  try {
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], dir)
    return ''
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err)
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'otklik-consumer-'))
  for (const pkg of ['contract', 'sdk']) run('pnpm', ['pack', '--pack-destination', dir], join(PACKAGES, pkg))
  const tarball = (name: string) => `file:./${readdirSync(dir).find((f) => f.startsWith(`otklik-${name}-`) && f.endsWith('.tgz'))}`
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: { '@otklik/sdk': tarball('sdk') },
      // The SDK's `@otklik/contract` dependency comes from its tarball, not the registry.
      pnpm: { overrides: { '@otklik/contract': tarball('contract') } },
    }),
  )
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
      },
      files: ['main.ts'],
    }),
  )
  // Outside the workspace, from the local store (zod is the only package from the registry).
  run('pnpm', ['install', '--prefer-offline', '--ignore-workspace', '--config.lockfile=false', '--reporter=silent'], dir)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// The two lines of the README's "Teams that bundle use the ESM entry" sentence.
const example = /ESM entry with its types:\s*`(import [^`]+)`, then\s*`([^`]+)`/.exec(README)

it('the README names an ESM example', () => {
  expect(example, 'README.md: "Teams that bundle use the ESM entry with its types: `import ...`, then `init(...)`"').not.toBeNull()
})

it("compiles the README's ESM example against the packed SDK and contract, with skipLibCheck off", () => {
  const [, importLine, call] = example!
  expect(compile(`${importLine}\n${call}\n`)).toBe('')
}, 120_000)

it('the contract types are real in the packed SDK: a wrong segment does not compile', () => {
  const [, importLine] = example!
  const out = compile(`${importLine}\ninit({ site: 'KEY', segment: 'citizens' })\n`)
  expect(out).toMatch(/main\.ts\(2,\d+\): error TS2820|main\.ts\(2,\d+\): error TS2322/)
  expect(out).toContain('"citizens"')
}, 120_000)
