/**
 * The built files: the JavaScript budget (gzip) per page, every later chunk
 * and the stylesheet counted too, and nothing in them that the strict CSP
 * would refuse or that reaches another host. Needs `pnpm build` (the root
 * `pnpm test` builds first); without a build it fails, never passes silently.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BUDGETS, DIST } from '../scripts/budgets.js'
import { measure } from '../scripts/sizes.js'

const built = () => {
  if (!existsSync(new URL('manifest.json', DIST))) throw new Error('packages/dashboard/dist is missing: run `pnpm build` first')
  return measure()
}

describe('size budgets (gzip)', () => {
  it(`each page's initial JavaScript is at most ${BUDGETS.initial} bytes`, () => {
    const { pages } = built()
    expect(pages.map((p) => p.page).sort()).toEqual(['dashboard', 'open'])
    for (const p of pages) expect(p.initial, p.page).toBeLessThanOrEqual(BUDGETS.initial)
  })

  it(`each chunk loaded later is at most ${BUDGETS.lazyChunk} bytes, the stylesheet at most ${BUDGETS.css}`, () => {
    const { lazy, css } = built()
    for (const c of lazy) expect(c.gzip, c.file).toBeLessThanOrEqual(BUDGETS.lazyChunk)
    expect(css.gzip).toBeLessThanOrEqual(BUDGETS.css)
  })
})

it('the source never writes HTML from strings (all text, comments above all, is rendered as text)', () => {
  const sources = readdirSync(new URL('../src/', import.meta.url), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f))
  expect(sources.length).toBeGreaterThan(10)
  for (const f of sources) expect(readFileSync(new URL(`../src/${f}`, import.meta.url), 'utf8'), f).not.toMatch(/dangerouslySetInnerHTML|innerHTML|insertAdjacentHTML|document\.write/)
})

it('no file builds code from strings, sets a style attribute or names another host', () => {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', DIST), 'utf8')) as { chunks: string[]; css: string }
  for (const file of [...manifest.chunks, manifest.css, 'index.html', 'open/index.html']) {
    const text = readFileSync(new URL(file, DIST), 'utf8')
    expect(text, file).not.toMatch(/\beval\(|new Function\(|setAttribute\("style"|@import|url\(\s*["']?https?:/)
    // XML namespace names (www.w3.org) are identifiers, never fetched.
    const hosts = new Set((text.match(/https?:\/\/[\w.-]+/g) ?? []).map((u) => u.replace(/^https?:\/\//, '')))
    hosts.delete('www.w3.org')
    expect([...hosts], file).toEqual([])
  }
})
