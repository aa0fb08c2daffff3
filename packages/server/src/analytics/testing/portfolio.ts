/**
 * Generated portfolios for the flag tests: services drawn at random (seeded)
 * from healthy distributions, with one kind of problem planted per service.
 */
import type { EventRow } from '../../storage/events-store.js'
import { answer, row } from './rows.js'

export const STEPS = ['form', 'docs', 'pay', 'confirm'] as const

export interface WindowSpec {
  /** Probability that a CSAT answer is 4–5. */
  csat: number
  /** Probabilities of promoters and detractors. */
  promoters: number
  detractors: number
  /** Mean of the CES answers (1–7). */
  ces: number
  /** Per-step probability of leaving at that step. */
  dropoff: Record<string, number>
  error: number
  /** Median time to complete, ms. */
  durationMs: number
  /** A group with its own CSAT probability / its own per-step drop-off. */
  gap?: { dimension: 'segment' | 'channel' | 'device' | 'locale'; group: string; csat?: number; dropoff?: number }
  complaints?: string[]
}

export interface ServiceSpec {
  id: string
  answers: number
  journeys: number
  window: WindowSpec
  baseline: WindowSpec
}

export const HEALTHY: WindowSpec = {
  csat: 0.92,
  promoters: 0.6,
  detractors: 0.1,
  ces: 2,
  dropoff: { form: 0.03, docs: 0.03, pay: 0.03, confirm: 0.03 },
  error: 0.01,
  durationMs: 300_000,
}

/** Seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const GROUPS = {
  segment: ['citizen', 'citizen', 'citizen', 'business', 'internal'],
  channel: ['web', 'web', 'mobile', 'mfc'],
  device: ['desktop', 'desktop', 'mobile', 'tablet'],
  locale: ['ru', 'ru', 'ru', 'en'],
} as const

export function generateService(spec: ServiceSpec, windows: { baseline: [number, number]; window: [number, number] }, random: () => number): EventRow[] {
  const out: EventRow[] = []
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const uuid = () => 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(random() * 16).toString(16))
  for (const period of ['baseline', 'window'] as const) {
    const w = spec[period]
    const [from, to] = windows[period]
    const ts = () => from + Math.floor(random() * (to - from - 3_600_000))
    const dims = () => ({ service: spec.id, segment: pick(GROUPS.segment), channel: pick(GROUPS.channel), device: pick(GROUPS.device), locale: pick(GROUPS.locale) })
    const inGap = (d: Record<string, string>) => w.gap !== undefined && d[w.gap.dimension] === w.gap.group
    for (let i = 0; i < spec.answers; i++) {
      const d = dims()
      const p = inGap(d) && w.gap?.csat !== undefined ? w.gap.csat : w.csat
      const satisfied = random() < p
      const score = satisfied ? 4 + Math.floor(random() * 2) : 1 + Math.floor(random() * 3)
      const comment = !satisfied && w.complaints && random() < 0.5 ? pick(w.complaints) : ''
      out.push(answer('csat', score, ts(), { ...d, comment }))
      const r = random()
      const npsScore = r < w.promoters ? 9 + Math.floor(random() * 2) : r < w.promoters + w.detractors ? Math.floor(random() * 7) : 7 + Math.floor(random() * 2)
      out.push(answer('nps', npsScore, ts(), dims()))
      out.push(answer('ces', Math.min(7, Math.max(1, Math.round(w.ces + normal()))), ts(), dims()))
    }
    for (let i = 0; i < spec.journeys; i++) {
      const d = dims()
      const journey = uuid()
      const start = ts()
      const duration = w.durationMs * Math.exp(0.4 * normal())
      out.push(row({ type: 'journey_start', ts: start, journey, ...d }))
      if (random() < w.error) out.push(row({ type: 'journey_error', error_code: 'E500', ts: start + 1000, journey, ...d }))
      let left = false
      STEPS.forEach((step, k) => {
        if (left) return
        out.push(row({ type: 'journey_step', step, ts: start + Math.floor(((k + 1) * duration) / (STEPS.length + 1)), journey, ...d }))
        const drop = inGap(d) && w.gap?.dropoff !== undefined ? w.gap.dropoff : (w.dropoff[step] ?? 0)
        if (random() < drop) left = true
      })
      if (!left) out.push(row({ type: 'journey_complete', ts: start + Math.floor(duration), journey, ...d }))
    }
  }
  return out
}

export const spec = (id: string, window: Partial<WindowSpec> = {}, baseline: Partial<WindowSpec> = {}): ServiceSpec => ({
  id,
  answers: 300,
  journeys: 300,
  window: { ...HEALTHY, ...window },
  baseline: { ...HEALTHY, ...baseline },
})

// One planted problem per service; the expected flag of each.
export const PLANTED: { spec: ServiceSpec; expect: Record<string, unknown> }[] = [
  { spec: spec('low-csat', { csat: 0.55, complaints: ['Долго ждал в очереди', 'очередь огромная, долго'] }, { csat: 0.55 }), expect: { rule: 'low_csat', metric: 'csat' } },
  { spec: spec('low-nps', { promoters: 0.15, detractors: 0.5 }, { promoters: 0.15, detractors: 0.5 }), expect: { rule: 'low_nps', metric: 'nps' } },
  { spec: spec('high-ces', { ces: 4.5 }, { ces: 4.5 }), expect: { rule: 'high_ces', metric: 'ces' } },
  { spec: spec('csat-decline', { csat: 0.84 }, { csat: 0.97 }), expect: { rule: 'csat_decline', metric: 'csat' } },
  { spec: spec('nps-decline', { promoters: 0.5, detractors: 0.12 }, { promoters: 0.78, detractors: 0.04 }), expect: { rule: 'nps_decline', metric: 'nps' } },
  {
    spec: spec('low-completion', { dropoff: { form: 0.12, docs: 0.12, pay: 0.12, confirm: 0.12 } }, { dropoff: { form: 0.12, docs: 0.12, pay: 0.12, confirm: 0.12 } }),
    expect: { rule: 'low_completion', metric: 'completion_rate' },
  },
  { spec: spec('step-dropoff', { dropoff: { form: 0.02, docs: 0.02, pay: 0.3, confirm: 0.02 } }), expect: { rule: 'step_dropoff', step: 'pay' } },
  { spec: spec('high-errors', { error: 0.2 }, { error: 0.2 }), expect: { rule: 'high_error_rate', metric: 'error_rate' } },
  { spec: spec('slower', { durationMs: 600_000 }, { durationMs: 300_000 }), expect: { rule: 'slower_completion', metric: 'median_duration_ms' } },
  {
    spec: spec('gap-device', { gap: { dimension: 'device', group: 'mobile', csat: 0.5 }, csat: 0.96 }, { csat: 0.96 }),
    expect: { rule: 'group_gap', metric: 'csat', dimension: 'device', group: 'mobile' },
  },
  {
    spec: spec('gap-locale', { gap: { dimension: 'locale', group: 'en', dropoff: 0.15 } }, {}),
    expect: { rule: 'group_gap', metric: 'completion_rate', dimension: 'locale', group: 'en' },
  },
]
export const HEALTHY_IDS = ['healthy-1', 'healthy-2', 'healthy-3', 'healthy-4']

