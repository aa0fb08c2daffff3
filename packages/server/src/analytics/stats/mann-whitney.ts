/**
 * Mann–Whitney U test (Wilcoxon rank-sum) for "time to complete grown
 * significantly" (DESIGN §7): durations are skewed and heavy-tailed, so a
 * rank test is sound where a t-test on means is not.
 *
 * Normal approximation with tie correction and continuity correction, as
 * R's `wilcox.test(exact = FALSE, correct = TRUE)` and scipy's
 * `mannwhitneyu(method = 'asymptotic')`. It needs roughly n ≥ 10 per group;
 * the flags' minimum-n rule is what guarantees that.
 */
import { normalCdf, normalSf } from './normal.js'

export interface MannWhitneyResult {
  /** U of sample a: pairs (aᵢ, bⱼ) with aᵢ > bⱼ, ties counting ½. */
  u: number
  /** U/(n_a·n_b): P(A > B) + ½·P(A = B), the "common-language" effect size. */
  effect: number
  /** Continuity-corrected z of the two-sided test (0 when every value is tied). */
  z: number
  /** H1: the distributions differ. */
  pValueTwoSided: number
  /** H1: a tends to be larger than b (e.g. this window's durations grew). */
  pValueGreater: number
  /** H1: a tends to be smaller than b. */
  pValueLess: number
  nA: number
  nB: number
}

/**
 * Returns U_a = R_a − n_a(n_a + 1)/2 (R_a = rank sum of a, mid-ranks for ties) and
 * z = (U_a − n_a n_b/2 ∓ ½)/σ with σ² = n_a n_b/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1)));
 * null when either sample is empty.
 */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitneyResult | null {
  for (const x of [...a, ...b]) {
    if (!Number.isFinite(x)) throw new RangeError(`mannWhitney: values must be finite numbers, got ${x}`)
  }
  const nA = a.length
  const nB = b.length
  if (nA === 0 || nB === 0) return null
  const { rankSumA, tieTerm } = rankSum(a, b)
  const n = nA + nB
  const u = rankSumA - (nA * (nA + 1)) / 2
  const mean = (nA * nB) / 2
  const variance = ((nA * nB) / 12) * (n + 1 - tieTerm / (n * (n - 1)))
  const base = { u, effect: u / (nA * nB), nA, nB }
  if (variance <= 0) {
    // Every value is the same: U = n_a·n_b/2 and there is nothing to test.
    return { ...base, z: 0, pValueTwoSided: 1, pValueGreater: 1, pValueLess: 1 }
  }
  const sd = Math.sqrt(variance)
  const deviation = u - mean
  // The continuity correction moves U half a step towards the mean, per direction.
  const zTwoSided = (deviation - Math.sign(deviation) * 0.5) / sd
  return {
    ...base,
    z: zTwoSided,
    pValueTwoSided: Math.min(1, 2 * normalSf(Math.abs(zTwoSided))),
    pValueGreater: normalSf((deviation - 0.5) / sd),
    pValueLess: normalCdf((deviation + 0.5) / sd),
  }
}

/** Rank sum of `a` in the pooled sample (mid-ranks for ties) and Σ(t³ − t) over tie groups. */
function rankSum(a: readonly number[], b: readonly number[]): { rankSumA: number; tieTerm: number } {
  const pooled = [...a.map((value) => ({ value, inA: true })), ...b.map((value) => ({ value, inA: false }))]
  pooled.sort((x, y) => x.value - y.value)
  let rankSumA = 0
  let tieTerm = 0
  let start = 0
  while (start < pooled.length) {
    let end = start + 1 // one past the last element of this tie group
    while (end < pooled.length && pooled[end]?.value === pooled[start]?.value) end++
    const ties = end - start
    const midRank = (start + 1 + end) / 2 // mean of ranks start+1 … end
    for (let i = start; i < end; i++) if (pooled[i]?.inA) rankSumA += midRank
    tieTerm += ties ** 3 - ties
    start = end
  }
  return { rankSumA, tieTerm }
}
