/** Request and response schemas of the site routes (admin scope). */
import { z } from 'zod'
import { identifier, text } from './events.js'

export const SITE_KINDS = ['web', 'app'] as const

export const ServicePolicySchema = z
  .union([z.enum(['any', 'registered']), z.array(identifier).min(1).max(1000)])
  .describe('services its events may name: any (unregistered ones capped per day), registered (in the registry), or a list of ids')

export const SiteSchema = z
  .object({
    key: z.string(),
    kind: z.enum(SITE_KINDS),
    name: z.string(),
    origins: z.array(z.string()),
    sampling: z.number(),
    services: ServicePolicySchema,
  })
  .meta({ id: 'Site' })

export const NewSiteSchema = z
  .object({
    kind: z.enum(SITE_KINDS).default('web'),
    name: text(200).min(1),
    origins: z.array(z.string().max(300)).max(100).default([]),
    key: identifier.optional(),
    sampling: z.number().min(0).max(1).default(1),
    services: ServicePolicySchema.default('any'),
  })
  .strict()
  .refine((s) => s.kind === 'app' || s.origins.length > 0, { message: 'a web site needs at least one allowed origin', path: ['origins'] })
  .meta({ id: 'NewSite' })

export const SiteListSchema = z.object({ sites: z.array(SiteSchema) }).meta({ id: 'SiteList' })
export const SiteKeyParams = z.object({ key: z.string().max(128) })
export const CreatedSiteSchema = z.object({ site: SiteSchema, secret: z.string().optional() }).meta({ id: 'CreatedSite' })
