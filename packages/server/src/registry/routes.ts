/** Sites and API tokens, for the admin scope. */
import {
  CreatedSiteSchema,
  CreatedTokenSchema,
  NewSiteSchema,
  NewTokenSchema,
  SiteKeyParams,
  SiteListSchema,
  SiteSchema,
  TokenIdParams,
  TokenListSchema,
} from '@otklik/contract/schemas'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { errors } from '../errors.js'
import { InvalidOriginError, SiteExistsError, createSite, getSite, listSites, type Site } from './sites.js'
import { createToken, listTokens, revokeToken } from './tokens.js'

const publicSite = ({ secret_hash: _, ...site }: Site) => site

export const registryRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { store, sites, tokens } = app.otklik
  const config = { access: 'admin' } as const
  const tags = ['registry']

  app.get('/sites', { config, schema: { tags, summary: 'List sites', response: { 200: SiteListSchema } } }, async () => ({
    sites: (await listSites(store)).map(publicSite),
  }))

  app.get(
    '/sites/:key',
    { config, schema: { tags, summary: 'One site', params: SiteKeyParams, response: { 200: SiteSchema } } },
    async (request) => {
      const site = await getSite(store, request.params.key)
      if (!site) throw errors.notFound('site')
      return publicSite(site)
    },
  )

  app.post(
    '/sites',
    {
      config,
      schema: { tags, summary: 'Add a site; an app site gets its secret ingestion key once', body: NewSiteSchema, response: { 201: CreatedSiteSchema } },
    },
    async (request, reply) => {
      try {
        const created = await createSite(store, request.body)
        sites.forget(created.site.key)
        return reply.code(201).send({ ...created, site: publicSite(created.site) })
      } catch (err) {
        if (err instanceof SiteExistsError) throw errors.conflict(err.message)
        if (err instanceof InvalidOriginError) throw errors.badRequest(err.message)
        throw err
      }
    },
  )

  app.get('/tokens', { config, schema: { tags, summary: 'List API tokens (never their secrets)', response: { 200: TokenListSchema } } }, async () => ({
    tokens: await listTokens(store),
  }))

  app.post(
    '/tokens',
    { config, schema: { tags, summary: 'Create an API token; it is shown once', body: NewTokenSchema, response: { 201: CreatedTokenSchema } } },
    async (request, reply) => reply.code(201).send(await createToken(store, request.body.scope, request.body.name, request.body.agency)),
  )

  app.delete(
    '/tokens/:id',
    { config, schema: { tags, summary: 'Revoke an API token', params: TokenIdParams } },
    async (request, reply) => {
      if (!(await revokeToken(store, request.params.id))) throw errors.notFound('token')
      // At once in this process, not when the cache entry would expire.
      tokens.forget(request.params.id)
      return reply.code(204).send()
    },
  )
}
