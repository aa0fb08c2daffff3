/**
 * POST /v1/admin/import: one chunk of a history import, for
 * `otklik import` while a server holds DATA_DIR (the embedded engine
 * allows one process per directory, so the CLI hands chunks to the server).
 */
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { identifier } from '@otklik/contract/schemas'
import { DEFAULT_IMPORT_SITE, importEvents } from './import-events.js'

/** Largest chunk the route takes; the CLI sends a few thousand events. */
export const MAX_CHUNK_EVENTS = 10_000
const BODY_LIMIT = 32 * 1024 * 1024

const ChunkSchema = z
  .object({
    site: identifier.optional().describe('site for events that name none (default: import)'),
    events: z.array(z.unknown()).min(1).max(MAX_CHUNK_EVENTS),
  })
  .strict()

const ChunkResultSchema = z.object({
  imported: z.number().int(),
  already_present: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
})

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
        body: ChunkSchema,
        response: { 200: ChunkResultSchema },
      },
    },
    async (request) =>
      importEvents(store, request.body.events, { site: request.body.site ?? DEFAULT_IMPORT_SITE, retentionDays: config.retentionDays }),
  )
}
