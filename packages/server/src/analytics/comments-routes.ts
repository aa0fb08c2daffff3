/**
 * `GET /v1/comments` (newest first, keyset pages) and `GET /v1/comments/terms`
 * (what people write about, per service): analyst scope. Comments were
 * scrubbed of personal data at ingestion.
 */
import { COMMENTS_PAGE, CommentsQuery, CommentsResponse, TermsQuery, TermsResponse } from '@otklik/contract/schemas'
import type { FastifyPluginAsync } from 'fastify'
import { errors } from '../errors.js'
import { flatten } from './csv-columns.js'
import { exportRoute } from './export-route.js'
import { resolveScope } from './filters.js'
import { groupBy } from './group-by.js'
import { commentTexts } from './queries/comment-texts.js'
import { comments } from './queries/comments.js'
import { windowBody } from './reports/options.js'
import { topTerms } from './terms/tokenize.js'
import { isoTime } from './window.js'

/** Newest comments per service read for the term counts. */
export const TERMS_COMMENTS_PER_SERVICE = 5000

const encodeCursor = (ts: number, id: string) => Buffer.from(JSON.stringify([ts, id])).toString('base64url')

// A cursor this API returned: [ts (ms, within what DateTime64 holds), event id (a UUID)].
const CURSOR_MAX_CHARS = 200
const CURSOR_MAX_TS = Date.UTC(2299, 11, 31)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function decodeCursor(cursor: string): { ts: number; id: string } {
  try {
    const decoded: unknown = cursor.length <= CURSOR_MAX_CHARS ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined
    if (Array.isArray(decoded) && decoded.length === 2) {
      const [ts, id] = decoded as unknown[]
      if (Number.isSafeInteger(ts) && (ts as number) >= 0 && (ts as number) <= CURSOR_MAX_TS && typeof id === 'string' && UUID.test(id)) return { ts: ts as number, id }
    }
  } catch {
    // not base64url JSON: the same answer as any other wrong cursor
  }
  throw errors.badRequest('cursor: not a cursor this API returned; use next_cursor of the previous page')
}

export const commentsRoutes: FastifyPluginAsync = async (app) => {
  const { store } = app.otklik
  const tags = ['comments']

  exportRoute(app, '/comments', {
    name: 'comments',
    access: 'analyst',
    tags,
    summary: 'Comments, newest first',
    description: `Survey answers with a comment, PII scrubbed at ingestion, newest first; \`limit\` (1–${COMMENTS_PAGE.max}, default ${COMMENTS_PAGE.default}) per page, \`cursor\` = the previous page's next_cursor. Takes the metrics filters.`,
    querystring: CommentsQuery,
    response: CommentsResponse,
    csv: (b) => b.comments.map((c) => flatten(c)),
    handler: async (q) => {
      const scope = await resolveScope(store, q, app.otklik.now())
      const after = q.cursor ? decodeCursor(q.cursor) : undefined
      const rows = await comments(store, scope, { limit: q.limit + 1, after, metrics: q.metric, lowOnly: q.scores === 'low' })
      const page = rows.slice(0, q.limit)
      const last = page[page.length - 1]
      return {
        window: windowBody(scope.window),
        comments: page.map((r) => ({ ...r, ts: isoTime(r.ts) })),
        next_cursor: rows.length > q.limit && last ? encodeCursor(last.ts, last.id) : null,
      }
    },
  })

  exportRoute(app, '/comments/terms', {
    name: 'comment-terms',
    access: 'analyst',
    tags,
    summary: 'Top terms of comments per service',
    description: `The terms found in the most comments of each service (the newest ${TERMS_COMMENTS_PER_SERVICE} comments per service in the window). Tokenizer: lower case, ё → е, words of letters and digits, a negation joined to the next word («не работает»), Russian and English stop words, words under 3 letters, numbers and PII placeholders dropped; no stemming. Takes the metrics filters.`,
    querystring: TermsQuery,
    response: TermsResponse,
    csv: (b) => b.services.flatMap((s) => s.terms.map((t) => flatten({ service: s.service, comments: s.comments, ...t }))),
    handler: async (q) => {
      const scope = await resolveScope(store, q, app.otklik.now())
      const texts = await commentTexts(store, scope, { perService: TERMS_COMMENTS_PER_SERVICE, lowOnly: q.scores === 'low' })
      const by = groupBy(texts, (t) => t.service)
      return {
        window: windowBody(scope.window),
        scores: q.scores,
        services: [...by.entries()].map(([service, list]) => ({
          service,
          comments: list.length,
          terms: topTerms(
            list.map((t) => t.comment),
            q.limit,
          ),
        })),
      }
    },
  })
}
