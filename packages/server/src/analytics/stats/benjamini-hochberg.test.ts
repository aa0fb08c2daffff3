import { describe, expect, it } from 'vitest'
import { benjaminiHochberg } from './benjamini-hochberg.js'

const tests = (...ps: number[]) => ps.map((pValue, i) => ({ id: `s${i + 1}`, pValue }))

describe('benjaminiHochberg', () => {
  it('adjusts and decides as the step-up rule, keeping input order', () => {
    // m = 5, sorted p: 0.001, 0.018, 0.027, 0.2, 0.5
    // m·p/rank: 0.005, 0.045, 0.045, 0.25, 0.5 (already monotone) → discoveries at q = 0.05: first three
    const r = benjaminiHochberg(tests(0.2, 0.001, 0.5, 0.027, 0.018))
    expect(r.map((d) => d.id)).toEqual(['s1', 's2', 's3', 's4', 's5'])
    expect(r.map((d) => d.adjusted)).toEqual([
      expect.closeTo(0.25, 12),
      expect.closeTo(0.005, 12),
      expect.closeTo(0.5, 12),
      expect.closeTo(0.045, 12),
      expect.closeTo(0.045, 12),
    ])
    expect(r.map((d) => d.discovery)).toEqual([false, true, false, true, true])
  })

  it('steps up: a p-value that fails alone passes thanks to a larger one', () => {
    // m = 2: 0.03 > 1·0.05/2 = 0.025 alone, but 0.04 ≤ 2·0.05/2 = 0.05 → k = 2, both discoveries
    // adjusted: rank 2: 2·0.04/2 = 0.04; rank 1: min(2·0.03/1 = 0.06, 0.04) = 0.04
    const r = benjaminiHochberg(tests(0.03, 0.04))
    expect(r.map((d) => d.adjusted)).toEqual([0.04, 0.04].map((v) => expect.closeTo(v, 12)))
    expect(r.every((d) => d.discovery)).toBe(true)
  })

  it('gives tied p-values the same adjusted value and decision', () => {
    // m = 4, p: 0.02 ×3, 0.5. rank 4: 4·0.5/4 = 0.5; rank 3: 4·0.02/3 = 0.026667;
    // rank 2: min(4·0.02/2 = 0.04, 0.026667); rank 1: min(0.08, 0.026667) → all three 0.026667
    const r = benjaminiHochberg(tests(0.02, 0.5, 0.02, 0.02))
    const tied = r.filter((d) => d.pValue === 0.02).map((d) => d.adjusted)
    expect(new Set(tied).size).toBe(1) // exactly equal, not merely close
    expect(tied[0]).toBeCloseTo(0.08 / 3, 12)
    expect(r.filter((d) => d.pValue === 0.02).every((d) => d.discovery)).toBe(true)
    expect(r[1]).toMatchObject({ adjusted: 0.5, discovery: false })
  })

  it('honours another q', () => {
    // m = 2, p 0.01, 0.04: adjusted 0.02, 0.04; at q = 0.03 only the first
    expect(benjaminiHochberg(tests(0.01, 0.04), 0.03).map((d) => d.discovery)).toEqual([true, false])
  })

  it('with one test is the test itself; with none, nothing', () => {
    expect(benjaminiHochberg(tests(0.049))).toEqual([
      { id: 's1', pValue: 0.049, adjusted: 0.049, discovery: true },
    ])
    expect(benjaminiHochberg([])).toEqual([])
  })

  it('handles p = 0 and p = 1', () => {
    const r = benjaminiHochberg(tests(0, 1))
    expect(r.map((d) => d.adjusted)).toEqual([0, 1])
    expect(r.map((d) => d.discovery)).toEqual([true, false])
  })

  it('rejects p-values outside [0, 1] and NaN', () => {
    expect(() => benjaminiHochberg(tests(1.5))).toThrow(RangeError)
    expect(() => benjaminiHochberg(tests(Number.NaN))).toThrow(RangeError)
  })
})
