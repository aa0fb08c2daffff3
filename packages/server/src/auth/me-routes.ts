/**
 * `GET /v1/me`: what the presented token may do, so that an app (the
 * dashboard) can leave out what the scope cannot read instead of showing
 * errors. Any valid token.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { errors } from '../errors.js'
import { SCOPES } from './scopes.js'

const MeSchema = z.object({
  scope: z.enum(SCOPES).describe('viewer reads figures and flags; analyst also comments and CSV exports; admin also manages the registry, sites and tokens'),
  name: z.string().describe('the name the token was created with'),
})

export const meRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/me',
    { config: { access: 'viewer' }, schema: { tags: ['auth'], summary: "The token's scope", security: [{ bearer: [] }], response: { 200: MeSchema } } },
    async (request) => {
      // The auth hook has verified the token and put what it knows on the request.
      if (!request.token) throw errors.unauthorized()
      return { scope: request.token.scope, name: request.token.name }
    },
  )
}
