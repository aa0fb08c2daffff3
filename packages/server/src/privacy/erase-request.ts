/** What `otklik erase` and `POST /v1/admin/erase` take: one site or one service, optionally a date. */
import { z } from 'zod'
import { identifier } from '@otklik/contract/schemas'
import type { EraseTarget } from './erase.js'

export const EraseRequest = z
  .object({
    site: identifier.optional().describe('the site key whose events go'),
    service: identifier.optional().describe('the service id whose events go'),
    before: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-01-31')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'must be a real date')
      .optional()
      .describe('only what happened before this UTC date'),
  })
  .strict()
  .refine((r) => (r.site === undefined) !== (r.service === undefined), 'name either a site or a service')

export const toTarget = (r: z.infer<typeof EraseRequest>): EraseTarget => ({
  site: r.site,
  service: r.service,
  before: r.before === undefined ? undefined : Date.parse(`${r.before}T00:00:00Z`),
})
