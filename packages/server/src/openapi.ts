/**
 * The OpenAPI document: the zod schemas of @otklik/contract (named ones as
 * components), and what the routes' schemas cannot say themselves, added
 * from what each route declares: its bearer security and scope (from
 * `config.access`), its error responses (all with the one `ErrorBody`),
 * the media types it takes and gives. Documentation only: the transform
 * never changes how a route validates or serializes.
 */
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import type { FastifyContextConfig } from 'fastify'
import type { Access } from './auth/scopes.js'

type Json = Record<string, unknown>
type TransformInput = Parameters<typeof jsonSchemaTransform>[0]

const ERROR_BODY = { $ref: '#/components/schemas/ErrorBody' }

/** What each error status means, as the error handler and the auth hook send it. */
const ERRORS: Record<number, string> = {
  400: 'The request is not valid (invalid_request, bad_request, invalid_json); the message says which field and why.',
  401: 'No bearer token, or one that is not recognised (unauthorized).',
  403: "The token's scope is not enough (forbidden).",
  404: 'Not found (not_found).',
  409: 'It exists already (conflict).',
  413: 'The body is larger than this route takes (body_too_large).',
  415: 'The content type is not one this route takes (unsupported_media_type).',
  429: 'Too many requests from this client or for this site (rate_limited); retry later.',
  500: 'Something went wrong on our side (internal); it has been logged.',
  503: 'Storage is unreachable right now (storage_unavailable); retry after the Retry-After seconds.',
}

/** Errors a route can answer beyond what its shape implies (see `errorStatuses`). */
const EXTRA_ERRORS: Record<string, number[]> = {
  // Unknown site, origin not allowed or missing, app key missing or wrong, storage away, per-site rate limit.
  'POST /v1/events': [401, 403, 404, 429, 503],
  'POST /v1/sites': [409],
  'GET /v1/open/services.json': [429],
  'GET /v1/open/services.csv': [429],
}

/** Media types a route takes, when not only JSON. */
const CONSUMES: Record<string, string[]> = {
  // sendBeacon posts text/plain (no CORS preflight); the body is the same JSON.
  'POST /v1/events': ['application/json', 'text/plain'],
}

const CSV = { 'text/csv': { schema: { type: 'string', description: 'CSV (RFC 4180), header row first, UTF-8' } } }

function errorStatuses(method: string, url: string, schema: Json, access: Access | undefined): number[] {
  const codes = new Set<number>([500, ...(EXTRA_ERRORS[`${method} ${url}`] ?? [])])
  if (schema.querystring || schema.body || schema.params) codes.add(400)
  if (access !== 'public') {
    codes.add(401)
    codes.add(403)
  }
  if (schema.params) codes.add(404)
  if (method === 'POST' || method === 'PUT') {
    codes.add(400)
    codes.add(413)
    codes.add(415)
  }
  return [...codes].sort()
}

const scopeText = (access: Access | undefined) =>
  access === 'public' ? 'Public: no token.' : `Needs a bearer token with the \`${access}\` scope (or a higher one).`

/** The route transform: the zod conversion, then security, scope, errors and media types. */
export function documentRoute(input: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const out = jsonSchemaTransform(input)
  const schema = out.schema as Json
  if (schema.hide) return out
  const route = input.route as { method: string | string[]; config?: FastifyContextConfig }
  const method = [route.method].flat()[0] ?? 'GET'
  const url = input.url
  const access = route.config?.access
  // Public routes say so explicitly: an operation without `security` would inherit a global one.
  schema.security = access === 'public' ? [] : [{ bearer: [] }]
  schema.operationId = operationId(method, url)
  schema.description = [schema.description, scopeText(access)].filter(Boolean).join('\n\n')
  const consumes = CONSUMES[`${method} ${url}`]
  if (consumes) schema.consumes = consumes

  const response: Json = { ...((schema.response as Json | undefined) ?? {}) }
  const csv = route.config?.csv
  for (const [status, body] of Object.entries(response)) {
    if (!status.startsWith('2')) continue
    const b = body as Json
    // A 2xx with no body (204) is documented as such.
    if (b.type === 'null') continue
    const description = (b.description as string | undefined) ?? 'OK'
    response[status] = { description, content: { ...(csv === 'only' ? {} : { 'application/json': { schema: b } }), ...(csv ? CSV : {}) } }
  }
  if (csv === 'only' && !Object.keys(response).some((s) => s.startsWith('2'))) response['200'] = { description: 'OK', content: CSV }
  if (method === 'DELETE' && !response['204']) response['204'] = { type: 'null', description: 'Done; no body.' }
  for (const status of errorStatuses(method, url, schema, access)) {
    response[status] = { description: ERRORS[status], content: { 'application/json': { schema: ERROR_BODY } } }
  }
  schema.response = response
  return { ...out, schema }
}

/** A name for generated clients: `GET /v1/services/:id` is `getServicesById`, `.csv` paths end in `Csv`. */
export function operationId(method: string, url: string): string {
  const words = url
    .replace(/^\/v1\//, '/')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `by-${w.slice(1)}` : w))
    .flatMap((w) => w.split('-'))
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('')
}

/**
 * The object transform: named zod schemas become components, and only the
 * ones the operations reach stay (each schema has an input and an output
 * variant; most are used one way only).
 */
function documentObject(input: Parameters<typeof jsonSchemaTransformObject>[0]): ReturnType<typeof jsonSchemaTransformObject> {
  const doc = jsonSchemaTransformObject(input) as Json & { paths?: Json; components?: { schemas?: Record<string, unknown> } }
  const all = doc.components?.schemas ?? {}
  const used = new Set<string>()
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (node === null || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      const name = key === '$ref' && typeof value === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(value)?.[1] : undefined
      if (name !== undefined && !used.has(name)) {
        used.add(name)
        visit(all[name])
      } else visit(value)
    }
  }
  visit(doc.paths)
  const schemas = Object.fromEntries(Object.entries(all).filter(([name]) => used.has(name)))
  return { ...doc, components: { ...doc.components, schemas } } as ReturnType<typeof jsonSchemaTransformObject>
}

/** The options of @fastify/swagger for the one document. */
export function openApiOptions(version: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Otklik API',
        version,
        description: 'Feedback and analytics for public services. Errors are `{ "error": { "code", "message" } }` (ErrorBody).',
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      servers: [{ url: '/', description: 'this server' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token (`otklik token create`); scopes viewer < analyst < admin.' } } },
    },
    transform: documentRoute,
    transformObject: documentObject,
  }
}
