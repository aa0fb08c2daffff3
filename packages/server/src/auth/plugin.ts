/**
 * One onRequest hook guards every route by its `config.access`: `public`,
 * or the scope a bearer token must have. A route that forgot to say is
 * refused (fail closed), and a test walks the route list to catch it early.
 */
import fp from 'fastify-plugin'
import { errors } from '../errors.js'
import { allows } from './scopes.js'

export const authPlugin = fp(async (app) => {
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access
    // CORS preflights carry no credentials and only answer with headers.
    if (access === 'public' || request.method === 'OPTIONS') return
    // 404s (no route) pass through to the not-found handler.
    if (request.routeOptions.url === undefined) return
    if (access === undefined) throw errors.forbidden('an explicit')
    const header = request.headers.authorization
    // The scheme is case-insensitive (RFC 9110).
    const token = header === undefined ? undefined : /^bearer\s+(\S+)\s*$/i.exec(header)?.[1]
    if (!token) throw errors.unauthorized()
    const info = await app.otklik.tokens.verify(token)
    if (!info) throw errors.tokenNotRecognised()
    if (!allows(info.scope, access)) throw errors.forbidden(access)
    request.token = info
  })
})
