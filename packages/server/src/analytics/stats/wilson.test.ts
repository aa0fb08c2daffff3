import { describe, expect, it } from 'vitest'
import { wilson } from './wilson.js'

// Hand arithmetic uses z = 1.96, passed explicitly.
describe('wilson', () => {
  it('matches the hand-computed interval for 8 of 10', () => {
    // p̂ = 0.8, z² = 3.8416, z²/n = 0.38416, denominator = 1.38416
    // centre = (0.8 + 3.8416/20) / 1.38416 = 0.99208 / 1.38416 = 0.716738
    // half = (1.96 / 1.38416) · √(0.8·0.2/10 + 3.8416/400)
    //      = 1.416022 · √(0.016 + 0.009604) = 1.416022 · 0.160012 = 0.226580
    // low = 0.490157, high = 0.943319
    const r = wilson(8, 10, 1.96)
    expect(r.value).toBe(0.8)
    expect(r.low).toBeCloseTo(0.490157, 6)
    expect(r.high).toBeCloseTo(0.943319, 6)
    expect(r.n).toBe(10)
  })

  it('uses z = Φ⁻¹(0.975) = 1.959964 by default', () => {
    // the same arithmetic with z = 1.959964: centre = 0.716740, half = 0.226578
    const r = wilson(8, 10)
    expect(r.low).toBeCloseTo(0.4901625, 7)
    expect(r.high).toBeCloseTo(0.9433178, 7)
  })

  it('gives no successes a low of exactly 0 and a finite high', () => {
    // high = (z²/n) / (1 + z²/n) = 0.38416 / 1.38416 = 0.277540
    const r = wilson(0, 10, 1.96)
    expect(r.value).toBe(0)
    expect(r.low).toBe(0)
    expect(r.high).toBeCloseTo(0.27754, 5)
  })

  it('gives all successes a high of exactly 1 and a low below 1', () => {
    // low = n / (n + z²) = 10 / 13.8416 = 0.722460
    const r = wilson(10, 10, 1.96)
    expect(r.value).toBe(1)
    expect(r.high).toBe(1)
    expect(r.low).toBeCloseTo(0.72246, 5)
  })

  it('returns nulls, never a guess, when n = 0', () => {
    expect(wilson(0, 0)).toEqual({ value: null, low: null, high: null, n: 0 })
  })

  it('narrows as n grows at the same share', () => {
    const small = wilson(8, 10)
    const large = wilson(800, 1000)
    expect((large.high ?? 0) - (large.low ?? 0)).toBeLessThan((small.high ?? 0) - (small.low ?? 0))
  })

  it('rejects impossible counts and a non-positive z', () => {
    expect(() => wilson(11, 10)).toThrow(RangeError)
    expect(() => wilson(-1, 10)).toThrow(RangeError)
    expect(() => wilson(1.5, 10)).toThrow(RangeError)
    expect(() => wilson(1, 10, 0)).toThrow(RangeError)
  })
})
