/**
 * Registers a report as `GET path` (JSON, or CSV when asked, see format.ts)
 * and `GET path.csv` (always CSV): the same handler, the same content.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify'
import type { z } from 'zod'
import type { Access } from '../auth/scopes.js'
import type { CsvRecord } from '../http/csv.js'
import { columnsOfList } from './csv-columns.js'
import { sendCsv, wantsCsv } from './format.js'

export interface ExportRouteSpec<Q extends z.ZodType<{ format?: 'json' | 'csv' | undefined }>, R extends z.ZodType> {
  /** Base name of the CSV file. */
  name: string
  access: Access
  tags: string[]
  summary: string
  description: string
  querystring: Q
  response: R
  /** The CSV records of a body: one per element of its list. */
  csv: (body: z.output<R>) => CsvRecord[]
  /** The columns when `csv` gives no record; by default the list element's fields. */
  csvColumns?: string[]
  handler: (query: z.output<Q>, request: FastifyRequest) => Promise<z.output<R>>
}

export function exportRoute<Q extends z.ZodType<{ format?: 'json' | 'csv' | undefined }>, R extends z.ZodType>(
  app: FastifyInstance,
  path: string,
  spec: ExportRouteSpec<Q, R>,
): void {
  const { name, tags, summary, description, querystring, response } = spec
  const schema: FastifySchema = {
    tags,
    summary,
    description: `${description}\n\nCSV (analyst scope): \`${path}.csv\`, \`?format=csv\` or \`Accept: text/csv\`; nested fields become dotted columns.`,
    querystring,
    response: { 200: response },
  }
  // Records give the columns; an empty result takes them from the schema.
  const columns = spec.csvColumns ?? columnsOfList(response)
  const csv = (body: z.output<R>) => {
    const records = spec.csv(body)
    return { records, columns: records.length === 0 ? columns : undefined }
  }
  const csvSchema: FastifySchema = { tags, summary: `${summary} (CSV)`, description, querystring }
  app.get(
    path,
    { config: { access: spec.access, csv: 'also' }, schema },
    async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
      const query = request.query as z.output<Q>
      const body = await spec.handler(query, request)
      if (wantsCsv(request, query.format)) {
        const { records, columns } = csv(body)
        return sendCsv(request, reply, name, records, columns)
      }
      return body
    },
  )
  app.get(
    `${path}.csv`,
    { config: { access: spec.access === 'admin' ? 'admin' : 'analyst', csv: 'only' }, schema: csvSchema },
    async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
      const { records, columns } = csv(await spec.handler(request.query as z.output<Q>, request))
      return sendCsv(request, reply, name, records, columns)
    },
  )
}
