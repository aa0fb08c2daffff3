/**
 * The flag lifecycle API: evaluate now (manager), one flag's history
 * (viewer), and a change of status (manager: those who act on flags). A
 * token restricted to an agency sees and moves that agency's flags only.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { parseInstant } from '@otklik/contract/rules'
import { text } from '@otklik/contract/schemas'
import { ID_PATTERN } from './ids.js'
import { FLAG_EVENTS, type Viewer } from './life.js'
import { MAX_NOTE, STATUSES } from './status.js'
import { PublicFlagSchema } from './view.js'

const Params = z.object({ id: z.string().regex(ID_PATTERN, 'must be a flag id like f0123456789abcde') })

const StatusBody = z
  .object({
    status: z.enum(STATUSES),
    note: text(MAX_NOTE).optional().describe('in_progress: the action planned; resolved: the public note on what was done; wont_fix: the public reason; reopened: why'),
    due: z
      .string()
      .max(40)
      .refine((s) => parseInstant(s) !== undefined, 'must be ISO 8601 (2025-01-31) or epoch milliseconds')
      .optional()
      .describe('in_progress: when the action is due'),
    owner: z.object({ name: text(200), contact: text(200) }).strict().optional().describe("this flag's owner, instead of the service's owner in the registry"),
  })
  .strict()

const HistorySchema = z.object({
  flag: PublicFlagSchema,
  history: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(['evaluation', 'status']),
      evaluation: z.string().optional(),
      fired: z.boolean().optional(),
      status_from: z.string().nullable(),
      status_to: z.string(),
      actor: z.string(),
      note: z.string().optional(),
      due: z.string().optional(),
      figure: z.object({ value: z.number(), interval: z.tuple([z.number().nullable(), z.number().nullable()]), n: z.number(), window: z.object({ from: z.string(), to: z.string() }) }).optional(),
    }),
  ),
})

const EvaluationSchema = z.object({
  id: z.string(),
  at: z.string(),
  window: z.object({ from: z.string(), to: z.string() }),
  trigger: z.string(),
  flags: z.number().int(),
  tests: z.number().int(),
  duration_ms: z.number().int(),
  events: z.array(z.object({ type: z.enum(FLAG_EVENTS), id: z.string() })),
})

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
        response: { 200: EvaluationSchema },
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
      schema: { tags, summary: "A flag's evaluations and changes of status, newest first, with who and when", params: Params, response: { 200: HistorySchema } },
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
        params: Params,
        body: StatusBody,
        response: { 200: PublicFlagSchema },
      },
    },
    async (request) => {
      const { status, note, due, owner } = request.body
      return flags.setStatus(request.params.id, { status, note, due: due === undefined ? undefined : parseInstant(due), owner }, actorOf(request), viewerOf(request))
    },
  )
}
