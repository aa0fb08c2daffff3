/**
 * CSAT: the share of satisfied answers (4 or 5 on the 1–5 scale) among all
 * answers, with its Wilson interval (DESIGN §7 "low satisfaction").
 */
import { SCALES } from '@otklik/contract/rules'
import { Z_95 } from './normal.js'
import { assertSuccesses } from './validate.js'
import { wilson, type ProportionInterval } from './wilson.js'

/** Lowest score counted as satisfied on the 1–5 CSAT scale. */
export const CSAT_SATISFIED_FROM = SCALES.csatSatisfiedFrom
const CSAT_MIN = 1
const CSAT_MAX = 5

/** Counts as they come from a rollup: answers of 4–5 and all answers. */
export interface CsatCounts {
  satisfied: number
  n: number
}

/** Returns the CSAT share (4–5 of 1–5) with its Wilson interval; value null when n = 0. */
export function csat(input: readonly number[] | CsatCounts, z: number = Z_95): ProportionInterval {
  const counts = isCounts(input) ? input : countSatisfied(input)
  assertSuccesses('csat', counts.satisfied, counts.n)
  return wilson(counts.satisfied, counts.n, z)
}

function isCounts(input: readonly number[] | CsatCounts): input is CsatCounts {
  return !Array.isArray(input)
}

function countSatisfied(scores: readonly number[]): CsatCounts {
  let satisfied = 0
  for (const score of scores) {
    if (!Number.isInteger(score) || score < CSAT_MIN || score > CSAT_MAX) {
      throw new RangeError(`csat: scores must be integers ${CSAT_MIN}–${CSAT_MAX}, got ${score}`)
    }
    if (score >= CSAT_SATISFIED_FROM) satisfied++
  }
  return { satisfied, n: scores.length }
}
