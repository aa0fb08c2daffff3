/**
 * JSON or CSV, with the same content: CSV when the path ends in `.csv`, when
 * `format=csv`, or when `Accept` prefers `text/csv` over JSON. CSV is an
 * export, which needs the analyst scope.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { allows } from '../auth/scopes.js'
import { errors } from '../errors.js'
import { toCsv, type CsvRecord } from './csv.js'

export function wantsCsv(request: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv'
  if (request.routeOptions.url?.endsWith('.csv')) return true
  return preferred(request.headers.accept) === 'csv'
}

/** The first of CSV or JSON by `Accept` q-values (ties: the order given); undefined when neither is named. */
function preferred(accept: string | undefined): 'csv' | 'json' | undefined {
  if (!accept) return undefined
  let best: { kind: 'csv' | 'json'; q: number } | undefined
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';')
    const kind = type.trim() === 'text/csv' ? 'csv' : type.trim() === 'application/json' ? 'json' : undefined
    if (!kind) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam ? Number(qParam.slice(2)) : 1
    if (!(q > 0)) continue
    if (!best || q > best.q) best = { kind, q }
  }
  return best?.kind
}

/** Sends `records` as a CSV attachment named `name.csv`; checks the analyst scope first. */
export function sendCsv(request: FastifyRequest, reply: FastifyReply, name: string, records: readonly CsvRecord[], columns?: readonly string[]) {
  if (!request.token || !allows(request.token.scope, 'analyst')) throw errors.forbidden('analyst')
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(toCsv(records, columns))
}
