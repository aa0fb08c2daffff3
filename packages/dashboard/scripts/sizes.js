// Gzip sizes of a build, from the manifest the rollup config writes:
// per page, the initial JavaScript (entry + its static imports), then every
// other chunk and the stylesheet.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { DIST } from './budgets.js'

const gzip = (file) => gzipSync(readFileSync(new URL(file, DIST))).length

export function measure() {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', DIST), 'utf8'))
  const pages = Object.entries(manifest.pages).map(([page, { initial }]) => ({ page, initial: initial.reduce((sum, f) => sum + gzip(f), 0), files: initial }))
  const initialFiles = new Set(pages.flatMap((p) => p.files))
  const lazy = manifest.chunks.filter((f) => !initialFiles.has(f)).map((file) => ({ file, gzip: gzip(file) }))
  const css = { file: manifest.css, gzip: gzip(manifest.css) }
  return { pages, lazy, css }
}
