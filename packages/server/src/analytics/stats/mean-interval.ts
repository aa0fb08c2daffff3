/**
 * Mean with a Student-t confidence interval from count, sum and sum of
 * squares, so that CES (1–7) can be judged from rollups without raw answers
 * (DESIGN §5: dashboard queries cost O(services × days)).
 */
import { studentTQuantile } from './student-t.js'
import { assertCount, assertFinite, assertProbability } from './validate.js'

/** Sufficient statistics of a sample: Σ1, Σx, Σx². */
export interface Moments {
  n: number
  sum: number
  sumSq: number
}

export interface MeanIntervalOptions {
  /** Two-sided confidence level; default 0.95. */
  confidence?: number
  /** Bounds of the scale (e.g. 1 and 7 for CES): the interval is clamped to them. */
  min?: number
  max?: number
}

/** A mean with its interval; value is null at n = 0, the interval is null at n < 2. */
export interface MeanInterval {
  value: number | null
  low: number | null
  high: number | null
  n: number
  /** Sample standard deviation (n − 1 denominator). */
  sd: number | null
  margin: number | null
}

const DEFAULT_CONFIDENCE = 0.95

/**
 * Returns x̄ = Σx/n and x̄ ± t(1 − α/2, n − 1)·s/√n with
 * s² = (Σx² − (Σx)²/n)/(n − 1). The t quantile tends to z as n grows, so
 * one formula serves small and large samples.
 */
export function meanInterval(moments: Moments, options: MeanIntervalOptions = {}): MeanInterval {
  const { n, sum, sumSq } = moments
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE
  assertCount('meanInterval', 'n', n)
  assertFinite('meanInterval', 'sum', sum)
  assertFinite('meanInterval', 'sumSq', sumSq)
  assertProbability('meanInterval', 'confidence', confidence)
  if (confidence === 0 || confidence === 1) {
    throw new RangeError(`meanInterval: confidence must be strictly between 0 and 1, got ${confidence}`)
  }
  if (n === 0) return { value: null, low: null, high: null, n, sd: null, margin: null }
  const mean = sum / n
  if (n === 1) return { value: mean, low: null, high: null, n, sd: null, margin: null }
  // The one-pass formula can cancel to a tiny negative when all values are
  // equal; fine for bounded scores like CES, not for large raw values.
  const variance = Math.max(0, (sumSq - (sum * sum) / n) / (n - 1))
  const sd = Math.sqrt(variance)
  const margin = studentTQuantile(1 - (1 - confidence) / 2, n - 1) * (sd / Math.sqrt(n))
  const low = options.min === undefined ? mean - margin : Math.max(options.min, mean - margin)
  const high = options.max === undefined ? mean + margin : Math.min(options.max, mean + margin)
  return { value: mean, low, high, n, sd, margin }
}
