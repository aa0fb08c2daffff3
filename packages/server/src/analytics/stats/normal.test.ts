import { describe, expect, it } from 'vitest'
import { Z_95, normalCdf, normalQuantile, normalSf, twoSidedPValue } from './normal.js'

// Reference values: scipy.stats.norm 1.17 (cdf, sf, ppf), which agree with
// the tables of Abramowitz & Stegun 26.2 to the digits those print.
const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected)

describe('normalCdf and normalSf', () => {
  it('gives the textbook values in the body', () => {
    expect(normalCdf(0)).toBe(0.5)
    expect(normalCdf(Z_95)).toBeCloseTo(0.975, 14)
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14)
    expect(normalSf(-1)).toBeCloseTo(0.8413447460685429, 14)
  })

  it('keeps small tail probabilities to ~1e-13 relative, where A&S 7.1.26 would not', () => {
    // A&S 7.1.26 has absolute error 1.5e-7: it could not tell 1e-10 from 0.
    expect(relative(normalSf(5), 2.866515718791933e-7)).toBeLessThan(1e-13)
    expect(relative(normalSf(10), 7.61985302416047e-24)).toBeLessThan(1e-13)
    expect(relative(normalSf(20), 2.7536241186061556e-89)).toBeLessThan(1e-13)
    expect(relative(normalCdf(-37.5), 4.605353009581954e-308)).toBeLessThan(1e-13)
  })

  it('is symmetric: Φ(−x) = 1 − Φ(x) = Q(x)', () => {
    for (const x of [0.3, 1.7, 2.9, 3.1, 6.5]) {
      expect(normalCdf(-x)).toBe(normalSf(x))
      expect(normalCdf(x) + normalSf(x)).toBeCloseTo(1, 15)
    }
  })

  it('reaches 0 and 1 at the infinities and passes NaN through', () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0)
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1)
    expect(normalSf(Number.POSITIVE_INFINITY)).toBe(0)
    expect(normalCdf(Number.NaN)).toBeNaN()
  })
})

describe('twoSidedPValue', () => {
  it('doubles the tail of |z|', () => {
    // 2·Q(1.959964) = 2·0.025 = 0.05
    expect(twoSidedPValue(Z_95)).toBeCloseTo(0.05, 14)
    expect(twoSidedPValue(-Z_95)).toBeCloseTo(0.05, 14)
    expect(twoSidedPValue(0)).toBe(1)
  })
})

describe('normalQuantile', () => {
  it('gives the textbook critical values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14)
    expect(normalQuantile(0.5)).toBe(0)
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 13)
  })

  it('is accurate in the far tail (Acklam alone is only good to 1e-9)', () => {
    expect(relative(normalQuantile(1e-10), -6.361340902404056)).toBeLessThan(1e-14)
  })

  it('inverts normalCdf', () => {
    for (const p of [1e-300, 1e-20, 0.02, 0.02425, 0.3, 0.9, 0.999999]) {
      expect(relative(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-12)
    }
  })

  it('maps 0 and 1 to the infinities and rejects what is not a probability', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY)
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY)
    expect(() => normalQuantile(1.5)).toThrow(RangeError)
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError)
  })
})
