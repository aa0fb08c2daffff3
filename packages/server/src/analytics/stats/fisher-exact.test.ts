import { describe, expect, it } from 'vitest'
import { fisherExactTest } from './fisher-exact.js'
import { twoProportionTest } from './proportion-test.js'

// [x_a, n_a, x_b, n_b, P(X ≤ x_a), P(X ≥ x_a)] from scipy.stats.hypergeom
// (cdf(x_a, N, K, n_a) and sf(x_a − 1, N, K, n_a)), scipy 1.x.
const SCIPY = [
  [41, 67, 550, 600, 3.7985400490853765e-10, 0.9999999999482984],
  [18, 30, 700, 770, 1.153822264026838e-5, 0.9999984374735531],
  [3, 10, 30, 100, 0.6535827582678533, 0.6261890009838867],
  [0, 40, 900, 1000, 6.422401639885929e-38, 1.0],
  [40, 40, 5, 1000, 1.0, 4.4383520018976713e-67],
  [120, 400, 100, 300, 0.19538909023519097, 0.8466889804613869],
  [450, 500, 9000, 10000, 0.5231117485935253, 0.5377248408289159],
  [1, 2, 1, 3, 0.9, 0.7],
  [2000, 5000, 2100, 5000, 0.022060726124210776, 0.9799929688629598],
] as const

describe('fisherExactTest', () => {
  it.each(SCIPY)('%i/%i against %i/%i agrees with scipy to 1e-9 relative', (xa, na, xb, nb, less, greater) => {
    const r = fisherExactTest({ successes: xa, n: na }, { successes: xb, n: nb })
    expect(Math.abs((r.pValueLess as number) - less) / less).toBeLessThan(1e-9)
    expect(Math.abs((r.pValueGreater as number) - greater) / greater).toBeLessThan(1e-9)
  })

  it('is not fooled where the z-test is: a small group near the top of the scale', () => {
    // 18 of 30 satisfied against 700 of 770: the z-test says p ≈ 2e-8, the exact law 1.2e-5.
    const part = { successes: 18, n: 30 }
    const rest = { successes: 700, n: 770 }
    expect(twoProportionTest(part, rest).pValueLess as number).toBeLessThan(1e-7)
    expect(fisherExactTest(part, rest).pValueLess as number).toBeGreaterThan(1e-5)
  })

  it('is null when a sample is empty, and rejects impossible counts', () => {
    expect(fisherExactTest({ successes: 0, n: 0 }, { successes: 5, n: 10 })).toEqual({ pValueLess: null, pValueGreater: null })
    expect(() => fisherExactTest({ successes: 11, n: 10 }, { successes: 5, n: 10 })).toThrow(RangeError)
  })
})
