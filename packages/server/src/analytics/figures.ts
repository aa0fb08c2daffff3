/**
 * From counts to the figures the API reports: CSAT (share of 4–5 with its
 * 95 % Wilson interval), NPS (−100..100 with its 95 % interval), CES (mean
 * of 1–7 with its 95 % Student-t interval), and the journey figures.
 */
import { SCALES } from '@otklik/contract/rules'
import type { JourneySummaryRow } from './queries/journey-summary.js'
import type { SurveyCountRow } from './queries/survey-counts.js'
import { CSAT_SATISFIED_FROM, csat, meanInterval, nps, type CsatCounts, type Moments, type NpsCounts } from './stats/index.js'

export interface Figure {
  value: number | null
  low: number | null
  high: number | null
  n: number
}

export interface SurveyTotals {
  csat: CsatCounts
  nps: NpsCounts
  ces: Moments
}

export interface JourneyFigures {
  started: number
  completed: number
  completion_rate: number | null
  error_rate: number | null
  median_duration_ms: number | null
  p90_duration_ms: number | null
}

const CES_MIN = 1
const CES_MAX = 7

export const emptySurvey = (): SurveyTotals => ({
  csat: { satisfied: 0, n: 0 },
  nps: { promoters: 0, passives: 0, detractors: 0 },
  ces: { n: 0, sum: 0, sumSq: 0 },
})

/** Adds one count row to running totals (scores outside a metric's scale are ignored). */
function addAnswers(t: SurveyTotals, row: Pick<SurveyCountRow, 'metric' | 'score' | 'answers'>): void {
  const { score, answers } = row
  switch (row.metric) {
    case 'csat':
      if (score < 1 || score > 5) return
      t.csat.n += answers
      if (score >= CSAT_SATISFIED_FROM) t.csat.satisfied += answers
      return
    case 'nps':
      if (score < 0 || score > 10) return
      if (score >= SCALES.npsPromoterFrom) t.nps.promoters += answers
      else if (score >= SCALES.npsPassiveFrom) t.nps.passives += answers
      else t.nps.detractors += answers
      return
    case 'ces':
      if (score < CES_MIN || score > CES_MAX) return
      t.ces.n += answers
      t.ces.sum += score * answers
      t.ces.sumSq += score * score * answers
      return
  }
}

/** Totals per key of the rows (`keyOf` picks e.g. service, or service + group). */
export function surveyTotals(rows: readonly SurveyCountRow[], keyOf: (r: SurveyCountRow) => string): Map<string, SurveyTotals> {
  const out = new Map<string, SurveyTotals>()
  for (const r of rows) {
    const key = keyOf(r)
    let t = out.get(key)
    if (!t) out.set(key, (t = emptySurvey()))
    addAnswers(t, r)
  }
  return out
}

function csatFigure(c: CsatCounts): Figure {
  const r = csat(c)
  return { value: r.value, low: r.low, high: r.high, n: r.n }
}

function npsFigure(c: NpsCounts): Figure {
  const r = nps(c)
  return { value: r.value, low: r.low, high: r.high, n: r.n }
}

function cesFigure(m: Moments): Figure {
  const r = meanInterval(m, { min: CES_MIN, max: CES_MAX })
  return { value: r.value, low: r.low, high: r.high, n: r.n }
}

export function surveyFigures(t: SurveyTotals = emptySurvey()) {
  return { csat: csatFigure(t.csat), nps: npsFigure(t.nps), ces: cesFigure(t.ces) }
}

export function journeyFigures(r: JourneySummaryRow | undefined): JourneyFigures {
  if (!r || r.started === 0) {
    return { started: 0, completed: 0, completion_rate: null, error_rate: null, median_duration_ms: null, p90_duration_ms: null }
  }
  return {
    started: r.started,
    completed: r.completed,
    completion_rate: r.completed / r.started,
    error_rate: r.errored / r.started,
    median_duration_ms: r.quantiles[1] ?? null,
    p90_duration_ms: r.quantiles[3] ?? null,
  }
}
