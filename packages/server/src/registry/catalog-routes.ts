/**
 * The catalogue: services (with targets), life situations and agencies.
 * Reads need a viewer token, writes the admin token. `PUT` is an upsert of
 * the whole entry; `POST /v1/registry/import` loads a whole registry.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { errors } from '../errors.js'
import {
  AgencyListSchema,
  IdParams,
  LifeSituationListSchema,
  ImportResultSchema,
  NamedInputSchema,
  NamedSchema,
  RegistryDocumentSchema,
  ServiceFilterSchema,
  ServiceInputSchema,
  ServiceListSchema,
  ServiceSchema,
} from '@otklik/contract/schemas'
import { importRegistry } from './import-registry.js'
import { namedOf, namedRowOf, namedTables, type NamedTable } from './named-entries.js'
import {
  DEFAULT_TARGETS_VIEW,
  listServiceRows,
  serviceTable,
  rowOf,
  serviceOf,
  unregisteredServices,
} from './services.js'

const read = { access: 'viewer' } as const
const write = { access: 'admin' } as const
// A registry document of 20,000 entries fits comfortably.
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024

const mustMatch = (pathId: string, bodyId: string | undefined) => {
  if (bodyId !== undefined && bodyId !== pathId) throw errors.badRequest(`body id ${bodyId} differs from the id in the path (${pathId})`)
}

export const catalogRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { store } = app.otklik
  const tags = ['registry']

  app.get(
    '/services',
    {
      config: read,
      schema: { tags, summary: 'Registered services with their targets, and services seen in events but not registered', querystring: ServiceFilterSchema, response: { 200: ServiceListSchema } },
    },
    async (request) => {
      const [rows, unregistered] = await Promise.all([listServiceRows(store, request.query), unregisteredServices(store)])
      return { services: rows.map(serviceOf), default_targets: { ...DEFAULT_TARGETS_VIEW }, unregistered }
    },
  )

  app.get(
    '/services/:id',
    { config: read, schema: { tags, summary: 'One service', params: IdParams, response: { 200: ServiceSchema } } },
    async (request) => {
      const row = await serviceTable.get(store, request.params.id)
      if (!row) throw errors.notFound('service')
      return serviceOf(row)
    },
  )

  app.put(
    '/services/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add or replace a service (201 when added); targets left out or null use the portfolio defaults',
        params: IdParams,
        body: ServiceInputSchema,
        response: { 200: ServiceSchema, 201: ServiceSchema },
      },
    },
    async (request, reply) => {
      mustMatch(request.params.id, request.body.id)
      const row = rowOf(request.params.id, request.body)
      const added = await serviceTable.put(store, row)
      return reply.code(added ? 201 : 200).send(serviceOf(row))
    },
  )

  app.delete(
    '/services/:id',
    { config: write, schema: { tags, summary: 'Remove a service from the registry (its events are kept)', params: IdParams } },
    async (request, reply) => {
      if (!(await serviceTable.delete(store, request.params.id))) throw errors.notFound('service')
      return reply.code(204).send()
    },
  )

  for (const [path, table, what, listSchema] of [
    ['/life-situations', 'life_situations', 'life situation', LifeSituationListSchema],
    ['/agencies', 'agencies', 'agency', AgencyListSchema],
  ] as const satisfies readonly (readonly [string, NamedTable, string, unknown])[]) {
    app.get(
      path,
      { config: read, schema: { tags, summary: `List ${table.replace('_', ' ')}`, response: { 200: listSchema } } },
      // TypeScript widens the computed key to a string index; it is the list schema's one key.
      async () => ({ [table]: (await namedTables[table].list(store)).map(namedOf) }) as z.output<typeof listSchema>,
    )
    app.get(
      `${path}/:id`,
      { config: read, schema: { tags, summary: `One ${what}`, params: IdParams, response: { 200: NamedSchema } } },
      async (request) => {
        const row = await namedTables[table].get(store, request.params.id)
        if (!row) throw errors.notFound(what)
        return namedOf(row)
      },
    )
    app.put(
      `${path}/:id`,
      {
        config: write,
        schema: { tags, summary: `Add or rename a ${what} (201 when added)`, params: IdParams, body: NamedInputSchema, response: { 200: NamedSchema, 201: NamedSchema } },
      },
      async (request, reply) => {
        mustMatch(request.params.id, request.body.id)
        const row = namedRowOf(request.params.id, request.body)
        const added = await namedTables[table].put(store, row)
        return reply.code(added ? 201 : 200).send(namedOf(row))
      },
    )
    app.delete(
      `${path}/:id`,
      { config: write, schema: { tags, summary: `Remove a ${what}`, params: IdParams } },
      async (request, reply) => {
        if (!(await namedTables[table].delete(store, request.params.id))) throw errors.notFound(what)
        return reply.code(204).send()
      },
    )
  }

  app.post(
    '/registry/import',
    {
      config: write,
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Load agencies, life situations and services in one step',
        description:
          'Each entry is validated on its own: bad ones are listed in `rejected` (kind, index, reason), good ones are stored. Entries equal to the stored ones are left alone, so a repeated import changes nothing.',
        body: RegistryDocumentSchema,
        response: { 200: ImportResultSchema },
      },
    },
    async (request) => importRegistry(store, request.body),
  )
}
