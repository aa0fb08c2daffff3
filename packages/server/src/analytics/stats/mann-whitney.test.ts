import { describe, expect, it } from 'vitest'
import { mannWhitney } from './mann-whitney.js'

// Reference: scipy.stats.mannwhitneyu(a, b, method='asymptotic') (tie and continuity correction).
describe('mannWhitney', () => {
  it('complete separation: U = 0', () => {
    // ranks of a = 1, 2, 3 → R = 6, U = 6 − 3·4/2 = 0; mean n_a·n_b/2 = 4.5
    // σ² = 9/12 · 7 = 5.25, σ = 2.291288; z = (0 − 4.5 + 0.5)/σ = −1.745743
    // two-sided p = 2·Q(1.745743) = 0.080856 (scipy: 0.08085559837005224)
    const r = mannWhitney([1, 2, 3], [4, 5, 6])
    expect(r).toMatchObject({ u: 0, effect: 0, nA: 3, nB: 3 })
    expect(r?.z).toBeCloseTo(-1.745743, 6)
    expect(r?.pValueTwoSided).toBeCloseTo(0.08085559837005224, 12)
  })

  it('ties get mid-ranks and shrink the variance', () => {
    // pooled sorted: 1a 2a 2a 2b 3a 3b 4b 5b → ranks 1, 3, 3, 3, 5.5, 5.5, 7, 8
    // R_a = 1 + 3 + 3 + 5.5 = 12.5, U_a = 12.5 − 4·5/2 = 2.5 (pairs: 0 + ½ + ½ + 1½)
    // tie groups of 3 and 2: Σ(t³ − t) = 24 + 6 = 30
    // σ² = 16/12 · (9 − 30/(8·7)) = 11.285714, σ = 3.359422; U − mean = 2.5 − 8 = −5.5
    // two-sided: z = (−5.5 + 0.5)/σ = −1.488351, p = 0.136658
    // greater: Q((−5.5 − 0.5)/σ) = Q(−1.786022) = 0.962952; less: Φ(−1.488351) = 0.068329
    const r = mannWhitney([1, 2, 2, 3], [2, 3, 4, 5])
    expect(r?.u).toBe(2.5)
    expect(r?.effect).toBeCloseTo(2.5 / 16, 12)
    expect(r?.z).toBeCloseTo(-1.488351, 6)
    expect(r?.pValueTwoSided).toBeCloseTo(0.1366582477381475, 12)
    expect(r?.pValueGreater).toBeCloseTo(0.9629521255093261, 12)
    expect(r?.pValueLess).toBeCloseTo(0.06832912386907375, 12)
  })

  it('detects durations that grew (a later than b)', () => {
    const before = [30, 35, 41, 45, 50, 52, 60, 62, 70, 75, 80, 90]
    const after = before.map((seconds) => seconds + 25)
    const r = mannWhitney(after, before)
    expect(r?.pValueGreater).toBeLessThan(0.05)
    expect(r?.pValueLess).toBeGreaterThan(0.95)
    // swapping the samples mirrors U and the one-sided p-values
    const swapped = mannWhitney(before, after)
    expect(swapped?.u).toBe(12 * 12 - (r?.u ?? 0))
    expect(swapped?.pValueLess).toBeCloseTo(r?.pValueGreater ?? Number.NaN, 14)
  })

  it('finds nothing when every value is tied', () => {
    expect(mannWhitney([5, 5], [5, 5, 5])).toEqual({
      u: 3,
      effect: 0.5,
      z: 0,
      pValueTwoSided: 1,
      pValueGreater: 1,
      pValueLess: 1,
      nA: 2,
      nB: 3,
    })
  })

  it('is null when a sample is empty', () => {
    expect(mannWhitney([], [1, 2])).toBeNull()
    expect(mannWhitney([1], [])).toBeNull()
  })

  it('rejects non-finite durations', () => {
    expect(() => mannWhitney([1, Number.NaN], [2])).toThrow(RangeError)
  })
})
