/** Request and response schemas of the API token routes (admin scope). */
import { z } from 'zod'
import { SCOPES } from '../rules.js'
import { identifier, text } from './events.js'

export const TokenSchema = z
  .object({ id: z.string(), scope: z.enum(SCOPES), name: z.string(), agency: z.string().optional().describe('the one agency whose flags the token sees') })
  .meta({ id: 'Token' })
export const TokenListSchema = z.object({ tokens: z.array(TokenSchema) }).meta({ id: 'TokenList' })
export const NewTokenSchema = z
  .object({ scope: z.enum(SCOPES), name: text(200).default(''), agency: identifier.optional().describe('restrict the token to the flags of one agency') })
  .strict()
  .meta({ id: 'NewToken' })
export const CreatedTokenSchema = TokenSchema.extend({ token: z.string().describe('the secret, shown once') }).meta({ id: 'CreatedToken' })
export const TokenIdParams = z.object({ id: z.string().max(64) })

/** `GET /v1/me`: what the presented token may do. */
export const MeSchema = z
  .object({
    scope: z
      .enum(SCOPES)
      .describe('viewer reads figures and flags; analyst also comments and CSV exports; manager also acts on flags; admin also manages the registry, sites and tokens'),
    name: z.string().describe('the name the token was created with'),
    agency: z.string().nullable().describe("the one agency whose flags the token sees and moves, or null for all"),
  })
  .meta({ id: 'Me' })
