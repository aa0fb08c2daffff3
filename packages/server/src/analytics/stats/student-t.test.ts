import { describe, expect, it } from 'vitest'
import { studentTCdf, studentTQuantile } from './student-t.js'

// Reference quantiles t(0.975, df): the printed t table (12.706, 4.303, 2.365,
// 2.042, 1.972, 1.960), here to more digits from scipy.stats.t.ppf.
describe('studentTQuantile', () => {
  it.each([
    [1, 12.706204736174694],
    [2, 4.302652729749462],
    [7, 2.364624251592784],
    [30, 2.0422724563012378],
    [199, 1.9719565442517533],
    [200, 1.9718962236339088], // first df on the Cornish–Fisher branch
    [999, 1.9623414611334493],
    [100_000, 1.9599877075346095],
  ])('t(0.975, %i) = %f', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 9)
  })

  it('is symmetric and 0 at the median', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-2.364624251592784, 9)
    expect(studentTQuantile(0.5, 3)).toBe(0)
  })

  it('maps 0 and 1 to the infinities and rejects bad arguments', () => {
    expect(studentTQuantile(0, 5)).toBe(Number.NEGATIVE_INFINITY)
    expect(studentTQuantile(1, 5)).toBe(Number.POSITIVE_INFINITY)
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError)
    expect(() => studentTQuantile(0.5, 2.5)).toThrow(RangeError)
    expect(() => studentTQuantile(2, 5)).toThrow(RangeError)
  })
})

describe('studentTCdf', () => {
  it('matches the closed forms for df = 1 and 2', () => {
    // df = 1 is Cauchy: F(1) = 1/2 + atan(1)/π = 0.75
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 15)
    // df = 2: F(t) = 1/2 + t / (2√(2 + t²)); F(2) = 0.5 + 2/(2√6) = 0.908248
    expect(studentTCdf(2, 2)).toBeCloseTo(0.5 + 1 / Math.sqrt(6), 14)
  })

  it('matches scipy for odd df in the lower half', () => {
    // scipy.stats.t.cdf(-1.5, 5) = 0.09695184012123664
    expect(studentTCdf(-1.5, 5)).toBeCloseTo(0.09695184012123664, 14)
  })
})
