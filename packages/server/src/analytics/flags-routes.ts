/**
 * `GET /v1/flags`: services that need optimisation (DESIGN §7), ranked by
 * impact, each flag with its rule, numbers and a sentence (viewer scope;
 * CSV export: analyst).
 */
import { FlagsQuery, FlagsResponse } from '@otklik/contract/schemas'
import type { FastifyPluginAsync } from 'fastify'
import { allows } from '../auth/scopes.js'
import { errors } from '../errors.js'
import { flagId } from '../flag-life/ids.js'
import { viewerOf } from '../flag-life/routes.js'
import type { PublicFlag } from '../flag-life/view.js'
import { flatten } from './csv-columns.js'
import { exportRoute } from './export-route.js'
import { parseWindow, resolveScope } from './filters.js'
import { flagsReport } from './flags/report.js'
import { FDR_Q, GAP_DIMENSIONS, IMPACT_DOC, MIN_ANSWERS, MIN_DURATIONS, MIN_EFFECT, MIN_GROUP, MIN_JOURNEYS, MIN_STEP_JOURNEYS } from './flags/rules.js'
import { pickLanguage } from './language.js'
import { createResultCache, wantsFresh } from './result-cache.js'

const DESCRIPTION = `The same rules for every service, over the window (default: the last 28 days) against the baseline (default: the 28 days before).
- low_csat, low_nps, high_ces, low_completion, high_error_rate: the 95 % interval (Wilson for shares; normal for NPS; Student t for CES) lies entirely beyond the service's target (registry, else portfolio defaults: CSAT 0.8, NPS 30, CES 3, completion 0.7, error rate 0.05), and the one-sided test against the target is a discovery.
- csat_decline: Fisher's exact test (one-sided) against the baseline, drop over ${MIN_EFFECT.csatDecline * 100} points. nps_decline: drop beyond the combined 95 % margin and over ${MIN_EFFECT.npsDecline} points.
- step_dropoff: a step's drop-off rate (journeys that did not complete and reached it last / journeys that reached it) above the pooled rate of the service's other steps (Fisher's exact test), by over ${MIN_EFFECT.stepDropoff * 100} points.
- high_error_rate: share of started journeys with a journey_error. slower_completion: durations of completed journeys larger than the baseline's (Mann–Whitney), median grown by over ${MIN_EFFECT.slowdown * 100} %.
- group_gap: a ${GAP_DIMENSIONS.join(', ')} group whose CSAT share or completion rate is below the rest of the service (Fisher's exact test), by over ${MIN_EFFECT.groupGap * 100} points.
False alarms across services × rules: Benjamini–Hochberg over the (service, rule) families (Simes over a rule's steps or groups), then BH inside the selected families (Benjamini–Bogomolov); FDR ${FDR_Q.target * 100} % for the rules against targets, ${FDR_Q.comparison * 100} % for the comparisons (most of a healthy portfolio's comparisons are true nulls). Minimum samples: ${MIN_ANSWERS} answers of a metric (in both windows for declines), ${MIN_JOURNEYS} started journeys, ${MIN_STEP_JOURNEYS} journeys at a step and at the other steps, ${MIN_DURATIONS} durations per window, ${MIN_GROUP} in a group and in the rest. A service where nothing could be judged, or that has answers but too few for every survey metric, is listed under insufficient and is never flagged on what it lacks.
Severity: the gap in units (0.1 of a share, 10 NPS points, 0.5 CES, +25 % time): high from 2 units, medium from 1, else low.
Ranking: ${IMPACT_DOC}`

export const flagsRoutes: FastifyPluginAsync = async (app) => {
  const { store, flags: life } = app.otklik
  const cache = createResultCache(store, app.otklik.now)
  exportRoute(app, '/flags', {
    name: 'flags',
    access: 'viewer',
    tags: ['flags'],
    summary: 'Services that need optimisation, ranked, with reasons and evidence',
    description: DESCRIPTION,
    querystring: FlagsQuery,
    response: FlagsResponse,
    csv: (b) => b.flags.map((f) => flatten(f)),
    handler: async (q, request) => {
      // A token of one agency sees that agency's services only.
      const agency = request.token?.agency
      const scope = await resolveScope(store, agency === undefined ? q : { ...q, agency: [agency] }, app.otklik.now())
      let baseline
      if (q.baseline_from !== undefined || q.baseline_to !== undefined) {
        if (q.baseline_from === undefined || q.baseline_to === undefined) throw errors.badRequest('querystring: baseline_from and baseline_to go together')
        baseline = parseWindow(q.baseline_from, q.baseline_to, app.otklik.now())
      }
      const options = {
        lang: pickLanguage(request.headers['accept-language'], q.lang),
        baseline,
        withTerms: request.token !== undefined && allows(request.token.scope, 'analyst'),
      }
      const report = await cache.get('flags', [scope, options], () => flagsReport(store, scope, options), wantsFresh(request))
      const known = new Map((await life.list(viewerOf(request))).map((f) => [f.id, f]))
      const flags = report.flags.map((f) => {
        const id = flagId(f)
        return { ...f, id, ...lifeFields(known.get(id)) }
      })
      const shown = new Set(flags.map((f) => f.id))
      const asked = scope.values.service ? new Set(scope.values.service) : undefined
      const followed = [...known.values()].filter((f) => !shown.has(f.id) && (!asked || asked.has(f.service)))
      return { ...report, flags, followed }
    },
  })
}

function lifeFields(f: PublicFlag | undefined) {
  if (!f) return {}
  return { status: f.status, first_seen: f.first_seen, last_seen: f.last_seen, owner: f.owner, action: f.action, public_note: f.public_note }
}
