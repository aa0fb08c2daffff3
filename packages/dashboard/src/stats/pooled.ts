/**
 * Portfolio figures pooled from the API's score counts (GET
 * /v1/metrics/distribution), by the server's definitions: CSAT with its
 * Wilson interval, NPS with its normal interval, CES with its Student-t
 * interval (analytics/README.md). For one service they equal that
 * service's figures from /v1/metrics/services.
 */
import type { DistributionRow, Figure } from '@otklik/contract/types'

const Z = 1.959963984540054

export function wilson(successes: number, n: number): Figure {
  if (n === 0) return { value: null, low: null, high: null, n }
  const p = successes / n
  const z2 = Z * Z
  const denominator = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / denominator
  const half = (Z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return { value: p, low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === n ? 1 : Math.min(1, centre + half), n }
}

/** The 97.5 % quantile of Student's t (Cornish–Fisher expansion; within 1e-4 from 3 degrees of freedom). */
export function t975(df: number): number {
  const z = Z
  const g1 = (z ** 3 + z) / 4
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384
  const g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4
}

interface Counts {
  csat: { satisfied: number; n: number }
  nps: { promoters: number; detractors: number; n: number }
  ces: { n: number; sum: number; sumSq: number }
}

export function countScores(rows: readonly DistributionRow[]): Counts {
  const c: Counts = { csat: { satisfied: 0, n: 0 }, nps: { promoters: 0, detractors: 0, n: 0 }, ces: { n: 0, sum: 0, sumSq: 0 } }
  for (const { metric, question, score, count } of rows) {
    if (question !== '') continue
    if (metric === 'csat') {
      c.csat.n += count
      if (score >= 4) c.csat.satisfied += count
    } else if (metric === 'nps') {
      c.nps.n += count
      if (score >= 9) c.nps.promoters += count
      else if (score <= 6) c.nps.detractors += count
    } else if (metric === 'ces') {
      c.ces.n += count
      c.ces.sum += score * count
      c.ces.sumSq += score * score * count
    }
  }
  return c
}

export function npsFigure({ promoters, detractors, n }: Counts['nps']): Figure {
  if (n === 0) return { value: null, low: null, high: null, n }
  const pP = promoters / n
  const pD = detractors / n
  const value = 100 * (pP - pD)
  const margin = Z * Math.sqrt(Math.max(0, pP + pD - (pP - pD) ** 2) / n) * 100
  return { value, low: Math.max(-100, value - margin), high: Math.min(100, value + margin), n }
}

export function meanFigure({ n, sum, sumSq }: Counts['ces']): Figure {
  if (n === 0) return { value: null, low: null, high: null, n }
  const mean = sum / n
  if (n === 1) return { value: mean, low: null, high: null, n }
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1))
  const half = t975(n - 1) * Math.sqrt(variance / n)
  return { value: mean, low: mean - half, high: mean + half, n }
}

export interface Portfolio {
  csat: Figure
  nps: Figure
  ces: Figure
  completion: Figure
}

export function pool(rows: readonly DistributionRow[], journeys: { started: number; completed: number }): Portfolio {
  const c = countScores(rows)
  return { csat: wilson(c.csat.satisfied, c.csat.n), nps: npsFigure(c.nps), ces: meanFigure(c.ces), completion: wilson(journeys.completed, journeys.started) }
}

export type Direction = 'up' | 'down' | 'same'

export interface Change {
  difference: number
  direction: Direction
  significant: boolean
}

/**
 * The change from `before` to `now`, significant when it exceeds the
 * combined margin of the two intervals, √(m₁² + m₂²) (independent samples).
 */
export function change(now: Figure, before: Figure): Change | null {
  if (now.value === null || before.value === null || now.low === null || now.high === null || before.low === null || before.high === null) return null
  const difference = now.value - before.value
  const m1 = (now.high - now.low) / 2
  const m2 = (before.high - before.low) / 2
  const margin = Math.sqrt(m1 * m1 + m2 * m2)
  return { difference, direction: difference > 0 ? 'up' : difference < 0 ? 'down' : 'same', significant: Math.abs(difference) > margin }
}
