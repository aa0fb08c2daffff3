import { describe, expect, it } from 'vitest'
import { change, meanFigure, npsFigure, t975, wilson } from './pooled.js'

describe('pooled figures', () => {
  it('the Wilson interval of 8 of 10 is 0.490..0.943', () => {
    const f = wilson(8, 10)
    expect(f.low).toBeCloseTo(0.4902, 4)
    expect(f.high).toBeCloseTo(0.9433, 4)
  })

  it('t quantiles match the tables (df 5: 2.571, df 30: 2.042, df 1000: 1.962)', () => {
    expect(t975(5)).toBeCloseTo(2.5706, 2)
    expect(t975(30)).toBeCloseTo(2.0423, 3)
    expect(t975(1000)).toBeCloseTo(1.9623, 4)
  })

  it('NPS of 50 promoters, 30 passives and 20 detractors is 30 with a margin of 15.3 points', () => {
    const f = npsFigure({ promoters: 50, detractors: 20, n: 100 })
    expect(f.value).toBeCloseTo(30)
    expect(f.high! - f.value!).toBeCloseTo(15.31, 1)
  })

  it('a CES mean of one answer has no interval', () => {
    expect(meanFigure({ n: 1, sum: 3, sumSq: 9 })).toEqual({ value: 3, low: null, high: null, n: 1 })
  })

  it('a change is significant only beyond the combined margin', () => {
    expect(change(wilson(60, 100), wilson(80, 100))).toMatchObject({ direction: 'down', significant: true })
    expect(change(wilson(78, 100), wilson(80, 100))).toMatchObject({ direction: 'down', significant: false })
    expect(change(wilson(0, 0), wilson(80, 100))).toBeNull()
  })
})
