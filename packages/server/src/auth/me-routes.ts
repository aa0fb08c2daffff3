/**
 * `GET /v1/me`: what the presented token may do, so that an app (the
 * dashboard) can leave out what the scope cannot read instead of showing
 * errors. Any valid token.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { MeSchema } from '@otklik/contract/schemas'
import { errors } from '../errors.js'

export const meRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/me',
    { config: { access: 'viewer' }, schema: { tags: ['auth'], summary: "The token's scope", security: [{ bearer: [] }], response: { 200: MeSchema } } },
    async (request) => {
      // The auth hook has verified the token and put what it knows on the request.
      if (!request.token) throw errors.unauthorized()
      return { scope: request.token.scope, name: request.token.name, agency: request.token.agency ?? null }
    },
  )
}
