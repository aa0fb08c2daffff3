// `pnpm start` builds only what changed: a package is built when a file of
// its own (outside dist/, node_modules/ and tests) is newer than its newest
// built file, or when a workspace package it depends on was built after it.
// `pnpm build` still builds everything.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SKIP = new Set(['dist', 'node_modules', 'coverage', 'test', 'e2e', '.turbo'])
const isTest = (name) => /\.test\.[cm]?[jt]sx?$/.test(name)

/** The newest modification time (ms) of the files under `dir`, skipping what `skip` names; 0 when none. */
export function newestMtime(dir, skip = SKIP) {
  let newest = 0
  if (!existsSync(dir)) return 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name) || isTest(entry.name)) continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path, skip) : statSync(path).mtimeMs)
  }
  return newest
}

/** The workspace packages under `root`/packages that have a build script. */
export function workspacePackages(root) {
  const dir = join(root, 'packages')
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'package.json')))
    .map((name) => {
      const manifest = JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8'))
      const deps = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
      return { name: manifest.name, dir: join(dir, name), deps, builds: Boolean(manifest.scripts?.build) }
    })
    .filter((p) => p.builds)
}

/** The names of the packages to build, in no particular order (pnpm orders them). */
export function stalePackages(packages) {
  const built = new Map(packages.map((p) => [p.name, newestMtime(join(p.dir, 'dist'), new Set())]))
  const byName = new Map(packages.map((p) => [p.name, p]))
  // Two packages that depend on each other cannot order their builds: neither counts for the other.
  const counts = (p, dep) => built.has(dep) && !byName.get(dep).deps.includes(p.name)
  const stale = new Set()
  // Staleness spreads to dependents, so go round until nothing changes.
  for (let changed = true; changed; ) {
    changed = false
    for (const p of packages) {
      if (stale.has(p.name)) continue
      const own = built.get(p.name)
      const depNewer = p.deps.some((d) => counts(p, d) && (stale.has(d) || built.get(d) > own))
      if (own === 0 || newestMtime(p.dir) > own || depNewer) {
        stale.add(p.name)
        changed = true
      }
    }
  }
  return [...stale]
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const stale = stalePackages(workspacePackages(root))
  if (stale.length === 0) {
    process.stdout.write('build: nothing changed since the last build\n')
  } else {
    const filters = stale.flatMap((name) => ['--filter', name])
    const { status } = spawnSync('pnpm', ['-r', ...filters, 'run', 'build'], { stdio: 'inherit', cwd: root })
    process.exitCode = status ?? 1
  }
}
