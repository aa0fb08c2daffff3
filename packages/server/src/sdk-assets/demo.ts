/**
 * The demo service at /demo/ (pages in demo-pages.ts), served under a strict
 * Content Security Policy with no inline script or style, to show that the
 * SDK and its survey work there.
 */
import { randomInt } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { DEMO_CSS, DEMO_ICON, DEMO_JS } from './demo-assets.js'
import { DEMO_PAGES, demoPage, type DemoPage } from './demo-pages.js'

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
  const config = { access: 'public' as const }
  const schema = { hide: true }

  app.get<{ Params: { page?: string }; Querystring: { lang?: string } }>('/demo/:page?', { config, schema }, async (req, reply) => {
    const page = (req.params.page ?? '') as DemoPage
    if (!DEMO_PAGES.includes(page)) return reply.callNotFound()
    const lang = req.query.lang === 'en' ? 'en' : 'ru'
    const number = page === 'done' ? `${new Date().getFullYear()}-${randomInt(100000, 999999)}` : ''
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', DEMO_CSP)
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .send(demoPage(page, lang, number))
  })
  for (const [file, type, body] of [
    ['demo.js', 'text/javascript; charset=utf-8', DEMO_JS],
    ['demo.css', 'text/css; charset=utf-8', DEMO_CSS],
    ['icon.svg', 'image/svg+xml', DEMO_ICON],
  ] as const) {
    app.get(`/demo/${file}`, { config, schema }, async (_req, reply) =>
      reply.header('content-type', type).header('cache-control', 'public, max-age=300').header('x-content-type-options', 'nosniff').send(body),
    )
  }
}
