import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { stalePackages, workspacePackages } from './build-changed.js'

const T = new Date('2026-01-01T00:00:00Z').getTime() / 1000

function file(path, text, atSeconds) {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
  utimesSync(path, atSeconds, atSeconds)
}

function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'otklik-build-changed-'))
  const pkg = (name, deps, times) => {
    const dir = join(root, 'packages', name)
    file(join(dir, 'package.json'), JSON.stringify({ name: `@w/${name}`, scripts: { build: 'x' }, dependencies: deps }), T)
    file(join(dir, 'src', 'index.ts'), 'export {}', times.src)
    file(join(dir, 'src', 'index.test.ts'), 'test', times.test ?? T)
    if (times.dist) file(join(dir, 'dist', 'index.js'), 'export {}', times.dist)
  }
  return { root, pkg }
}

test('builds nothing when every build is newer than its sources, even if a test changed', () => {
  const { root, pkg } = workspace()
  pkg('contract', {}, { src: T + 10, dist: T + 20, test: T + 100 })
  pkg('server', { '@w/contract': 'workspace:*' }, { src: T + 10, dist: T + 30 })
  assert.deepEqual(stalePackages(workspacePackages(root)), [])
})

test('builds a package whose sources changed, and the packages that depend on it', () => {
  const { root, pkg } = workspace()
  pkg('contract', {}, { src: T + 50, dist: T + 20 })
  pkg('sdk', { '@w/contract': 'workspace:*' }, { src: T + 10, dist: T + 30 })
  pkg('other', {}, { src: T + 10, dist: T + 30 })
  assert.deepEqual(stalePackages(workspacePackages(root)).sort(), ['@w/contract', '@w/sdk'])
})

test('builds a package never built, and one whose dependency was built after it', () => {
  const { root, pkg } = workspace()
  pkg('contract', {}, { src: T + 10, dist: T + 40 })
  pkg('server', { '@w/contract': 'workspace:*' }, { src: T + 10, dist: T + 30 })
  pkg('sdk', {}, { src: T + 10 })
  assert.deepEqual(stalePackages(workspacePackages(root)).sort(), ['@w/sdk', '@w/server'])
})

test('two packages that depend on each other do not make each other stale', () => {
  const { root, pkg } = workspace()
  pkg('server', { '@w/sdk': 'workspace:*' }, { src: T + 10, dist: T + 30 })
  pkg('sdk', { '@w/server': 'workspace:*' }, { src: T + 10, dist: T + 20 })
  assert.deepEqual(stalePackages(workspacePackages(root)), [])
})
