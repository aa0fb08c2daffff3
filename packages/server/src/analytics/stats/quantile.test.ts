import { describe, expect, it } from 'vitest'
import { median, p90, quantile, quantiles } from './quantile.js'

// Type 7, 0-based on the sorted sample:
//   h = (n − 1)·p,  Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)
describe('quantile (Hyndman–Fan type 7)', () => {
  it('odd n: the middle element; p90 interpolates', () => {
    // sorted 1, 2, 3: median h = 1 → 2; p90 h = 1.8 → 2 + 0.8·(3 − 2) = 2.8
    expect(median([3, 1, 2])).toBe(2)
    expect(p90([3, 1, 2])).toBeCloseTo(2.8, 12)
  })

  it('even n: the mean of the two middle elements (ClickHouse quantileExact would say 3)', () => {
    // sorted 1, 2, 3, 4: median h = 1.5 → 2 + 0.5·1 = 2.5; p90 h = 2.7 → 3 + 0.7·1 = 3.7
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(p90([4, 1, 3, 2])).toBeCloseTo(3.7, 12)
  })

  it('ties: interpolating between equal values gives that value', () => {
    // sorted 1, 5, 5, 5: median h = 1.5 → 5 + 0.5·0 = 5; p90 h = 2.7 → 5
    expect(median([5, 5, 1, 5])).toBe(5)
    expect(p90([5, 5, 1, 5])).toBe(5)
  })

  it('a single element is every quantile', () => {
    expect(median([42])).toBe(42)
    expect(p90([42])).toBe(42)
    expect(quantile([42], 0)).toBe(42)
  })

  it('p = 0 and 1 are the minimum and maximum', () => {
    expect(quantiles([7, 3, 9, 1], [0, 1])).toEqual([1, 9])
  })

  it('an empty sample has no quantiles', () => {
    expect(median([])).toBeNull()
    expect(p90([])).toBeNull()
    expect(quantiles([], [0.5, 0.9])).toEqual([null, null])
  })

  it('sorts numerically, not as strings, and leaves the input alone', () => {
    const durations = [100, 20, 3]
    expect(median(durations)).toBe(20)
    expect(durations).toEqual([100, 20, 3])
  })

  it('rejects NaN and probabilities outside [0, 1]', () => {
    expect(() => median([1, Number.NaN])).toThrow(RangeError)
    expect(() => quantile([1, 2], 1.1)).toThrow(RangeError)
  })
})
