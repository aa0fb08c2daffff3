/**
 * Net Promoter Score with its margin of error, and the difference of two
 * NPS values (DESIGN §7: "NPS likewise with its margin of error", "difference
 * of NPS beyond its combined margin").
 *
 * Each answer is +1 (promoter, 9–10), 0 (passive, 7–8) or −1 (detractor,
 * 0–6), so NPS/100 is the mean of a trinomial variable whose variance per
 * answer is p_P + p_D − (p_P − p_D)².
 */
import { SCALES } from '@otklik/contract/rules'
import { Z_95, twoSidedPValue } from './normal.js'
import { assertCount, assertCriticalValue } from './validate.js'

const NPS_MIN = 0
const NPS_MAX = 10
const PROMOTER_FROM = SCALES.npsPromoterFrom
const PASSIVE_FROM = SCALES.npsPassiveFrom

/** Answers by group, as they come from a rollup. */
export interface NpsCounts {
  promoters: number
  passives: number
  detractors: number
}

/** NPS on −100..100 with a clamped interval; value, low, high, margin are null when n = 0. */
export interface NpsResult extends NpsCounts {
  value: number | null
  low: number | null
  high: number | null
  margin: number | null
  n: number
}

/** The difference a − b of two NPS values (points) and whether it exceeds the combined margin. */
export interface NpsDifference {
  difference: number | null
  margin: number | null
  z: number | null
  pValue: number | null
  significant: boolean
}

/**
 * Returns NPS = 100·(p_P − p_D) and value ± margin clamped to [−100, 100],
 * margin = z·√((p_P + p_D − (p_P − p_D)²)/n)·100.
 */
export function nps(input: readonly number[] | NpsCounts, z: number = Z_95): NpsResult {
  assertCriticalValue('nps', z)
  const counts = isCounts(input) ? checkCounts(input) : countGroups(input)
  const n = counts.promoters + counts.passives + counts.detractors
  if (n === 0) return { ...counts, value: null, low: null, high: null, margin: null, n }
  const value = (100 * (counts.promoters - counts.detractors)) / n
  const margin = z * Math.sqrt(npsVariance(counts)) * 100
  return {
    ...counts,
    value,
    low: Math.max(-100, value - margin),
    high: Math.min(100, value + margin),
    margin,
    n,
  }
}

/**
 * Returns a − b in NPS points with margin z·√(var_a + var_b)·100 (the two
 * windows are independent samples), its z and two-sided p-value; significant
 * when |a − b| > margin. Null and not significant when either side has n = 0.
 */
export function npsDifference(a: NpsCounts, b: NpsCounts, z: number = Z_95): NpsDifference {
  assertCriticalValue('npsDifference', z)
  checkCounts(a)
  checkCounts(b)
  const nA = a.promoters + a.passives + a.detractors
  const nB = b.promoters + b.passives + b.detractors
  if (nA === 0 || nB === 0) {
    return { difference: null, margin: null, z: null, pValue: null, significant: false }
  }
  const difference = (100 * (a.promoters - a.detractors)) / nA - (100 * (b.promoters - b.detractors)) / nB
  const standardError = Math.sqrt(npsVariance(a) + npsVariance(b)) * 100
  const margin = z * standardError
  if (standardError === 0) {
    // Both samples are unanimous (all promoters, all detractors or all passives):
    // the plug-in variance is 0 and a z is undefined. The flags' minimum-n rule
    // keeps tiny unanimous samples from reaching here.
    return { difference, margin, z: null, pValue: difference === 0 ? 1 : 0, significant: difference !== 0 }
  }
  const zScore = difference / standardError
  return {
    difference,
    margin,
    z: zScore,
    pValue: twoSidedPValue(zScore),
    significant: Math.abs(difference) > margin,
  }
}

/** Variance of NPS/100 (the mean of ±1/0 answers): (p_P + p_D − (p_P − p_D)²)/n. */
function npsVariance(counts: NpsCounts): number {
  const n = counts.promoters + counts.passives + counts.detractors
  const pP = counts.promoters / n
  const pD = counts.detractors / n
  // Never negative in exact arithmetic; max() absorbs rounding at p_P or p_D = 1.
  return Math.max(0, pP + pD - (pP - pD) ** 2) / n
}

function isCounts(input: readonly number[] | NpsCounts): input is NpsCounts {
  return !Array.isArray(input)
}

function checkCounts(counts: NpsCounts): NpsCounts {
  assertCount('nps', 'promoters', counts.promoters)
  assertCount('nps', 'passives', counts.passives)
  assertCount('nps', 'detractors', counts.detractors)
  // A fresh object: a caller's extra fields must not leak into the result.
  return { promoters: counts.promoters, passives: counts.passives, detractors: counts.detractors }
}

function countGroups(scores: readonly number[]): NpsCounts {
  const counts = { promoters: 0, passives: 0, detractors: 0 }
  for (const score of scores) {
    if (!Number.isInteger(score) || score < NPS_MIN || score > NPS_MAX) {
      throw new RangeError(`nps: scores must be integers ${NPS_MIN}–${NPS_MAX}, got ${score}`)
    }
    if (score >= PROMOTER_FROM) counts.promoters++
    else if (score >= PASSIVE_FROM) counts.passives++
    else counts.detractors++
  }
  return counts
}
