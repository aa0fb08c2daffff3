import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support/app.js'
import { notFoundHandler } from '../error-handler.js'
import { IMMUTABLE, serveStaticDir, type StaticDirOptions } from './static-dir.js'

const CSP = "default-src 'none'; script-src 'self'"

function site(): string {
  const root = tempDir('otklik-static-')
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>')
  writeFileSync(join(root, 'app.js'), 'export {}')
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'assets', 'chart.3f9a1c2b.js'), 'export const chart = 1')
  writeFileSync(join(root, '.env'), 'SECRET=1')
  return root
}

let app: FastifyInstance
async function serve(options: Partial<StaticDirOptions> & { root: string }): Promise<FastifyInstance> {
  app = Fastify({ logger: false, routerOptions: { ignoreTrailingSlash: true } })
  app.setNotFoundHandler(notFoundHandler)
  // What the auth hook reads: every static route must say it is public.
  const routes: { config?: { access?: unknown } }[] = []
  app.addHook('onRoute', (route) => void routes.push(route))
  app.decorate('routesSeen', routes)
  await serveStaticDir(app, { prefix: '/dashboard/', ...options })
  await app.ready()
  return app
}
afterEach(() => app?.close())

describe('serveStaticDir', () => {
  it('serves the index at the directory address with and without a slash, HTML revalidated, under the given CSP', async () => {
    await serve({ root: site(), csp: CSP })
    for (const url of ['/dashboard', '/dashboard/', '/dashboard/index.html']) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-type'], url).toMatch(/^text\/html/)
      expect(res.headers['cache-control'], url).toBe('no-cache')
      expect(res.headers['content-security-policy'], url).toBe(CSP)
      expect(res.headers['x-content-type-options'], url).toBe('nosniff')
      expect(res.headers['referrer-policy'], url).toBe('no-referrer')
      expect(res.headers['access-control-allow-origin'], url).toBeUndefined()
    }
  })

  it('caches hashed files for a year, and other files for maxAge (else revalidates)', async () => {
    const root = site()
    await serve({ root, immutable: (path) => path.startsWith('/dashboard/assets/') })
    expect((await app.inject('/dashboard/assets/chart.3f9a1c2b.js')).headers['cache-control']).toBe(IMMUTABLE)
    expect((await app.inject('/dashboard/app.js')).headers['cache-control']).toBe('no-cache')
    await app.close()
    await serve({ root, maxAge: 300 })
    const js = await app.inject('/dashboard/app.js')
    expect(js.headers['cache-control']).toBe('public, max-age=300')
    expect(js.headers['content-type']).toMatch(/javascript/)
    expect(js.headers.etag).toBeTruthy()
    // Revalidation answers 304 with the same policy.
    const again = await app.inject({ url: '/dashboard/app.js', headers: { 'if-none-match': js.headers.etag as string } })
    expect(again.statusCode).toBe(304)
    expect(again.headers['cache-control']).toBe('public, max-age=300')
  })

  it('never serves dotfiles, files outside the root, or files not allowed, and caches no 404', async () => {
    await serve({ root: site(), allow: (file) => file !== '/app.js', immutable: () => true })
    for (const url of ['/dashboard/.env', '/dashboard/../../etc/passwd', '/dashboard/app.js', '/dashboard/nope.js']) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(404)
      expect(res.headers['cache-control'], url).toBeUndefined()
    }
    // An encoded way out of the root is refused as such.
    const out = await app.inject('/dashboard/..%2F..%2Fetc%2Fpasswd')
    expect(out.statusCode).toBe(403)
    expect(out.body).not.toContain('root:')
  })

  it('serves a rebuilt file without a restart', async () => {
    const root = site()
    await serve({ root })
    expect((await app.inject('/dashboard/app.js')).body).toBe('export {}')
    writeFileSync(join(root, 'app.js'), 'export const v = 2')
    expect((await app.inject('/dashboard/app.js')).body).toBe('export const v = 2')
  })

  it('answers aliases with their file, opens CORS for cross-origin scripts, and marks every route public', async () => {
    await serve({ root: site(), aliases: { '/app.js': 'app.js' }, crossOrigin: true })
    const res = await app.inject('/app.js')
    expect(res.body).toBe('export {}')
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin')
    const seen = (app as unknown as { routesSeen: { config?: { access?: unknown } }[] }).routesSeen
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.map((route) => route.config?.access)).toEqual(seen.map(() => 'public'))
  })

  it('with fixed files registers one route per file, so that a root prefix answers no other path', async () => {
    await serve({ root: site(), prefix: '/', fixed: true })
    expect((await app.inject('/')).statusCode).toBe(200)
    expect((await app.inject('/app.js')).statusCode).toBe(200)
    expect((await app.inject('/v1/nothing')).json().error.code).toBe('not_found')
  })
})
