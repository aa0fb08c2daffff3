/**
 * Request bodies for the ingestion benchmark that look like what the SDK
 * sends from a real visit, so that the ballot-stuffing judge counts their
 * answers: one visitor (one session, one journey, one client address) per
 * request; a journey start, steps, a survey shown and answered 4 s later,
 * and the journey's completion. Ids come from a counter under a per-run
 * prefix, so that every event is new and making them costs next to nothing.
 */
import { randomBytes } from 'node:crypto'
import type { OtklikEvent } from '@otklik/contract/types'

export const BENCH_SITE = 'bench'
export const BENCH_ORIGIN = 'https://bench.example'
/** A current desktop browser: a bot or missing User-Agent would have every answer excluded. */
export const BENCH_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'

const SERVICES = ['passport-rf', 'birth-registration', 'tax-deduction', 'pension-application', 'business-registration']
const STEPS = ['form', 'documents', 'payment', 'review']
// A person reads the question before answering (the judge's too_fast rule wants ≥ 1 s).
const ANSWER_DELAY_MS = 4000
const STEP_GAP_MS = 500

export interface VisitorBatch {
  body: string
  /** The visitor's address, as a load balancer would forward it (documentation range, never contacted). */
  forwardedFor: string
}

export class VisitorBatches {
  private readonly prefix = randomBytes(4).toString('hex')
  private seq = 0

  constructor(
    private readonly eventsPerRequest: number,
    private readonly site = BENCH_SITE,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The events of one visit: `eventsPerRequest` of them, ending in an answered survey when there is room. */
  events(): OtklikEvent[] {
    const visit = this.seq++
    const session = this.uuid(visit, 1)
    const journey = this.uuid(visit, 2)
    const service = SERVICES[visit % SERVICES.length] ?? 'passport-rf'
    const count = this.eventsPerRequest
    const start = this.clock() - (count + 10) * STEP_GAP_MS - ANSWER_DELAY_MS
    const common = { session, journey, service, channel: 'web', segment: 'citizen', locale: 'ru', path: `/services/${service}` } as const
    const surveyAt = count >= 3 ? count - 3 : Infinity
    return Array.from({ length: count }, (_, i): OtklikEvent => {
      const id = this.uuid(visit, 16 + i)
      const ts = start + i * STEP_GAP_MS + (i > surveyAt ? ANSWER_DELAY_MS : 0)
      if (i === surveyAt) return { ...common, id, ts, type: 'survey_shown', metric: 'csat' }
      if (i === surveyAt + 1) return { ...common, id, ts, type: 'survey_response', metric: 'csat', score: 1 + (visit % 5), ...(visit % 7 === 0 ? { comment: 'Всё понятно, спасибо' } : {}) }
      if (i === surveyAt + 2) return { ...common, id, ts, type: 'journey_complete' }
      if (i === 0) return { ...common, id, ts, type: 'journey_start' }
      return { ...common, id, ts, type: 'journey_step', step: STEPS[i % STEPS.length] ?? 'form' }
    })
  }

  next(): VisitorBatch {
    const events = this.events()
    const visit = this.seq - 1
    return {
      body: JSON.stringify({ site: this.site, sent_at: this.clock(), sdk: 'bench', events }),
      forwardedFor: `2001:db8::${((visit >>> 16) & 0xffff).toString(16)}:${(visit & 0xffff).toString(16)}`,
    }
  }

  /** A version-4-shaped UUID: run prefix, visit number and a part number. */
  private uuid(visit: number, part: number): string {
    const v = visit.toString(16).padStart(12, '0')
    return `${this.prefix}-${part.toString(16).padStart(4, '0')}-4000-8000-${v}`
  }
}
