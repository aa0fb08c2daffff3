/**
 * "You said, we did": every resolved or verified flag with what people said
 * (the rule in plain words and the most frequent terms of the low-score
 * comments, never a comment), what was done (the public note), when, and the
 * figure before the fix and after it. The same small-cell protection as the
 * monthly open data: a figure is published only when its count reaches k and
 * each group of people it reveals (satisfied or not; promoters, passives,
 * detractors; completed or not) holds 0 or at least k people; a term only
 * when at least k comments use it.
 */
import { DAY_MS, DEFAULT_WINDOW_DAYS } from '../analytics/window.js'
import { toNumber } from '../storage/int64.js'
import type { Store } from '../storage/store.js'
import { readStates, type FlagState } from '../flag-life/states.js'
import { serviceInfo } from '../flag-life/view.js'
import { ruleWords } from './rule-words.js'

/** The flags' window: an evaluation this long after the fix judged data from after it only. */
const WINDOW_MS = DEFAULT_WINDOW_DAYS * DAY_MS
const MAX_ACTIONS = 1000

interface StoredFigure {
  value: number
  interval: [number | null, number | null]
  n: number
  parts?: number[]
  window?: { from: string; to: string }
}

export interface PublishedFigure {
  value: number | null
  interval: [number | null, number | null] | null
  n: number | null
  window: { from: string; to: string } | null
  suppressed?: 'below_k' | 'small_group' | undefined
}

export interface Action {
  id: string
  service: string
  name_ru: string
  name_en: string
  agency: string | null
  status: 'resolved' | 'verified'
  rule: string
  said: { rule_ru: string; rule_en: string; terms: string[] }
  done: string
  resolved_at: string
  verified_at: string | null
  metric: string
  before: PublishedFigure | null
  after: PublishedFigure | null
}

export function publishFigure(f: StoredFigure | null, k: number): PublishedFigure | null {
  if (!f) return null
  const window = f.window ?? null
  if (f.n < k) return { value: null, interval: null, n: null, window, suppressed: 'below_k' }
  if ((f.parts ?? []).some((p) => p > 0 && p < k)) return { value: null, interval: null, n: f.n, window, suppressed: 'small_group' }
  return { value: f.value, interval: f.interval, n: f.n, window }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
const parse = (json: string): StoredFigure | null => (json ? (JSON.parse(json) as StoredFigure | null) : null)

/** The latest figure of a flag measured on a window wholly after its resolution. */
async function figureAfter(store: Store, s: FlagState): Promise<StoredFigure | null> {
  if (s.resolved_at === null) return null
  const [row] = await store.query<{ figure: string }>(
    `SELECT figure FROM ${store.table('flag_history')}
     WHERE flag_id = {id:String} AND kind = 'evaluation' AND figure != 'null' AND at >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')
     ORDER BY at DESC LIMIT 1`,
    { id: s.id, since: s.resolved_at + WINDOW_MS },
  )
  return row ? parse(row.figure) : null
}

export async function publishedActions(store: Store, k: number): Promise<Action[]> {
  const states = (await readStates(store)).filter((s) => (s.status === 'resolved' || s.status === 'verified') && s.resolved_at !== null).slice(0, MAX_ACTIONS)
  const services = await serviceInfo(store)
  const out: Action[] = []
  for (const s of states) {
    const service = services.get(s.service)
    // Only registered services are published, as in the monthly open data.
    if (!service) continue
    const terms = (JSON.parse(s.terms || '[]') as { term: string; count: unknown }[]).filter((t) => toNumber(t.count) >= k).map((t) => t.term)
    const key = { rule: s.rule, step: s.step || undefined, dimension: s.dimension || undefined, group: s.grp || undefined }
    out.push({
      id: s.id,
      service: s.service,
      name_ru: service.name_ru,
      name_en: service.name_en || service.name_ru,
      agency: service.agency || null,
      status: s.status as Action['status'],
      rule: s.rule,
      said: { rule_ru: ruleWords(key, 'ru'), rule_en: ruleWords(key, 'en'), terms },
      done: s.public_note,
      resolved_at: iso(s.resolved_at) as string,
      verified_at: iso(s.verified_at),
      metric: s.metric,
      before: publishFigure(parse(s.before), k),
      after: publishFigure(await figureAfter(store, s), k),
    })
  }
  return out.sort((a, b) => b.resolved_at.localeCompare(a.resolved_at) || a.id.localeCompare(b.id))
}
