/**
 * The flag lifecycle API: evaluate now (manager), one flag's history
 * (viewer), and a change of status (manager: those who act on flags). A
 * token restricted to an agency sees and moves that agency's flags only.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { FlagEvaluationSchema, FlagHistoryResponse, FlagParams, FlagStatusBody, PublicFlagSchema } from '@otklik/contract/schemas'
import { parseInstant } from '@otklik/contract/rules'
import type { Viewer } from './life.js'

const iso = (ms: number) => new Date(ms).toISOString()

export const viewerOf = (request: FastifyRequest): Viewer => ({ agency: request.token?.agency })
const actorOf = (request: FastifyRequest) => {
  const t = request.token
  return t ? (t.name ? `${t.name} (${t.id})` : t.id) : 'unknown'
}

export const flagLifeRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>()
  const { flags } = app.otklik
  const tags = ['flags']

  app.post(
    '/flags/evaluate',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: 'Evaluate the flags now',
        description: 'Runs the rules over the last 28 days (as the schedule does every FLAGS_EVERY), opens new flags, follows known ones (verified, reopened, overdue) and sends their alerts. `otklik flags evaluate` calls this on a running server.',
        response: { 200: FlagEvaluationSchema },
      },
    },
    async () => {
      const e = await flags.evaluate('demand')
      return { ...e, at: iso(e.at), window: { from: iso(e.window_from), to: iso(e.window_to) } }
    },
  )

  app.get(
    '/flags/:id/history',
    {
      config: { access: 'viewer' },
      schema: { tags, summary: "A flag's evaluations and changes of status, newest first, with who and when", params: FlagParams, response: { 200: FlagHistoryResponse } },
    },
    async (request) => {
      const { flag, history } = await flags.history(request.params.id, viewerOf(request))
      return {
        flag,
        history: history.map((h) => ({
          at: iso(h.at),
          kind: h.kind,
          ...(h.kind === 'evaluation' ? { evaluation: h.evaluation, fired: h.fired } : {}),
          status_from: h.status_from || null,
          status_to: h.status_to,
          actor: h.actor,
          ...(h.note ? { note: h.note } : {}),
          ...(h.due === null ? {} : { due: iso(h.due) }),
          ...(h.figure !== 'null' && h.figure !== '' ? { figure: JSON.parse(h.figure) } : {}),
        })),
      }
    },
  )

  app.post(
    '/flags/:id/status',
    {
      config: { access: 'manager' },
      schema: {
        tags,
        summary: "Move a flag: acknowledged, in_progress (note + due), resolved (public note), wont_fix (public reason), reopened",
        description:
          'open → acknowledged → in_progress → resolved → verified (set by the data: the rule quiet for two full windows after the fix) or reopened (the rule fires again on data after the fix). wont_fix with a public reason from any active status. A transition the status does not allow is a 409 naming the allowed ones; a missing note or due date is a 400.',
        params: FlagParams,
        body: FlagStatusBody,
        response: { 200: PublicFlagSchema },
      },
    },
    async (request) => {
      const { status, note, due, owner } = request.body
      return flags.setStatus(request.params.id, { status, note, due: due === undefined ? undefined : parseInstant(due), owner }, actorOf(request), viewerOf(request))
    },
  )
}
