/**
 * `GET /v1/flags`: the evidence of the window and its baseline, the rules,
 * an explanation per flag, and the top complaint terms behind each flag.
 */
import type { Store } from '../../storage/store.js'
import type { Scope } from '../filters.js'
import { groupBy } from '../group-by.js'
import type { Language } from '../language.js'
import { commentTexts, type CommentText } from '../queries/comment-texts.js'
import { serviceName } from '../queries/registry-services.js'
import { windowBody } from '../reports/options.js'
import { topTerms, type TermCount } from '../terms/tokenize.js'
import { previousWindow, type Source, type TimeWindow } from '../window.js'
import { evaluate, type Flag } from './evaluate.js'
import { gatherEvidence } from './evidence.js'
import { explain } from './explain.js'
import { FDR_Q, IMPACT_DOC, MIN_ANSWERS, MIN_DURATIONS, MIN_EFFECT, MIN_GROUP, MIN_JOURNEYS, MIN_STEP_JOURNEYS } from './rules.js'

const TERMS_PER_FLAG = 5
const COMMENTS_PER_SERVICE = 2000

export interface FlagsOptions {
  lang: Language
  /** Top complaint terms per flag: comments are for the analyst scope, so viewers get none. */
  withTerms?: boolean
  baseline?: TimeWindow
  source?: Source
}

export async function flagsReport(store: Store, scope: Scope, opts: FlagsOptions) {
  const baseline = opts.baseline ?? previousWindow(scope.window)
  const { services, registry } = await gatherEvidence(store, scope, baseline, opts.source)
  const result = evaluate(services)
  const nameOf = (id: string) => {
    const s = registry.get(id)
    return (s && serviceName(s, opts.lang)) || id
  }
  const terms = opts.withTerms === false ? [] : await flagTerms(store, scope, result.flags)
  return {
    window: windowBody(scope.window),
    baseline: windowBody(baseline),
    flags: result.flags.map((f, i) => ({ ...f, name: nameOf(f.service), explanation: explain(f, nameOf(f.service), opts.lang), terms: terms[i] ?? [] })),
    insufficient: result.insufficient,
    ranking: result.ranking,
    method: {
      tests: result.tests,
      fdr: { ...FDR_Q },
      confidence: 0.95,
      min_answers: MIN_ANSWERS,
      min_journeys: MIN_JOURNEYS,
      min_step_journeys: MIN_STEP_JOURNEYS,
      min_durations: MIN_DURATIONS,
      min_group: MIN_GROUP,
      min_effect: { ...MIN_EFFECT },
      impact: IMPACT_DOC,
    },
  }
}

/** Per flag, the top terms of the low-score comments behind it (its metric's, its group's). */
export async function flagTerms(store: Store, scope: Scope, flags: readonly Flag[]): Promise<TermCount[][]> {
  const services = [...new Set(flags.map((f) => f.service))]
  if (services.length === 0) return []
  const texts = await commentTexts(store, { ...scope, values: { ...scope.values, service: services } }, { perService: COMMENTS_PER_SERVICE, lowOnly: true })
  const by = groupBy(texts, (t) => t.service)
  return flags.map((f) => {
    let list = by.get(f.service) ?? []
    if (f.metric === 'csat' || f.metric === 'nps' || f.metric === 'ces') list = list.filter((t) => t.metric === f.metric)
    if (f.dimension && f.group !== undefined) list = list.filter((t) => t[f.dimension as keyof CommentText] === f.group)
    return topTerms(
      list.map((t) => t.comment),
      TERMS_PER_FLAG,
    )
  })
}
