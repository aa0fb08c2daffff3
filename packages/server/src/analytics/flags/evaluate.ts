/**
 * The flag rules as a pure function of the evidence (counts and samples per
 * service): every applicable test, Benjamini–Hochberg over all of them,
 * severity, impact, the ranking and the services with too little data.
 * See rules.ts for the definitions.
 */
import type { Targets } from '../../registry/targets.js'
import type { SurveyTotals } from '../figures.js'
import {
  Z_95,
  benjaminiHochberg,
  csat,
  fisherExactTest,
  mannWhitney,
  meanInterval,
  median,
  normalCdf,
  normalSf,
  nps,
  npsDifference,
  proportionAboveTarget,
  proportionBelowTarget,
  studentTCdf,
  wilson,
  type SampleProportion,
} from '../stats/index.js'
import {
  FDR_Q,
  MIN_ANSWERS,
  MIN_DURATIONS,
  MIN_EFFECT,
  MIN_GROUP,
  MIN_JOURNEYS,
  MIN_STEP_JOURNEYS,
  SEVERITY_UNIT,
  TARGET_RULES,
  severityOf,
  type GapDimension,
  type Rule,
  type Severity,
} from './rules.js'

export interface JourneyCounts {
  started: number
  completed: number
  errored: number
}

export interface StepCounts {
  step: string
  reached: number
  left: number
}

export interface ServiceEvidence {
  service: string
  targets: Targets
  window: SurveyTotals
  baseline: SurveyTotals
  journeys: JourneyCounts
  /** Funnel steps of the window's journeys. */
  steps: StepCounts[]
  durations: { window: number[]; baseline: number[] }
  groups: { dimension: GapDimension; group: string; survey: SurveyTotals; journeys: JourneyCounts }[]
}

/** A flag before its explanation is written. */
export interface Flag {
  service: string
  rule: Rule
  metric: 'csat' | 'nps' | 'ces' | 'completion_rate' | 'error_rate' | 'drop_off_rate' | 'median_duration_ms'
  value: number
  interval: [number | null, number | null]
  target?: number
  baseline?: number
  n: number
  /** The baseline's (or the rest's) sample size, for comparisons. */
  baseline_n?: number
  severity: Severity
  step?: string
  dimension?: GapDimension
  group?: string
  p_value: number
  /** BH-adjusted p-value. */
  q_value: number
  affected: number
  impact: number
}

export interface Evaluation {
  flags: Flag[]
  insufficient: { service: string; n: number; journeys: number }[]
  ranking: { service: string; impact: number; rules: Rule[] }[]
  /** Tests run (the BH family). */
  tests: number
  /** The figure of every test that was run, flagged or not (a resolved flag is followed by it). */
  measured: Measure[]
}

/** A test's figure; `parts` are the groups of people a share reveals (e.g. satisfied / not), for small-cell checks. */
export type Measure = Pick<Flag, 'service' | 'rule' | 'metric' | 'value' | 'interval' | 'n' | 'step' | 'dimension' | 'group'> & { parts: number[] }

const SHARE_METRICS: ReadonlySet<Flag['metric']> = new Set(['csat', 'completion_rate', 'error_rate', 'drop_off_rate'])

export type Candidate = Omit<Flag, 'q_value' | 'severity' | 'impact'> & {
  /** The interval or effect condition besides significance holds. */
  holds: boolean
  /** Gap as a share of people (for impact) and in severity units. */
  share: number
  units: number
  /** NPS: promoters, passives, detractors (shares derive theirs from value × n). */
  parts?: number[]
}

/** Every test that a service's evidence allows, flagged or not, with its p-value. */
export function candidatesOf(s: ServiceEvidence): Candidate[] {
  return [...surveyRules(s), ...journeyRules(s), ...stepRules(s), ...durationRules(s), ...groupRules(s)].map((c) => ({ ...c, p_value: clampP(c.p_value) }))
}

export function evaluate(services: readonly ServiceEvidence[], q: { target: number; comparison: number } = FDR_Q): Evaluation {
  const candidates: Candidate[] = []
  const insufficient: Evaluation['insufficient'] = []
  for (const s of services) {
    const own = candidatesOf(s)
    candidates.push(...own)
    const answers = s.window.csat.n + s.window.nps.promoters + s.window.nps.passives + s.window.nps.detractors + s.window.ces.n
    const surveyJudged = own.some((c) => c.metric === 'csat' || c.metric === 'nps' || c.metric === 'ces')
    if (own.length === 0 || (answers > 0 && !surveyJudged)) insufficient.push({ service: s.service, n: answers, journeys: s.journeys.started })
  }
  const flags: Flag[] = []
  const against = candidates.filter((c) => TARGET_RULES.has(c.rule))
  const comparisons = candidates.filter((c) => !TARGET_RULES.has(c.rule))
  for (const { candidate: c, q_value } of [...discoveries(against, q.target), ...discoveries(comparisons, q.comparison)]) {
    if (!c.holds) continue
    const { holds: _, share, units, parts: _parts, ...rest } = c
    flags.push({ ...rest, q_value, severity: severityOf(units, 1), impact: round(c.affected * share, 1) })
  }
  flags.sort((a, b) => b.impact - a.impact || a.service.localeCompare(b.service) || a.rule.localeCompare(b.rule))
  return { flags, insufficient, ranking: rank(flags), tests: candidates.length, measured: candidates.map(measureOf) }
}

/**
 * Two-stage Benjamini–Hochberg (Benjamini & Bogomolov 2014): a family is one
 * rule of one service (its steps or groups are the tests inside); families
 * are selected by BH at q on their Simes p-values, then the tests inside the
 * R selected of m families by BH at q·R/m. Returns each discovery with its
 * family's BH-adjusted p-value.
 */
function discoveries(candidates: readonly Candidate[], q: number): { candidate: Candidate; q_value: number }[] {
  const families = new Map<string, Candidate[]>()
  for (const c of candidates) {
    const key = `${c.service}\u0000${c.rule}`
    const list = families.get(key)
    if (list) list.push(c)
    else families.set(key, [c])
  }
  const list = [...families.values()]
  const selected = benjaminiHochberg(
    list.map((f, i) => ({ id: String(i), pValue: simes(f.map((c) => c.p_value)) })),
    q,
  )
  const r = selected.filter((d) => d.discovery).length
  const out: { candidate: Candidate; q_value: number }[] = []
  list.forEach((family, i) => {
    const d = selected[i]
    if (!d?.discovery) return
    const inner = benjaminiHochberg(
      family.map((c, j) => ({ id: String(j), pValue: c.p_value })),
      (q * r) / list.length,
    )
    family.forEach((c, j) => {
      if (inner[j]?.discovery) out.push({ candidate: c, q_value: d.adjusted })
    })
  })
  return out
}

function measureOf(c: Candidate): Measure {
  const { service, rule, metric, value, interval, n, step, dimension, group } = c
  const successes = Math.round(value * n)
  const parts = c.parts ?? (SHARE_METRICS.has(metric) ? [successes, n - successes] : [])
  return { service, rule, metric, value, interval, n, parts, ...(step === undefined ? {} : { step }), ...(dimension === undefined ? {} : { dimension, group }) }
}

/** Simes' combination of k p-values: min over i of k·p₍ᵢ₎/i. */
function simes(ps: readonly number[]): number {
  const sorted = [...ps].sort((a, b) => a - b)
  return Math.min(1, ...sorted.map((p, i) => (sorted.length * p) / (i + 1)))
}

/** Services by the sum over metrics of their largest flag impact per metric. */
function rank(flags: readonly Flag[]): Evaluation['ranking'] {
  const by = new Map<string, { perMetric: Map<string, number>; rules: Set<Rule> }>()
  for (const f of flags) {
    let s = by.get(f.service)
    if (!s) by.set(f.service, (s = { perMetric: new Map(), rules: new Set() }))
    s.perMetric.set(f.metric, Math.max(s.perMetric.get(f.metric) ?? 0, f.impact))
    s.rules.add(f.rule)
  }
  return [...by.entries()]
    .map(([service, s]) => ({ service, impact: round([...s.perMetric.values()].reduce((a, b) => a + b, 0), 1), rules: [...s.rules] }))
    .sort((a, b) => b.impact - a.impact || a.service.localeCompare(b.service))
}

/** People a service-level flag concerns: its journeys, else the answers of the metric. */
const people = (s: ServiceEvidence, answers: number) => (s.journeys.started > 0 ? s.journeys.started : answers)

function surveyRules(s: ServiceEvidence): Candidate[] {
  const out: Candidate[] = []
  const { targets: t, window: w, baseline: b } = s
  if (w.csat.n >= MIN_ANSWERS) {
    const ci = csat(w.csat)
    const value = ci.value as number
    const test = proportionBelowTarget(w.csat.satisfied, w.csat.n, t.csat)
    const gap = t.csat - value
    out.push({
      ...base(s, 'low_csat', 'csat', value, [ci.low, ci.high], w.csat.n, people(s, w.csat.n)),
      target: t.csat,
      p_value: test.pValue ?? 1,
      holds: ci.high !== null && ci.high < t.csat,
      share: gap,
      units: gap / SEVERITY_UNIT.share,
    })
    if (b.csat.n >= MIN_ANSWERS) {
      const before = b.csat.satisfied / b.csat.n
      const drop = before - value
      out.push({
        ...base(s, 'csat_decline', 'csat', value, [ci.low, ci.high], w.csat.n, people(s, w.csat.n)),
        baseline: before,
        baseline_n: b.csat.n,
        p_value: fisherExactTest({ successes: w.csat.satisfied, n: w.csat.n }, { successes: b.csat.satisfied, n: b.csat.n }).pValueLess ?? 1,
        holds: drop > MIN_EFFECT.csatDecline,
        share: drop,
        units: drop / SEVERITY_UNIT.share,
      })
    }
  }
  const wn = w.nps.promoters + w.nps.passives + w.nps.detractors
  if (wn >= MIN_ANSWERS) {
    const r = nps(w.nps)
    const value = r.value as number
    const se = (r.margin as number) / Z_95
    const gap = t.nps - value
    out.push({
      ...base(s, 'low_nps', 'nps', value, [r.low, r.high], wn, people(s, wn)),
      target: t.nps,
      parts: [w.nps.promoters, w.nps.passives, w.nps.detractors],
      p_value: se > 0 ? normalCdf((value - t.nps) / se) : value < t.nps ? 0 : 1,
      holds: r.high !== null && r.high < t.nps,
      share: gap / 100,
      units: gap / SEVERITY_UNIT.nps,
    })
    const bn = b.nps.promoters + b.nps.passives + b.nps.detractors
    if (bn >= MIN_ANSWERS) {
      const d = npsDifference(w.nps, b.nps)
      const drop = -(d.difference as number)
      const seD = (d.margin as number) / Z_95
      out.push({
        ...base(s, 'nps_decline', 'nps', value, [r.low, r.high], wn, people(s, wn)),
        parts: [w.nps.promoters, w.nps.passives, w.nps.detractors],
        baseline: value + drop,
        baseline_n: bn,
        p_value: seD > 0 ? normalSf(drop / seD) : drop > 0 ? 0 : 1,
        // "a difference beyond the combined margin" (DESIGN §7), and a material one.
        holds: d.significant && drop > MIN_EFFECT.npsDecline,
        share: drop / 100,
        units: drop / SEVERITY_UNIT.nps,
      })
    }
  }
  if (w.ces.n >= MIN_ANSWERS) {
    const m = meanInterval(w.ces, { min: 1, max: 7 })
    const value = m.value as number
    const se = (m.sd as number) / Math.sqrt(m.n)
    const gap = value - t.ces
    out.push({
      ...base(s, 'high_ces', 'ces', value, [m.low, m.high], w.ces.n, people(s, w.ces.n)),
      target: t.ces,
      p_value: se > 0 ? studentTCdf(-(value - t.ces) / se, m.n - 1) : value > t.ces ? 0 : 1,
      holds: m.low !== null && m.low > t.ces,
      share: gap / 6,
      units: gap / SEVERITY_UNIT.ces,
    })
  }
  return out
}

function journeyRules(s: ServiceEvidence): Candidate[] {
  const { started, completed, errored } = s.journeys
  if (started < MIN_JOURNEYS) return []
  const t = s.targets
  const completion = wilson(completed, started)
  const errors = wilson(errored, started)
  const rate = completed / started
  const errorRate = errored / started
  return [
    {
      ...base(s, 'low_completion', 'completion_rate', rate, [completion.low, completion.high], started, started),
      target: t.completion,
      p_value: proportionBelowTarget(completed, started, t.completion).pValue ?? 1,
      holds: completion.high !== null && completion.high < t.completion,
      share: t.completion - rate,
      units: (t.completion - rate) / SEVERITY_UNIT.share,
    },
    {
      ...base(s, 'high_error_rate', 'error_rate', errorRate, [errors.low, errors.high], started, started),
      target: t.errorRate,
      p_value: proportionAboveTarget(errored, started, t.errorRate).pValue ?? 1,
      holds: errors.low !== null && errors.low > t.errorRate,
      share: errorRate - t.errorRate,
      units: (errorRate - t.errorRate) / SEVERITY_UNIT.share,
    },
  ]
}

/** A step whose drop-off rate exceeds the pooled rate of the service's other steps by more than δ. */
function stepRules(s: ServiceEvidence): Candidate[] {
  const out: Candidate[] = []
  const totalReached = s.steps.reduce((a, x) => a + x.reached, 0)
  const totalLeft = s.steps.reduce((a, x) => a + x.left, 0)
  for (const step of s.steps) {
    const rest = { successes: totalLeft - step.left, n: totalReached - step.reached }
    if (step.reached < MIN_STEP_JOURNEYS || rest.n < MIN_STEP_JOURNEYS) continue
    const c = partAgainstRest({ successes: step.left, n: step.reached }, rest, 'higher', MIN_EFFECT.stepDropoff)
    out.push({ ...base(s, 'step_dropoff', 'drop_off_rate', c.value, c.interval, step.reached, step.reached), step: step.step, ...c.comparison })
  }
  return out
}

function durationRules(s: ServiceEvidence): Candidate[] {
  const { window: w, baseline: b } = s.durations
  if (w.length < MIN_DURATIONS || b.length < MIN_DURATIONS) return []
  const now = median(w) as number
  const before = median(b) as number
  const growth = before > 0 ? now / before - 1 : now > 0 ? Number.POSITIVE_INFINITY : 0
  const test = mannWhitney(w, b)
  return [
    {
      ...base(s, 'slower_completion', 'median_duration_ms', now, medianInterval(w), w.length, w.length),
      baseline: before,
      baseline_n: b.length,
      p_value: test?.pValueGreater ?? 1,
      holds: growth > MIN_EFFECT.slowdown,
      // The extra time as a share of the time it now takes: doubling → 0.5.
      share: Number.isFinite(growth) ? growth / (1 + growth) : 1,
      units: Math.min(growth, 100) / SEVERITY_UNIT.slowdown,
    },
  ]
}

/** A group whose CSAT share or completion rate is below the rest of the same service by more than δ. */
function groupRules(s: ServiceEvidence): Candidate[] {
  const out: Candidate[] = []
  const { csat: all } = s.window
  const { started, completed } = s.journeys
  for (const g of s.groups) {
    if (g.group === '') continue
    const mine = g.survey.csat
    const rest = { successes: all.satisfied - mine.satisfied, n: all.n - mine.n }
    if (mine.n >= MIN_GROUP && rest.n >= MIN_GROUP) {
      const c = partAgainstRest({ successes: mine.satisfied, n: mine.n }, rest, 'lower', MIN_EFFECT.groupGap)
      const affected = g.journeys.started > 0 ? g.journeys.started : mine.n
      out.push({ ...base(s, 'group_gap', 'csat', c.value, c.interval, mine.n, affected), dimension: g.dimension, group: g.group, ...c.comparison })
    }
    const j = g.journeys
    const restJ = { successes: completed - j.completed, n: started - j.started }
    if (j.started >= MIN_GROUP && restJ.n >= MIN_GROUP) {
      const c = partAgainstRest({ successes: j.completed, n: j.started }, restJ, 'lower', MIN_EFFECT.groupGap)
      out.push({ ...base(s, 'group_gap', 'completion_rate', c.value, c.interval, j.started, j.started), dimension: g.dimension, group: g.group, ...c.comparison })
    }
  }
  return out
}

/**
 * A part of a service (a step, a group) against the pooled rest of it: the
 * part's rate with its Wilson interval, and the comparison fields of a
 * candidate. `worse` says which direction is a problem (a higher drop-off,
 * a lower CSAT or completion); the gap is measured that way, the one-sided
 * exact test too (a part may be a small group near the top of the scale,
 * where the z-test's p-values are far too small), and it must exceed `minEffect`.
 */
function partAgainstRest(part: SampleProportion, rest: SampleProportion, worse: 'higher' | 'lower', minEffect: number) {
  const ci = wilson(part.successes, part.n)
  const value = part.successes / part.n
  const restRate = rest.successes / rest.n
  const gap = worse === 'higher' ? value - restRate : restRate - value
  const test = fisherExactTest(part, rest)
  return {
    value,
    interval: [ci.low, ci.high] as [number | null, number | null],
    comparison: {
      baseline: restRate,
      baseline_n: rest.n,
      p_value: (worse === 'higher' ? test.pValueGreater : test.pValueLess) ?? 1,
      holds: gap > minEffect,
      share: gap,
      units: gap / SEVERITY_UNIT.share,
    },
  }
}

function base(s: ServiceEvidence, rule: Rule, metric: Flag['metric'], value: number, interval: [number | null, number | null], n: number, affected: number) {
  return { service: s.service, rule, metric, value, interval, n, affected }
}

/** Distribution-free 95 % interval of a median: order statistics ⌊(n − z√n)/2⌋ and ⌈1 + (n + z√n)/2⌉. */
export function medianInterval(sample: readonly number[]): [number | null, number | null] {
  const n = sample.length
  if (n === 0) return [null, null]
  const sorted = [...sample].sort((x, y) => x - y)
  const half = Z_95 * Math.sqrt(n)
  const lo = Math.max(1, Math.floor((n - half) / 2))
  const hi = Math.min(n, Math.ceil(1 + (n + half) / 2))
  return [sorted[lo - 1] ?? null, sorted[hi - 1] ?? null]
}

const clampP = (p: number) => (Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 1)
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits
