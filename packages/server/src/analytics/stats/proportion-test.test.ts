import { describe, expect, it } from 'vitest'
import { proportionAboveTarget, proportionBelowTarget, twoProportionTest } from './proportion-test.js'

describe('twoProportionTest', () => {
  it('matches the hand-computed pooled z', () => {
    // 45/100 vs 60/100: diff = −0.15, pooled p̄ = 105/200 = 0.525
    // se = √(0.525·0.475·(1/100 + 1/100)) = √0.0049875 = 0.0706222
    // z = −0.15 / 0.0706222 = −2.123977 (z² = 4.511278 = Pearson χ² without Yates)
    // two-sided p = 2·Q(2.123977) = 0.033672; less = Φ(z) = 0.016836; greater = 0.983164
    const r = twoProportionTest({ successes: 45, n: 100 }, { successes: 60, n: 100 })
    expect(r.diff).toBeCloseTo(-0.15, 12)
    expect(r.z).toBeCloseTo(-2.123977, 6)
    expect(r.pValueTwoSided).toBeCloseTo(0.033672, 6)
    expect(r.pValueLess).toBeCloseTo(0.016836, 6)
    expect(r.pValueGreater).toBeCloseTo(0.983164, 6)
  })

  it('reports no difference for equal shares', () => {
    // 3/10 vs 30/100: diff = 0, z = 0, two-sided p = 1, one-sided 0.5
    const r = twoProportionTest({ successes: 3, n: 10 }, { successes: 30, n: 100 })
    expect(r.diff).toBeCloseTo(0, 15)
    expect(r.z).toBeCloseTo(0, 12)
    expect(r.pValueTwoSided).toBeCloseTo(1, 12)
    expect(r.pValueLess).toBeCloseTo(0.5, 12)
  })

  it('gives unanimous samples (pooled p̄ = 0 or 1) z = 0 and no evidence', () => {
    const expected = { diff: 0, z: 0, pValueTwoSided: 1, pValueLess: 1, pValueGreater: 1 }
    expect(twoProportionTest({ successes: 10, n: 10 }, { successes: 5, n: 5 })).toEqual(expected)
    expect(twoProportionTest({ successes: 0, n: 10 }, { successes: 0, n: 5 })).toEqual(expected)
  })

  it('is null when a sample is empty', () => {
    expect(twoProportionTest({ successes: 0, n: 0 }, { successes: 5, n: 10 }).pValueLess).toBeNull()
  })

  it('rejects impossible counts', () => {
    expect(() => twoProportionTest({ successes: 11, n: 10 }, { successes: 5, n: 10 })).toThrow(RangeError)
  })
})

describe('proportionBelowTarget', () => {
  it('uses the exact binomial tail for small n', () => {
    // P(X ≤ 3) for X ~ Bin(10, 0.6)
    //  = 0.4¹⁰ + 10·0.6·0.4⁹ + 45·0.6²·0.4⁸ + 120·0.6³·0.4⁷
    //  = 0.0001048576 + 0.001572864 + 0.010616832 + 0.042467328 = 0.0547618816
    const r = proportionBelowTarget(3, 10, 0.6)
    expect(r).toMatchObject({ value: 0.3, target: 0.6, n: 10, method: 'exact' })
    expect(r.pValue).toBeCloseTo(0.0547618816, 14)
  })

  it('uses the normal approximation when asked, or for n above 10 000', () => {
    // z = (0.7 − 0.8) / √(0.8·0.2/100) = −0.1 / 0.04 = −2.5; Φ(−2.5) = 0.0062096653
    const r = proportionBelowTarget(70, 100, 0.8, { method: 'normal' })
    expect(r.method).toBe('normal')
    expect(r.pValue).toBeCloseTo(0.0062096653, 10)
    // z = (0.79 − 0.8) / √(0.16/20000) = −0.01 / 0.0028284 = −3.535534; Φ(z) = 0.000203
    const big = proportionBelowTarget(15_800, 20_000, 0.8)
    expect(big.method).toBe('normal')
    expect(big.pValue).toBeCloseTo(0.000203, 6)
  })

  it('agrees with the exact tail at moderate n to within the missing continuity correction', () => {
    // exact P(X ≤ 740 | Bin(1000, 0.75)) = 0.242927 (scipy.stats.binom.cdf)
    // normal: z = −0.01 / √(0.1875/1000) = −0.730297, Φ(z) = 0.23260
    const exact = proportionBelowTarget(740, 1000, 0.75).pValue ?? Number.NaN
    const normal = proportionBelowTarget(740, 1000, 0.75, { method: 'normal' }).pValue ?? Number.NaN
    expect(exact).toBeCloseTo(0.242927, 6)
    expect(normal).toBeCloseTo(0.2326, 4)
  })

  it('stays finite where (1 − target)ⁿ underflows', () => {
    // P(X ≤ 4990) for Bin(5000, 0.999): the k = 0 term 0.001⁵⁰⁰⁰ underflows, yet the
    // tail near the mean (4995, sd 2.2) is moderate: scipy.stats.binom.cdf = 0.0317555
    const r = proportionBelowTarget(4990, 5000, 0.999)
    expect(r.pValue).toBeCloseTo(0.0317555, 6)
  })

  it('handles the edges: n = 0, target 0 and 1, all successes', () => {
    expect(proportionBelowTarget(0, 0, 0.8).pValue).toBeNull()
    expect(proportionBelowTarget(0, 10, 0).pValue).toBe(1) // no p is below 0
    expect(proportionBelowTarget(9, 10, 1).pValue).toBe(0) // a failure proves p < 1
    expect(proportionBelowTarget(10, 10, 1).pValue).toBe(1)
    // all successes: P(X ≤ 10) = 1
    expect(proportionBelowTarget(10, 10, 0.6).pValue).toBeCloseTo(1, 14)
    // no successes: P(X ≤ 0) = 0.4¹⁰ = 0.0001048576
    expect(proportionBelowTarget(0, 10, 0.6).pValue).toBeCloseTo(0.0001048576, 15)
  })

  it('rejects a target outside [0, 1]', () => {
    expect(() => proportionBelowTarget(1, 10, 1.2)).toThrow(RangeError)
  })
})

describe('proportionAboveTarget', () => {
  it('is the lower tail of the failures', () => {
    // P(X ≥ 7), X ~ Bin(10, 0.4) = P(Y ≤ 3), Y = 10 − X ~ Bin(10, 0.6) = 0.0547618816 (above)
    const r = proportionAboveTarget(7, 10, 0.4)
    expect(r).toMatchObject({ value: 0.7, target: 0.4, n: 10, method: 'exact' })
    expect(r.pValue).toBeCloseTo(0.0547618816, 14)
  })

  it('keeps the caller’s value and target when n = 0', () => {
    expect(proportionAboveTarget(0, 0, 0.05)).toEqual({
      value: null,
      target: 0.05,
      n: 0,
      pValue: null,
      method: 'exact',
    })
  })
})
