/**
 * `/`: a small page linking to what the server offers, so that whoever
 * opens the server's address finds their way (public, static, under a
 * strict Content Security Policy: no script, no inline style).
 */
import type { FastifyPluginAsync } from 'fastify'
import { serveStaticDir } from '../http/static-dir.js'
import { ownFile } from '../own-files.js'

export const LANDING_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export const landingRoutes: FastifyPluginAsync = async (app) => {
  // Fixed files: a wildcard at `/` would answer every unknown path.
  await serveStaticDir(app, { prefix: '/', root: ownFile('landing/public/'), csp: LANDING_CSP, fixed: true })
}
