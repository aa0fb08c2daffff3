/**
 * Generates the demo events: 90 days of journeys per service with weekly
 * seasonality, the surveys at their end, and the planted problems, as
 * `events` rows in chunks. Deterministic for a given seed and clock.
 */
import { scrubPii } from '@otklik/contract/scrub-pii'
import { eventRow, NO_ID, type EventRow } from '../storage/events-store.js'
import type { DemoService } from './catalog.js'
import { commentFor } from './comments.js'
import { drawVisitor, type Visitor } from './groups.js'
import { PLANTED, type PlantedRule } from './planted.js'
import { createRng, type Rng } from './prng.js'
import { profileFor, type JourneyProfile } from './profile.js'

// Not the `demo` site of the first start: events sent from /demo/ (or by a
// test) stay apart from the generated history.
export const DEMO_SITE_ID = 'demo-portfolio'
/** Marks demo rows (the `sdk` column), so a second seed can see the first. */
export const DEMO_SDK = 'demo-seed'
export const DEMO_DAYS = 90
const DAY_MS = 86_400_000
// Monday-heavy weeks, quiet weekends (getUTCDay: 0 = Sunday).
const WEEKDAY_FACTOR = [0.5, 1.2, 1.1, 1.05, 1.05, 0.95, 0.55]
const ERROR_CODES = ['gateway_timeout', 'esia_unavailable', 'upload_failed', 'validation_failed']
const RATING_QUESTIONS = ['time', 'queue', 'politeness', 'comfort', 'information']
const RATING_HEALTHY = [0.03, 0.04, 0.1, 0.33, 0.5]

export interface GenerateOptions {
  services: readonly DemoService[]
  now: number
  seed: number
  chunk: number
}

const problemOf = new Map<string, PlantedRule>(PLANTED.map((p) => [p.service, p.rule]))

export function* generateDemoEvents(o: GenerateOptions): Generator<EventRow[]> {
  const rng = createRng(o.seed)
  let rows: EventRow[] = []
  for (const service of o.services) {
    for (let daysAgo = DEMO_DAYS - 1; daysAgo >= 0; daysAgo--) {
      const start = o.now - (daysAgo + 1) * DAY_MS
      const factor = WEEKDAY_FACTOR[new Date(start + DAY_MS / 2).getUTCDay()] ?? 1
      const expected = service.volume * factor * (0.85 + 0.3 * rng.next())
      // Stochastic rounding keeps small services (under one a day) honest.
      const count = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0)
      for (let j = 0; j < count; j++) {
        journey(rng, service, start + Math.floor(rng.next() * DAY_MS), daysAgo, o.now, rows)
        if (rows.length >= o.chunk) {
          yield rows
          rows = []
        }
      }
    }
  }
  if (rows.length > 0) yield rows
}

function journey(rng: Rng, service: DemoService, t0: number, daysAgo: number, now: number, out: EventRow[]): void {
  const visitor = drawVisitor(rng, service)
  const profile = profileFor(service.id, service.minutes, daysAgo, visitor)
  const problem = problemOf.get(service.id)
  const session = rng.uuid()
  const journeyId = rng.uuid()
  const lifeSituation = service.life_situations.length > 0 && rng.chance(0.8) ? rng.pick(service.life_situations) : ''
  const base = { session, journey: journeyId, service: service.id, life_situation: lifeSituation, ...visitor }
  const emit = (ts: number, type: string, extra: Partial<EventRow> = {}) => {
    const at = Math.round(Math.min(ts, now - 1))
    out.push(row(rng, at, type, base, extra))
  }
  const path = `/services/${service.id}`
  emit(t0, 'page_view', { path, journey: NO_ID })
  emit(t0 + 1500, 'journey_start', { path })
  const duration = Math.round(Math.max(30_000, rng.logNormal(profile.minutes, 0.45) * 60_000))
  const errorStep = rng.chance(profile.errorRate) ? rng.int(0, service.steps.length - 1) : -1
  for (const [i, step] of service.steps.entries()) {
    const ts = t0 + Math.round((duration * (i + 1)) / (service.steps.length + 1))
    emit(ts, 'journey_step', { step, path: `${path}/${step}` })
    if (i === errorStep) {
      emit(ts + 800, 'journey_error', { step, error_code: rng.pick(ERROR_CODES), path: `${path}/${step}` })
      if (rng.chance(profile.leaveAfterError)) return void emit(ts + 5000, 'journey_abandon', { step })
    }
    if (rng.chance(profile.stepDrop[step] ?? profile.dropPerStep)) return void emit(ts + 20_000, 'journey_abandon', { step })
  }
  const end = t0 + duration
  emit(end, 'journey_complete', { path: `${path}/done` })
  survey(rng, profile, problem, end, emit, visitor)
}

type Emit = (ts: number, type: string, extra?: Partial<EventRow>) => void

function survey(rng: Rng, p: JourneyProfile, problem: PlantedRule | undefined, end: number, emit: Emit, visitor: Visitor): void {
  let ts = end + 2000
  const ask = (metric: string, shown: number, answered: number, weights: readonly number[], lowest: number, question = '') => {
    if (!rng.chance(shown)) return
    emit(ts, 'survey_shown', { metric, question })
    ts += 4000 + Math.floor(rng.next() * 20_000)
    if (!rng.chance(answered)) return void emit(ts, 'survey_dismissed', { metric, question })
    const score = lowest + rng.weighted(weights.map((w, i) => [i, w] as const))
    let comment = ''
    if (metric === 'csat') {
      const good = score >= 4
      if (rng.chance(good ? 0.12 : 0.4)) comment = scrubPii(commentFor(rng, good, problem)).text
    }
    emit(ts, 'survey_response', { metric, question, score, comment })
    ts += 1000
  }
  ask('csat', 0.7, 0.65, p.csat, 1)
  ask('nps', 0.45, 0.6, p.nps, 0)
  ask('ces', 0.35, 0.65, p.ces, 1)
  if (visitor.channel === 'mfc') ask('rating', 0.5, 0.7, RATING_HEALTHY, 1, rng.pick(RATING_QUESTIONS))
}

function row(rng: Rng, ts: number, type: string, base: Partial<EventRow>, extra: Partial<EventRow>): EventRow {
  return eventRow({ id: rng.uuid(), ts, received_at: ts + 300, site_id: DEMO_SITE_ID, type, sdk: DEMO_SDK, ...base, ...extra })
}
