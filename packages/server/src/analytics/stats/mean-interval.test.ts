import { describe, expect, it } from 'vitest'
import { meanInterval } from './mean-interval.js'

const momentsOf = (xs: number[]) => ({
  n: xs.length,
  sum: xs.reduce((s, x) => s + x, 0),
  sumSq: xs.reduce((s, x) => s + x * x, 0),
})

describe('meanInterval', () => {
  it('matches the hand-computed t interval', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: n = 8, Σx = 40, Σx² = 232, x̄ = 5
    // s² = (232 − 40²/8)/7 = 32/7 = 4.571429; s = 2.138090; s/√8 = 0.755929
    // t(0.975, 7) = 2.364624; margin = 2.364624 · 0.755929 = 1.787488
    const r = meanInterval({ n: 8, sum: 40, sumSq: 232 })
    expect(r.value).toBe(5)
    expect(r.sd).toBeCloseTo(2.13809, 5)
    expect(r.margin).toBeCloseTo(1.787488, 6)
    expect(r.low).toBeCloseTo(3.212512, 6)
    expect(r.high).toBeCloseTo(6.787488, 6)
  })

  it('clamps to the bounds of the scale (CES 1–7)', () => {
    // 7, 7, 6: x̄ = 6.666667, s² = (134 − 400/3)/2 = 1/3, s/√3 = 1/3
    // t(0.975, 2) = 4.302653; margin = 1.434218; high 8.100884 → 7
    const r = meanInterval(momentsOf([7, 7, 6]), { min: 1, max: 7 })
    expect(r.value).toBeCloseTo(6.666667, 6)
    expect(r.low).toBeCloseTo(5.232449, 6)
    expect(r.high).toBe(7)
  })

  it('approaches the z interval for large n', () => {
    // 500 answers of 3 and 500 of 5: x̄ = 4, Σx² = 17000, s² = (17000 − 4000²/1000)/999 = 1000/999
    // margin = t(0.975, 999) · √(s²/n) = 1.962341 · √(1000/999/1000)
    const r = meanInterval({ n: 1000, sum: 4000, sumSq: 500 * 9 + 500 * 25 })
    expect(r.margin).toBeCloseTo(1.962341 * Math.sqrt(1000 / 999 / 1000), 6)
  })

  it('honours another confidence level', () => {
    // two-sided 90 % uses t(0.95, 7) = 1.894579; margin = 1.894579 · 0.755929 = 1.432167
    const r = meanInterval({ n: 8, sum: 40, sumSq: 232 }, { confidence: 0.9 })
    expect(r.margin).toBeCloseTo(1.894579 * 0.755929, 5)
  })

  it('gives equal values a zero-width interval, not NaN', () => {
    const r = meanInterval(momentsOf([0.1, 0.1, 0.1]))
    expect(r.value).toBeCloseTo(0.1, 15)
    expect(r.sd).toBe(0)
    expect(r.low).toBeCloseTo(0.1, 15)
    expect(r.high).toBeCloseTo(0.1, 15)
  })

  it('has a mean but no interval for one answer, and nothing for none', () => {
    expect(meanInterval({ n: 1, sum: 6, sumSq: 36 })).toEqual({
      value: 6,
      low: null,
      high: null,
      n: 1,
      sd: null,
      margin: null,
    })
    expect(meanInterval({ n: 0, sum: 0, sumSq: 0 }).value).toBeNull()
  })

  it('rejects bad input', () => {
    expect(() => meanInterval({ n: -1, sum: 0, sumSq: 0 })).toThrow(RangeError)
    expect(() => meanInterval({ n: 2, sum: Number.NaN, sumSq: 0 })).toThrow(RangeError)
    expect(() => meanInterval({ n: 2, sum: 1, sumSq: 1 }, { confidence: 1 })).toThrow(RangeError)
  })
})
