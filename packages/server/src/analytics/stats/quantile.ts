/**
 * Sample quantiles for durations (time to complete): median and p90.
 *
 * Definition: linear interpolation between order statistics, Hyndman & Fan
 * type 7 (0-based on the sorted sample):
 *   h = (n − 1)·p,  Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
 * This is R's default, numpy's default, Excel's PERCENTILE.INC and
 * ClickHouse's `quantileExactInclusive`; it is NOT ClickHouse's
 * `quantileExact`, which returns the element at index ⌊n·p⌋ (the upper
 * median for even n). The median of an even sample is the mean of the two
 * middle values.
 */

/** Returns Q(p) for each p (type 7), sorting a copy once; all null for an empty sample. */
export function quantiles(sample: readonly number[], probabilities: readonly number[]): (number | null)[] {
  for (const p of probabilities) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantiles: probabilities must be in [0, 1], got ${p}`)
  }
  for (const x of sample) {
    if (Number.isNaN(x)) throw new RangeError('quantiles: the sample must not contain NaN')
  }
  if (sample.length === 0) return probabilities.map(() => null)
  const sorted = [...sample].sort((a, b) => a - b)
  return probabilities.map((p) => interpolate(sorted, p))
}

/** Returns Q(p) (type 7), or null for an empty sample. */
export function quantile(sample: readonly number[], p: number): number | null {
  return quantiles(sample, [p])[0] ?? null
}

/** Returns the median (type 7: mean of the two middle values when n is even), or null. */
export function median(sample: readonly number[]): number | null {
  return quantile(sample, 0.5)
}

/** Returns the 90th percentile (type 7), or null for an empty sample. */
export function p90(sample: readonly number[]): number | null {
  return quantile(sample, 0.9)
}

function interpolate(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p
  const below = Math.floor(h)
  const lower = sorted[below]
  if (lower === undefined) throw new Error('unreachable: index within a non-empty sample')
  const upper = sorted[below + 1]
  // At p = 1 (or n = 1) there is no element above: the quantile is the last one.
  if (upper === undefined || h === below) return lower
  return lower + (h - below) * (upper - lower)
}
