/**
 * JSON or CSV, with the same content: CSV when the path ends in `.csv`, when
 * `format=csv`, or when `Accept` prefers `text/csv` over JSON. CSV is an
 * export, which needs the analyst scope.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { allows } from '../auth/scopes.js'
import { errors } from '../errors.js'
import { preferred } from '../http/negotiate.js'
import { toCsv, type CsvRecord } from '../http/csv.js'

export function wantsCsv(request: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv'
  if (request.routeOptions.url?.endsWith('.csv')) return true
  return preferred(request.headers.accept, formatOf) === 'csv'
}

function formatOf(mediaType: string): 'csv' | 'json' | undefined {
  return mediaType === 'text/csv' ? 'csv' : mediaType === 'application/json' ? 'json' : undefined
}

/** Sends `records` as a CSV attachment named `name.csv`; checks the analyst scope first. */
export function sendCsv(request: FastifyRequest, reply: FastifyReply, name: string, records: readonly CsvRecord[], columns?: readonly string[]) {
  if (!request.token || !allows(request.token.scope, 'analyst')) throw errors.forbidden('analyst')
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(toCsv(records, columns))
}
