/**
 * The one error handler: every error becomes `{ error: { code, message } }`
 * with a 4xx for the client's mistakes and a bare 500 (details in the log
 * only) for ours.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { issueReason } from '@otklik/contract/schemas'
import { OtklikError, errors } from './errors.js'
// Sets the validation messages of the whole process to the product's words.
import './http/product-words.js'

// Fastify's own client-error codes, renamed for our catalogue.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_VALIDATION: 'invalid_request',
}

// Where the bad value was, when not in the body.
const PARTS: Record<string, string> = { querystring: ' (query string)', params: ' (path)', headers: ' (headers)' }

// How long a client should wait when storage is away (the spool's first retry is sooner).
const RETRY_AFTER_S = '5'

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof OtklikError) {
    if (error.statusCode === 503) reply.header('retry-after', RETRY_AFTER_S)
    return reply.code(error.statusCode).send(errorBody(error))
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0]
    // The issue as zod made it (the type provider spreads it over params).
    const issue = first && ({ ...first.params, code: first.keyword, message: first.message, path: first.instancePath.split('/').filter(Boolean) } as z.core.$ZodIssue)
    const part = PARTS[error.validationContext ?? ''] ?? ''
    return reply.code(400).send({ error: { code: 'invalid_request', message: `${issueReason(issue)}${part}` } })
  }
  const status = error.statusCode ?? 500
  if (status === 429) {
    return reply.code(429).send({ error: { code: 'rate_limited', message: error.message } })
  }
  if (status >= 400 && status < 500) {
    let code = (error.code && FASTIFY_CODES[error.code]) ?? 'bad_request'
    let message = error.message
    // Fastify's JSON parser reports a SyntaxError with a 400.
    if (error instanceof SyntaxError || error.name === 'SyntaxError') {
      code = 'invalid_json'
      message = `body is not valid JSON: ${error.message}`
    }
    if (status === 413) return reply.code(413).send(errorBody(errors.bodyTooLarge(request.routeOptions.bodyLimit)))
    if (status === 415) return reply.code(415).send(errorBody(errors.unsupportedMediaType(request.headers['content-type'])))
    return reply.code(status).send({ error: { code, message } })
  }
  request.log.error({ err: error }, 'request failed')
  return reply.code(500).send({ error: { code: 'internal', message: 'something went wrong on our side; it has been logged' } })
}

function errorBody(error: OtklikError) {
  return { error: { code: error.code, message: error.message }, ...error.details }
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } })
}
