/** Request and response schemas of the registry routes. */
import { z } from 'zod'
import { identifier, text } from '../contract/events.js'
import { SCOPES } from '../auth/scopes.js'

const ServicePolicySchema = z
  .union([z.enum(['any', 'registered']), z.array(identifier).min(1).max(1000)])
  .describe('services its events may name: any (unregistered ones capped per day), registered (in the registry), or a list of ids')

export const SiteSchema = z.object({
  key: z.string(),
  kind: z.enum(['web', 'app']),
  name: z.string(),
  origins: z.array(z.string()),
  sampling: z.number(),
  services: ServicePolicySchema,
})

export const NewSiteSchema = z
  .object({
    kind: z.enum(['web', 'app']).default('web'),
    name: text(200).min(1),
    origins: z.array(z.string().max(300)).max(100).default([]),
    key: identifier.optional(),
    sampling: z.number().min(0).max(1).default(1),
    services: ServicePolicySchema.default('any'),
  })
  .strict()
  .refine((s) => s.kind === 'app' || s.origins.length > 0, { message: 'a web site needs at least one allowed origin', path: ['origins'] })

export const CreatedSiteSchema = z.object({ site: SiteSchema, secret: z.string().optional() })

export const TokenSchema = z.object({ id: z.string(), scope: z.enum(SCOPES), name: z.string() })
export const NewTokenSchema = z.object({ scope: z.enum(SCOPES), name: text(200).default('') }).strict()
export const CreatedTokenSchema = TokenSchema.extend({ token: z.string() })
