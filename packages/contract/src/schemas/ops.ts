/** Response schemas of the operator routes `/healthz` and `/readyz`. */
import { z } from 'zod'

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' })

export const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'storage unreachable']),
    storage: z.enum(['ok', 'unreachable']),
    spool: z.object({ blocks: z.number().int().describe('blocks of events waiting in the local spool for ClickHouse') }),
  })
  .meta({ id: 'Readiness' })
