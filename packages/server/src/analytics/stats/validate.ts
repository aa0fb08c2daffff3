/**
 * Argument checks shared by the statistics: a bad count is a programming
 * error upstream (a broken query or rollup), so it throws a RangeError that
 * names the function and the argument instead of returning a wrong number.
 */

/** Throws unless `value` is a non-negative safe integer. */
export function assertCount(fn: string, name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${fn}: ${name} must be a non-negative integer, got ${value}`)
  }
}

/** Throws unless `successes` and `n` are counts with successes ≤ n. */
export function assertSuccesses(fn: string, successes: number, n: number): void {
  assertCount(fn, 'n', n)
  assertCount(fn, 'successes', successes)
  if (successes > n) throw new RangeError(`${fn}: successes (${successes}) must not exceed n (${n})`)
}

/** Throws unless `value` is a finite number. */
export function assertFinite(fn: string, name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${fn}: ${name} must be a finite number, got ${value}`)
}

/** Throws unless `p` is a probability in [0, 1]. */
export function assertProbability(fn: string, name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: ${name} must be in [0, 1], got ${p}`)
}

/** Throws unless `z` is a positive finite critical value. */
export function assertCriticalValue(fn: string, z: number): void {
  if (!(Number.isFinite(z) && z > 0)) throw new RangeError(`${fn}: z must be a positive number, got ${z}`)
}
