/** Request and response schemas of the admin loads: a chunk of a history import, the demo seed. */
import { z } from 'zod'
import { identifier } from './events.js'

/** Largest chunk `POST /v1/admin/import` takes; the CLI sends a few thousand events. */
export const MAX_CHUNK_EVENTS = 10_000

export const ImportChunkSchema = z
  .object({
    site: identifier.optional().describe('site for events that name none (default: import)'),
    events: z.array(z.unknown()).min(1).max(MAX_CHUNK_EVENTS),
  })
  .strict()
  .meta({ id: 'ImportChunk' })

export const ImportChunkResultSchema = z
  .object({
    imported: z.number().int(),
    already_present: z.number().int(),
    rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
  })
  .meta({ id: 'ImportChunkResult' })

export const DemoSeedBody = z
  .object({ end: z.string().max(64).optional().describe('where the 90 days end, exclusive like `to` (a date, an ISO 8601 time or epoch ms); default now') })
  // A POST without a body seeds up to now.
  .nullish()
  .meta({ id: 'DemoSeedBody' })

export const DemoSeedResultSchema = z
  .object({
    seeded: z.boolean().describe('false when demo events were there already: nothing was added'),
    agencies: z.number(),
    life_situations: z.number(),
    services: z.number(),
    events: z.number(),
  })
  .meta({ id: 'DemoSeedResult' })
