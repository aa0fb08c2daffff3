/**
 * Fisher's exact test of two proportions, one-sided: given the margins, the
 * successes of the first sample follow the hypergeometric law, and the
 * p-value is its tail. Used where a comparison's samples may be small or its
 * shares near 0 or 1 (a group of 40 answers at 90 % satisfied), where the
 * normal approximation of the z-test gives p-values that are too small by an
 * order of magnitude or more, and so false flags.
 */
import type { SampleProportion } from './proportion-test.js'
import { assertSuccesses } from './validate.js'

export interface ExactTwoProportionTest {
  /** H1: p_a < p_b, P(X ≤ x_a). */
  pValueLess: number | null
  /** H1: p_a > p_b, P(X ≥ x_a). */
  pValueGreater: number | null
}

/** Null p-values when either sample is empty, as `twoProportionTest`. */
export function fisherExactTest(a: SampleProportion, b: SampleProportion): ExactTwoProportionTest {
  assertSuccesses('fisherExactTest', a.successes, a.n)
  assertSuccesses('fisherExactTest', b.successes, b.n)
  if (a.n === 0 || b.n === 0) return { pValueLess: null, pValueGreater: null }
  const total = a.n + b.n
  const successes = a.successes + b.successes
  const law = { total, successes, draws: a.n }
  return { pValueLess: hypergeometricTail(a.successes, law, -1), pValueGreater: hypergeometricTail(a.successes, law, 1) }
}

interface Hypergeometric {
  /** Population size N, successes K in it, draws n. */
  total: number
  successes: number
  draws: number
}

/**
 * P(X ≤ x) (direction −1) or P(X ≥ x) (direction +1): the term at x from log
 * factorials, then the others by the ratio of neighbouring terms, summed
 * until they no longer change the sum (the terms fall away from the mode).
 */
function hypergeometricTail(x: number, h: Hypergeometric, direction: -1 | 1): number {
  const { total: N, successes: K, draws: n } = h
  const lowest = Math.max(0, n - (N - K))
  const highest = Math.min(n, K)
  let term = Math.exp(logChoose(K, x) + logChoose(N - K, n - x) - logChoose(N, n))
  let sum = term
  for (let k = x; direction < 0 ? k > lowest : k < highest; k += direction) {
    // pmf(k + 1) / pmf(k) = (K − k)(n − k) / ((k + 1)(N − K − n + k + 1))
    term *= direction > 0 ? ((K - k) * (n - k)) / ((k + 1) * (N - K - n + k + 1)) : (k * (N - K - n + k)) / ((K - k + 1) * (n - k + 1))
    sum += term
    if (term < sum * 1e-17) break
  }
  return Math.min(1, sum)
}

const logChoose = (n: number, k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k)

const SMALL = 256
const smallLogFactorials: number[] = [0]
for (let i = 1; i < SMALL; i++) smallLogFactorials.push((smallLogFactorials[i - 1] as number) + Math.log(i))

/** log n!: summed up to 255, Stirling's series beyond (error below 1e-16 relative there). */
function logFactorial(n: number): number {
  if (n < SMALL) return smallLogFactorials[n] as number
  const x = n + 1
  const inv = 1 / x
  const inv2 = inv * inv
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)))
}
