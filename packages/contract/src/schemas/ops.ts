/** Response schemas of the operator routes `/healthz` and `/readyz`. */
import { z } from 'zod'

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' })

export const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'events cannot be stored']),
    storage: z.enum(['ok', 'unreachable']),
    spool: z.object({
      blocks: z.number().int().describe('blocks of events waiting in the local spool for ClickHouse'),
      writable: z.boolean().describe('the spool can take blocks while ClickHouse is away'),
      oldest_block_age_s: z.number().int().nullable().describe('age of the oldest waiting block, seconds; null when none waits'),
    }),
  })
  .meta({ id: 'Readiness' })
