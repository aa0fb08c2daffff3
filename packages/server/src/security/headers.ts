/**
 * Security headers on every response (@fastify/helmet): nosniff, no
 * referrer, no framing, a CSP that allows nothing for API answers (HTML
 * pages — the docs, the open-data page, the demo — set their own), HSTS
 * only when HSTS=true (the server sits behind TLS), and `no-store` on every
 * answer to a request that carried a token, so that no cache keeps it.
 */
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export const securityHeaders = fp(async (app: FastifyInstance, opts: { hsts: boolean }) => {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
    // sdk.js and its widget chunk are loaded by the pages of other origins.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  })
  app.addHook('onSend', async (request, reply) => {
    if (request.headers.authorization !== undefined) reply.header('cache-control', 'no-store')
  })
})
