/**
 * Benjamini–Hochberg step-up procedure (1995): which of many tests (one per
 * service, segment or step) to report while keeping the expected share of
 * false flags among all flags at most q.
 */
import { assertProbability } from './validate.js'

/** One test's p-value, named by whatever the caller flags (service id, segment). */
export interface NamedPValue {
  id: string
  pValue: number
}

export interface BhDecision {
  id: string
  pValue: number
  /** BH-adjusted p-value: min over j ≥ rank of min(1, m·p₍ⱼ₎/j). */
  adjusted: number
  /** True when adjusted ≤ q, i.e. the test is among the step-up discoveries. */
  discovery: boolean
}

const DEFAULT_FDR = 0.05

/**
 * Returns, in input order, each test's adjusted p-value
 * p̃₍ᵢ₎ = min_{j≥i} min(1, m·p₍ⱼ₎/j) and whether it is a discovery at FDR q:
 * exactly the tests with p ≤ p₍ₖ₎, k = max{i : p₍ᵢ₎ ≤ i·q/m}. Equal p-values
 * always get equal adjusted values and the same decision.
 */
export function benjaminiHochberg(tests: readonly NamedPValue[], q: number = DEFAULT_FDR): BhDecision[] {
  assertProbability('benjaminiHochberg', 'q', q)
  for (const test of tests) assertProbability('benjaminiHochberg', `pValue of ${test.id}`, test.pValue)
  const m = tests.length
  // Ascending by p; Array.prototype.sort is stable, so ties keep input order.
  const order = tests.map((test, index) => ({ test, index })).sort((a, b) => a.test.pValue - b.test.pValue)
  const adjusted: number[] = new Array<number>(m)
  let runningMin = 1
  for (let rank = m; rank >= 1; rank--) {
    const entry = order[rank - 1]
    if (entry === undefined) continue
    runningMin = Math.min(runningMin, (m * entry.test.pValue) / rank)
    adjusted[entry.index] = runningMin
  }
  return tests.map((test, index) => {
    const value = adjusted[index] ?? 1
    return { id: test.id, pValue: test.pValue, adjusted: value, discovery: value <= q }
  })
}
