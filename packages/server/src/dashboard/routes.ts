/**
 * The manager's dashboard at /dashboard/ and the public page at /open/,
 * both built by @otklik/dashboard and found by package resolution. The
 * hashed assets are immutable; the HTML is revalidated on every load. Every
 * response carries the strict Content-Security-Policy the pages are built
 * for: no inline script or style, no other host.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { errors } from '../errors.js'

export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'
const PUBLIC = { access: 'public' } as const

/** The dashboard's dist folder, or undefined when the package is not built. */
export function dashboardDist(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('@otklik/dashboard/dist/index.html'))
  } catch {
    return undefined
  }
}

const securityHeaders = (reply: { header(name: string, value: string): unknown }) => {
  reply.header('content-security-policy', PAGE_CSP)
  reply.header('x-content-type-options', 'nosniff')
  reply.header('referrer-policy', 'no-referrer')
}

export const dashboardRoutes: FastifyPluginAsync<{ dist?: string | undefined }> = async (app, opts) => {
  const dist = opts.dist ?? dashboardDist()
  if (dist === undefined) {
    // A server run from source without `pnpm build`: say so rather than 404.
    const notBuilt = async () => {
      throw errors.notFound('the dashboard build (run `pnpm build`)')
    }
    for (const url of ['/dashboard/', '/dashboard/*', '/open/']) app.get(url, { config: PUBLIC, schema: { hide: true } }, notBuilt)
    return
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/dashboard/',
    index: false,
    cacheControl: false,
    etag: true,
    lastModified: false,
    decorateReply: false,
    // Only the hashed assets; the two pages are sent below, the manifest never.
    allowedPath: (path) => /^\/assets\/[\w.-]+$/.test(path),
    setHeaders: (res) => {
      securityHeaders({ header: (n, v) => res.setHeader(n, v) })
      res.setHeader('cache-control', IMMUTABLE)
    },
  })
  // The two pages, read once: they change only with a new build (and a restart).
  for (const [url, file] of [
    ['/dashboard/', 'index.html'],
    ['/open/', join('open', 'index.html')],
  ] as const) {
    const page = readFileSync(join(dist, file))
    app.get(url, { config: PUBLIC, schema: { hide: true } }, async (_request, reply: FastifyReply) => {
      securityHeaders(reply)
      return reply.header('cache-control', REVALIDATE).type('text/html; charset=utf-8').send(page)
    })
  }
}
