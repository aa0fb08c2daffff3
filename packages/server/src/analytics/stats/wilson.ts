/**
 * Wilson score interval for a binomial proportion (E. B. Wilson, 1927): the
 * interval behind CSAT and completion rates. Unlike the Wald interval it
 * stays inside [0, 1] and is not degenerate at p̂ = 0 or 1, so "all five
 * answers were 5" still gets an honest, wide interval.
 */
import { Z_95 } from './normal.js'
import { assertCriticalValue, assertSuccesses } from './validate.js'

/** A proportion with its interval; value/low/high are null when n = 0. */
export interface ProportionInterval {
  value: number | null
  low: number | null
  high: number | null
  n: number
}

/**
 * Returns p̂ = x/n and the Wilson interval
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
 */
export function wilson(successes: number, n: number, z: number = Z_95): ProportionInterval {
  assertSuccesses('wilson', successes, n)
  assertCriticalValue('wilson', z)
  if (n === 0) return { value: null, low: null, high: null, n }
  const p = successes / n
  const z2 = z * z
  const denominator = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / denominator
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  // At p̂ = 0 or 1 one bound is exactly 0 or 1 in exact arithmetic; pin it
  // there so rounding never yields −1e-17 or a "high" of 0.9999999999999999.
  const low = successes === 0 ? 0 : Math.max(0, centre - half)
  const high = successes === n ? 1 : Math.min(1, centre + half)
  return { value: p, low, high, n }
}
