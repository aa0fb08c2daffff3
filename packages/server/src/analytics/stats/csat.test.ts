import { describe, expect, it } from 'vitest'
import { csat } from './csat.js'
import { wilson } from './wilson.js'

describe('csat', () => {
  it('counts 4 and 5 as satisfied among 1–5', () => {
    // satisfied: 5, 4, 4, 5 → 4 of 7 = 0.571429
    const r = csat([5, 4, 3, 1, 4, 2, 5])
    expect(r.value).toBeCloseTo(4 / 7, 12)
    expect(r).toEqual(wilson(4, 7))
  })

  it('accepts rollup counts', () => {
    expect(csat({ satisfied: 8, n: 10 }, 1.96)).toEqual(wilson(8, 10, 1.96))
  })

  it('returns nulls for no answers', () => {
    expect(csat([]).value).toBeNull()
    expect(csat({ satisfied: 0, n: 0 }).low).toBeNull()
  })

  it('rejects scores outside 1–5 and impossible counts', () => {
    expect(() => csat([0])).toThrow(RangeError)
    expect(() => csat([6])).toThrow(RangeError)
    expect(() => csat([4.5])).toThrow(RangeError)
    expect(() => csat({ satisfied: 3, n: 2 })).toThrow(RangeError)
  })
})
