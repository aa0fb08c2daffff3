/**
 * Student's t distribution for integer degrees of freedom: what a mean's
 * interval needs when the sample is small (n − 1 degrees of freedom).
 */
import { normalQuantile } from './normal.js'

// Above this many degrees of freedom the Cornish–Fisher expansion in 1/ν is
// exact to ~1e-10 and saves the O(ν) series (checked against scipy.stats.t).
const EXPANSION_FROM_DF = 200
const BISECTION_STEPS = 200

/**
 * P(T ≤ t) for T ~ t(df), df a positive integer. Closed-form finite series
 * (Abramowitz & Stegun 26.7.3–26.7.4) with θ = atan(t/√df). Absolute error
 * ~1e-15; tail probabilities below that lose their relative precision, which
 * is fine for quantiles at the usual levels (not meant for tiny p-values).
 */
export function studentTCdf(t: number, df: number): number {
  assertDegreesOfFreedom('studentTCdf', df)
  if (Number.isNaN(t)) return Number.NaN
  if (t === Number.POSITIVE_INFINITY) return 1
  if (t === Number.NEGATIVE_INFINITY) return 0
  const theta = Math.atan(Math.abs(t) / Math.sqrt(df))
  const cos2 = Math.cos(theta) ** 2
  let centralMass: number // P(|T| ≤ |t|)
  if (df % 2 === 1) {
    // (2/π)·(θ + sinθ·cosθ·(1 + (2/3)cos²θ + (2·4)/(3·5)cos⁴θ + …)), df − 1 terms halved
    let term = 1
    let sum = df > 1 ? 1 : 0
    for (let k = 1; k <= (df - 3) / 2; k++) {
      term *= ((2 * k) / (2 * k + 1)) * cos2
      sum += term
    }
    centralMass = (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta) * sum)
  } else {
    // sinθ·(1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + …), df/2 terms
    let term = 1
    let sum = 1
    for (let k = 1; k <= (df - 2) / 2; k++) {
      term *= ((2 * k - 1) / (2 * k)) * cos2
      sum += term
    }
    centralMass = Math.sin(theta) * sum
  }
  return t >= 0 ? 0.5 + centralMass / 2 : 0.5 - centralMass / 2
}

/**
 * The t with P(T ≤ t) = p for T ~ t(df). Cornish–Fisher expansion (A&S
 * 26.7.5) for df ≥ 200; otherwise bisection on `studentTCdf`.
 */
export function studentTQuantile(p: number, df: number): number {
  assertDegreesOfFreedom('studentTQuantile', df)
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`)
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  if (p === 0.5) return 0
  if (df >= EXPANSION_FROM_DF) return cornishFisher(normalQuantile(p), df)
  // The quantile is symmetric: solve in the upper half and mirror.
  const upper = Math.max(p, 1 - p)
  let low = 0
  let high = 1
  while (studentTCdf(high, df) < upper) high *= 2
  for (let i = 0; i < BISECTION_STEPS && high - low > 1e-14 * high; i++) {
    const mid = (low + high) / 2
    if (studentTCdf(mid, df) < upper) low = mid
    else high = mid
  }
  const t = (low + high) / 2
  return p > 0.5 ? t : -t
}

function cornishFisher(z: number, df: number): number {
  const z2 = z * z
  const g1 = (z * (z2 + 1)) / 4
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df
}

function assertDegreesOfFreedom(fn: string, df: number): void {
  if (!Number.isSafeInteger(df) || df < 1) {
    throw new RangeError(`${fn}: degrees of freedom must be a positive integer, got ${df}`)
  }
}
