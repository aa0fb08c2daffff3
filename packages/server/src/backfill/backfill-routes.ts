/**
 * POST /v1/admin/import: one chunk of a history import, for
 * `otklik import` while a server holds DATA_DIR (the embedded engine
 * allows one process per directory, so the CLI hands chunks to the server).
 */
import { ImportChunkResultSchema, ImportChunkSchema } from '@otklik/contract/schemas'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { DEFAULT_IMPORT_SITE, importEvents } from './import-events.js'

const BODY_LIMIT = 32 * 1024 * 1024

export const backfillRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { store, config } = app.otklik
  app.post(
    '/import',
    {
      config: { access: 'admin' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['admin'],
        summary: 'Import a chunk of historical events (no time window)',
        description:
          'Each event is validated like POST /v1/events except the time window (events older than RETENTION_DAYS are rejected: the TTL would drop them), and may carry `user_agent` and `site`. Events whose id is stored already are counted in `already_present`, so a repeated import adds nothing.',
        body: ImportChunkSchema,
        response: { 200: ImportChunkResultSchema },
      },
    },
    async (request) =>
      importEvents(store, request.body.events, { site: request.body.site ?? DEFAULT_IMPORT_SITE, retentionDays: config.retentionDays }),
  )
}
