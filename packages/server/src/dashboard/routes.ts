/**
 * The manager's dashboard at /dashboard/ and the public page at /open/,
 * both built by @otklik/dashboard and found by package resolution. The
 * hashed assets are immutable; the HTML is revalidated on every load. Every
 * response carries the strict Content-Security-Policy the pages are built
 * for: no inline script or style, no other host.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { errors } from '../errors.js'
import { serveStaticDir } from '../http/static-dir.js'

export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** The dashboard's dist folder, or undefined when the package is not built. */
export function dashboardDist(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('@otklik/dashboard/dist/index.html'))
  } catch {
    return undefined
  }
}

export async function dashboardRoutes(app: FastifyInstance, opts: { dist?: string | undefined } = {}): Promise<void> {
  const dist = opts.dist ?? dashboardDist()
  if (dist === undefined) {
    // A server run from source without `pnpm build`: say so rather than 404.
    const notBuilt = async () => {
      throw errors.notFound('the dashboard build (run `pnpm build`)')
    }
    for (const url of ['/dashboard/', '/dashboard/*', '/open/']) app.get(url, { config: { access: 'public' }, schema: { hide: true } }, notBuilt)
    return
  }
  // The page and its hashed assets (immutable); the manifest and the open page's copy never.
  await serveStaticDir(app, {
    prefix: '/dashboard/',
    root: dist,
    csp: PAGE_CSP,
    immutable: (path) => path.startsWith('/dashboard/assets/'),
    allow: (file) => file === '/index.html' || /^\/assets\/[\w.-]+$/.test(file),
  })
  await serveStaticDir(app, { prefix: '/open/', root: join(dist, 'open'), csp: PAGE_CSP, allow: (file) => file === '/index.html' })
}
