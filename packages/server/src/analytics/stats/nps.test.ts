import { describe, expect, it } from 'vitest'
import { nps, npsDifference } from './nps.js'

// Hand arithmetic uses z = 1.96, passed explicitly.
describe('nps', () => {
  it('groups scores and computes value and margin from the trinomial variance', () => {
    // promoters (9–10): 10, 10, 9, 10, 9 = 5; passives (7–8): 8, 7 = 2; detractors (0–6): 6, 5, 0 = 3
    // NPS = 100·(0.5 − 0.3) = 20
    // var = (0.5 + 0.3 − 0.2²)/10 = 0.076; margin = 1.96·√0.076·100 = 1.96·27.5681 = 54.0335
    const r = nps([10, 10, 9, 8, 7, 6, 5, 0, 10, 9], 1.96)
    expect(r).toMatchObject({ promoters: 5, passives: 2, detractors: 3, n: 10 })
    expect(r.value).toBeCloseTo(20, 10)
    expect(r.margin).toBeCloseTo(54.0335, 4)
    expect(r.low).toBeCloseTo(20 - 54.0335, 4)
    expect(r.high).toBeCloseTo(20 + 54.0335, 4)
  })

  it('clamps the interval to [−100, 100] but reports the unclamped margin', () => {
    // NPS = 100·(0.9 − 0.1) = 80; var = (0.9 + 0.1 − 0.8²)/10 = 0.036
    // margin = 1.96·√0.036·100 = 1.96·18.9737 = 37.1884 → high 117.19 → 100
    const r = nps({ promoters: 9, passives: 0, detractors: 1 }, 1.96)
    expect(r.value).toBeCloseTo(80, 10)
    expect(r.margin).toBeCloseTo(37.1884, 4)
    expect(r.low).toBeCloseTo(42.8116, 4)
    expect(r.high).toBe(100)
  })

  it('gives a unanimous sample a zero margin (p_P = 1: var = (1 + 0 − 1²)/n = 0)', () => {
    const r = nps({ promoters: 4, passives: 0, detractors: 0 })
    expect(r).toMatchObject({ value: 100, low: 100, high: 100, margin: 0 })
    expect(nps([0, 3, 6]).value).toBe(-100)
  })

  it('returns nulls for no answers', () => {
    expect(nps([])).toEqual({
      promoters: 0,
      passives: 0,
      detractors: 0,
      value: null,
      low: null,
      high: null,
      margin: null,
      n: 0,
    })
  })

  it('rejects scores outside 0–10 and negative counts', () => {
    expect(() => nps([11])).toThrow(RangeError)
    expect(() => nps([-1])).toThrow(RangeError)
    expect(() => nps({ promoters: -1, passives: 0, detractors: 0 })).toThrow(RangeError)
  })
})

describe('npsDifference', () => {
  it('is significant when the difference exceeds the combined margin', () => {
    // a: 60/20/20 → NPS 40, var = (0.6 + 0.2 − 0.4²)/100 = 0.0064
    // b: 40/30/30 → NPS 10, var = (0.4 + 0.3 − 0.1²)/100 = 0.0069
    // se = √(0.0064 + 0.0069)·100 = 11.5326; margin = 1.96·11.5326 = 22.6038
    // z = 30 / 11.5326 = 2.6013; p = 2·Q(2.6013) = 0.009286
    const r = npsDifference(
      { promoters: 60, passives: 20, detractors: 20 },
      { promoters: 40, passives: 30, detractors: 30 },
      1.96,
    )
    expect(r.difference).toBeCloseTo(30, 10)
    expect(r.margin).toBeCloseTo(22.6038, 4)
    expect(r.z).toBeCloseTo(2.6013, 4)
    expect(r.pValue).toBeCloseTo(0.009286, 6)
    expect(r.significant).toBe(true)
  })

  it('is not significant within the combined margin, whatever the sign', () => {
    // a: 50/30/20 → 30, var = (0.7 − 0.09)/100 = 0.0061; b: 45/30/25 → 20, var = (0.7 − 0.04)/100 = 0.0066
    // margin = 1.96·√0.0127·100 = 22.0881 > |±10|
    const a = { promoters: 50, passives: 30, detractors: 20 }
    const b = { promoters: 45, passives: 30, detractors: 25 }
    const ab = npsDifference(a, b, 1.96)
    const ba = npsDifference(b, a, 1.96)
    expect(ab.difference).toBeCloseTo(10, 10)
    expect(ba.difference).toBeCloseTo(-10, 10)
    expect(ab.margin).toBeCloseTo(22.0881, 4)
    expect(ab.significant).toBe(false)
    expect(ba.significant).toBe(false)
    expect(ab.pValue).toBeCloseTo(ba.pValue ?? Number.NaN, 14)
  })

  it('is null and not significant when a window has no answers', () => {
    const empty = { promoters: 0, passives: 0, detractors: 0 }
    const r = npsDifference(empty, { promoters: 5, passives: 0, detractors: 1 })
    expect(r).toEqual({ difference: null, margin: null, z: null, pValue: null, significant: false })
  })

  it('has no z when both windows are unanimous; a difference then counts as significant', () => {
    const promoters = (k: number) => ({ promoters: k, passives: 0, detractors: 0 })
    const detractors = (k: number) => ({ promoters: 0, passives: 0, detractors: k })
    const same = npsDifference(promoters(9), promoters(4))
    expect(same).toEqual({ difference: 0, margin: 0, z: null, pValue: 1, significant: false })
    const opposite = npsDifference(detractors(9), promoters(9))
    expect(opposite).toMatchObject({ difference: -200, margin: 0, significant: true })
  })
})
