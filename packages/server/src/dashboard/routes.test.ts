/**
 * Serving the built dashboard and open page: the strict CSP on every
 * response, hashed assets immutable, the HTML revalidated, nothing but the
 * page and its assets reachable, no token needed. Needs `pnpm build` (the
 * root `pnpm test` builds first).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { testApp } from '../../test-support/app.js'
import { PAGE_CSP, dashboardDist } from './routes.js'

let app: FastifyInstance
beforeAll(async () => {
  ;({ app } = await testApp())
})
afterAll(() => app.close())

const dist = () => {
  const dir = dashboardDist()
  if (!dir) throw new Error('@otklik/dashboard is not built: run `pnpm build` first')
  return dir
}

it('the dashboard is found by package resolution, with its manifest', () => {
  const manifest = JSON.parse(readFileSync(join(dist(), 'manifest.json'), 'utf8')) as { pages: Record<string, { initial: string[] }> }
  expect(Object.keys(manifest.pages).sort()).toEqual(['dashboard', 'open'])
})

it('/dashboard/ and /open/ are HTML under the strict CSP, revalidated on every load, with no inline script or style', async () => {
  for (const url of ['/dashboard/', '/dashboard', '/open/', '/open']) {
    const res = await app.inject({ url })
    expect(res.statusCode, url).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.headers['content-security-policy']).toBe(PAGE_CSP)
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.body).toMatch(/<html lang="ru">/)
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)/)
    expect(res.body).not.toMatch(/\sstyle=|<style/)
    expect(res.body).not.toMatch(/\son[a-z]+=/)
  }
})

it('hashed assets are immutable and carry the CSP; other files of the build are not served', async () => {
  const html = (await app.inject({ url: '/dashboard/' })).body
  const assets = [...html.matchAll(/(?:src|href)="(\/dashboard\/assets\/[^"]+)"/g)].map((m) => m[1]!)
  expect(assets.length).toBeGreaterThanOrEqual(2)
  for (const url of assets) {
    const res = await app.inject({ url })
    expect(res.statusCode, url).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.headers['content-security-policy']).toBe(PAGE_CSP)
    expect(url).toMatch(/-[\w-]{8}\.(js|css)$/)
  }
  for (const url of ['/dashboard/manifest.json', '/dashboard/open/index.html', '/dashboard/assets/missing-00000000.js', '/dashboard/../package.json']) {
    expect((await app.inject({ url })).statusCode, url).toBe(404)
  }
})
