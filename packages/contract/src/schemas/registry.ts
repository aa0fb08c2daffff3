/**
 * Request and response schemas of the catalogue: services, life situations
 * and agencies. One source for validation, types and the OpenAPI document.
 */
import { z } from 'zod'
import { identifier, text } from './events.js'

/** A name shown on pages and in CSV: well-formed, one line, not empty. */
const displayName = text(300)
  .trim()
  .min(1, 'must not be empty')

/** Target ranges: the same scales as the metrics they bound. */
export const TARGET_RANGES = {
  csat: [0, 1],
  nps: [-100, 100],
  ces: [1, 7],
  completion: [0, 1],
  error_rate: [0, 1],
} as const

export type TargetKey = keyof typeof TARGET_RANGES
export const TARGET_KEYS = Object.keys(TARGET_RANGES) as TargetKey[]

const target = (key: TargetKey) => {
  const [lo, hi] = TARGET_RANGES[key]
  return z.number().min(lo, `must be ${lo}..${hi}`).max(hi, `must be ${lo}..${hi}`).nullable().optional()
}

/** A service's own targets; absent or null means the portfolio default. */
export const TargetsInputSchema = z
  .object({
    csat: target('csat'),
    nps: target('nps'),
    ces: target('ces'),
    completion: target('completion'),
    error_rate: target('error_rate'),
  })
  .strict()
  .meta({ id: 'ServiceTargets' })

/** Who answers for a service's flags: a name and a contact (an e-mail address gets the flag mail). */
export const OwnerInputSchema = z
  .object({ name: text(200).trim().min(1, 'must not be empty'), contact: text(200).trim().min(1, 'must not be empty') })
  .strict()

export const ServiceInputSchema = z
  .object({
    id: identifier.optional(),
    name_ru: displayName,
    name_en: displayName.optional(),
    agency: identifier.nullable().optional(),
    life_situations: z.array(identifier).max(100).default([]),
    targets: TargetsInputSchema.default({}),
    owner: OwnerInputSchema.nullable().optional(),
  })
  .strict()
  .meta({ id: 'ServiceEntry' })
export type ServiceInput = z.infer<typeof ServiceInputSchema>

const numbers = z.object({ csat: z.number(), nps: z.number(), ces: z.number(), completion: z.number(), error_rate: z.number() })

export const ServiceSchema = z.object({
  id: z.string(),
  name_ru: z.string(),
  name_en: z.string(),
  agency: z.string().nullable(),
  life_situations: z.array(z.string()),
  owner: z.object({ name: z.string(), contact: z.string() }).nullable().describe("who answers for the service's flags"),
  targets: numbers.describe('effective targets: the service own ones, else the portfolio defaults'),
  custom_targets: z
    .object({
      csat: z.number().nullable(),
      nps: z.number().nullable(),
      ces: z.number().nullable(),
      completion: z.number().nullable(),
      error_rate: z.number().nullable(),
    })
    .describe('the targets set for this service; null = portfolio default'),
}).meta({ id: 'Service' })
export type Service = z.infer<typeof ServiceSchema>

export const ServiceListSchema = z.object({
  services: z.array(ServiceSchema),
  default_targets: numbers,
  unregistered: z
    .array(z.object({ service: z.string(), events: z.number() }))
    .describe('services that sent events in the last 90 days but are not in the registry'),
}).meta({ id: 'ServiceList' })

export const NamedInputSchema = z
  .object({ id: identifier.optional(), name_ru: displayName, name_en: displayName.optional() })
  .strict()
  .meta({ id: 'NamedEntry' })
export type NamedInput = z.infer<typeof NamedInputSchema>

export const NamedSchema = z.object({ id: z.string(), name_ru: z.string(), name_en: z.string() }).meta({ id: 'Named' })
export type Named = z.infer<typeof NamedSchema>

export const LifeSituationListSchema = z.object({ life_situations: z.array(NamedSchema) }).meta({ id: 'LifeSituationList' })
export const AgencyListSchema = z.object({ agencies: z.array(NamedSchema) }).meta({ id: 'AgencyList' })

export const IdParams = z.object({ id: identifier })

export const ServiceFilterSchema = z
  .object({ agency: identifier.optional(), life_situation: identifier.optional() })
  .strict()

/** Largest bulk import in one request. */
export const MAX_IMPORT_ENTRIES = 20_000

/** A registry document: the shape `otklik registry import` sends. */
export const RegistryDocumentSchema = z
  .object({
    agencies: z.array(z.unknown()).max(MAX_IMPORT_ENTRIES).default([]),
    life_situations: z.array(z.unknown()).max(MAX_IMPORT_ENTRIES).default([]),
    services: z.array(z.unknown()).max(MAX_IMPORT_ENTRIES).default([]),
  })
  .strict()
  .meta({ id: 'RegistryDocument' })
export type RegistryDocument = z.infer<typeof RegistryDocumentSchema>

const counts = z.object({ added: z.number(), updated: z.number(), unchanged: z.number() })
export const ImportResultSchema = z.object({
  agencies: counts,
  life_situations: counts,
  services: counts,
  rejected: z.array(z.object({ kind: z.enum(['agencies', 'life_situations', 'services']), index: z.number(), reason: z.string() })),
}).meta({ id: 'RegistryImportResult' })
export type ImportResult = z.infer<typeof ImportResultSchema>
