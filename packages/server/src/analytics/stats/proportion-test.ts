/**
 * Tests on proportions: the pooled two-proportion z-test (DESIGN §7
 * "decline": CSAT or completion now against the previous window, or a
 * segment against the rest) and a one-sample test against a target.
 */
import { normalCdf, normalSf, twoSidedPValue } from './normal.js'
import { assertProbability, assertSuccesses } from './validate.js'

/** Successes out of n. */
export interface SampleProportion {
  successes: number
  n: number
}

/** z-test of p_a − p_b; everything null when either sample is empty. */
export interface TwoProportionTest {
  /** p̂_a − p̂_b. */
  diff: number | null
  z: number | null
  /** H1: p_a ≠ p_b. */
  pValueTwoSided: number | null
  /** H1: p_a < p_b (e.g. this window's CSAT below the previous one's). */
  pValueLess: number | null
  /** H1: p_a > p_b. */
  pValueGreater: number | null
}

/**
 * Returns diff = p̂_a − p̂_b and z = diff / √(p̄(1 − p̄)(1/n_a + 1/n_b)) with the
 * pooled p̄ = (x_a + x_b)/(n_a + n_b), without continuity correction (equals
 * the Pearson χ² test without Yates' correction: z² = χ²).
 */
export function twoProportionTest(a: SampleProportion, b: SampleProportion): TwoProportionTest {
  assertSuccesses('twoProportionTest', a.successes, a.n)
  assertSuccesses('twoProportionTest', b.successes, b.n)
  if (a.n === 0 || b.n === 0) {
    return { diff: null, z: null, pValueTwoSided: null, pValueLess: null, pValueGreater: null }
  }
  const diff = a.successes / a.n - b.successes / b.n
  const pooled = (a.successes + b.successes) / (a.n + b.n)
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n))
  if (standardError === 0) {
    // The pooled share is 0 or 1 only when both samples are unanimous the same
    // way: diff = 0 and there is no evidence of a difference in any direction.
    return { diff, z: 0, pValueTwoSided: 1, pValueLess: 1, pValueGreater: 1 }
  }
  const z = diff / standardError
  return { diff, z, pValueTwoSided: twoSidedPValue(z), pValueLess: normalCdf(z), pValueGreater: normalSf(z) }
}

/** Which computation gave the p-value. */
export type TargetTestMethod = 'exact' | 'normal'

export interface TargetTestOptions {
  /** 'auto' (default): exact binomial for n ≤ 10 000, normal approximation above. */
  method?: TargetTestMethod | 'auto'
}

/** One-sample test of a proportion against a target; pValue null when n = 0. */
export interface TargetTest {
  value: number | null
  target: number
  n: number
  pValue: number | null
  method: TargetTestMethod
}

/** Up to this n the exact tail is a sum of at most n + 1 terms: microseconds. */
export const EXACT_BINOMIAL_MAX_N = 10_000

/**
 * p-value of H1: true p < target. Exact: P(X ≤ x) for X ~ Bin(n, target)
 * (the one-sided exact binomial test). Normal: Φ((p̂ − target)/√(target(1 − target)/n)),
 * no continuity correction.
 */
export function proportionBelowTarget(
  successes: number,
  n: number,
  target: number,
  options: TargetTestOptions = {},
): TargetTest {
  assertSuccesses('proportionBelowTarget', successes, n)
  assertProbability('proportionBelowTarget', 'target', target)
  const requested = options.method ?? 'auto'
  const method: TargetTestMethod =
    requested === 'auto' ? (n <= EXACT_BINOMIAL_MAX_N ? 'exact' : 'normal') : requested
  if (n === 0) return { value: null, target, n, pValue: null, method }
  const value = successes / n
  // No p is below 0; every p is at most 1, and only x = n is possible at p = 1.
  if (target === 0) return { value, target, n, pValue: 1, method }
  if (target === 1) return { value, target, n, pValue: successes === n ? 1 : 0, method }
  const pValue =
    method === 'exact'
      ? binomialLowerTail(successes, n, target)
      : normalCdf((value - target) / Math.sqrt((target * (1 - target)) / n))
  return { value, target, n, pValue, method }
}

/**
 * p-value of H1: true p > target (e.g. error rate above its ceiling): the
 * same test on failures, P(X ≥ x) = P(n − X ≤ n − x) with n − X ~ Bin(n, 1 − target).
 */
export function proportionAboveTarget(
  successes: number,
  n: number,
  target: number,
  options: TargetTestOptions = {},
): TargetTest {
  assertSuccesses('proportionAboveTarget', successes, n)
  assertProbability('proportionAboveTarget', 'target', target)
  const flipped = proportionBelowTarget(n - successes, n, 1 - target, options)
  return { ...flipped, value: n === 0 ? null : successes / n, target }
}

/**
 * P(X ≤ x) for X ~ Bin(n, p), 0 < p < 1: Σ_{k≤x} C(n,k) p^k (1−p)^(n−k), each
 * term built in logs so that (1 − p)^n underflowing cannot zero the sum.
 */
function binomialLowerTail(x: number, n: number, p: number): number {
  const logP = Math.log(p)
  const logQ = Math.log1p(-p)
  let logChoose = 0 // log C(n, k)
  let tail = 0
  for (let k = 0; k <= x; k++) {
    if (k > 0) logChoose += Math.log((n - k + 1) / k)
    tail += Math.exp(logChoose + k * logP + (n - k) * logQ)
  }
  return Math.min(1, tail)
}
