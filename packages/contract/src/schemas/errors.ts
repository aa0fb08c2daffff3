/** The one error body every route answers an error with (see the server's errors.ts). */
import { z } from 'zod'

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('stable, machine-readable: invalid_request, unauthorized, forbidden, not_found, rate_limited, storage_unavailable...'),
      message: z.string().describe('what went wrong, in plain words'),
    }),
    accepted: z.number().int().optional().describe('all_events_rejected: 0'),
    rejected: z
      .array(z.object({ index: z.number().int(), reason: z.string() }))
      .optional()
      .describe('all_events_rejected: why each event was refused'),
  })
  .meta({ id: 'ErrorBody' })
