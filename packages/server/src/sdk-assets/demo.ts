/**
 * The demo service at /demo/ (pages in demo-pages.ts, script and styles in
 * public/), served under a strict Content Security Policy with no inline
 * script or style, to show that the SDK and its survey work there.
 */
import { randomInt } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { securityHeaders, serveStaticDir } from '../http/static-dir.js'
import { ownFile } from '../own-files.js'
import { DEMO_PAGES, demoPage } from './demo-pages.js'

export const DEMO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')


export const demoPageRoutes: FastifyPluginAsync = async (app) => {
  for (const page of DEMO_PAGES) {
    app.get<{ Querystring: { lang?: string } }>(`/demo/${page}`, { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
      const lang = req.query.lang === 'en' ? 'en' : 'ru'
      const number = page === 'done' ? `${new Date().getFullYear()}-${randomInt(100000, 999999)}` : ''
      // Each confirmation page has its own application number: never stored.
      return securityHeaders(reply, { csp: DEMO_CSP })
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(demoPage(page, lang, number))
    })
  }
  await serveStaticDir(app, { prefix: '/demo/', root: ownFile('sdk-assets/public/'), csp: DEMO_CSP, fixed: true, maxAge: 300 })
}
