/**
 * Pure statistics behind the analytics API and the flags (DESIGN §7): no
 * I/O, numbers in, numbers out. Every function returns null values rather
 * than a guess when there is no data.
 */
export { benjaminiHochberg } from './benjamini-hochberg.js'
export type { BhDecision, NamedPValue } from './benjamini-hochberg.js'
export { CSAT_SATISFIED_FROM, csat } from './csat.js'
export type { CsatCounts } from './csat.js'
export { fisherExactTest } from './fisher-exact.js'
export type { ExactTwoProportionTest } from './fisher-exact.js'
export { mannWhitney } from './mann-whitney.js'
export type { MannWhitneyResult } from './mann-whitney.js'
export { meanInterval } from './mean-interval.js'
export type { MeanInterval, MeanIntervalOptions, Moments } from './mean-interval.js'
export { Z_95, normalCdf, normalQuantile, normalSf, twoSidedPValue } from './normal.js'
export { nps, npsDifference } from './nps.js'
export type { NpsCounts, NpsDifference, NpsResult } from './nps.js'
export {
  EXACT_BINOMIAL_MAX_N,
  proportionAboveTarget,
  proportionBelowTarget,
  twoProportionTest,
} from './proportion-test.js'
export type {
  SampleProportion,
  TargetTest,
  TargetTestMethod,
  TargetTestOptions,
  TwoProportionTest,
} from './proportion-test.js'
export { median, p90, quantile, quantiles } from './quantile.js'
export { studentTCdf, studentTQuantile } from './student-t.js'
export { wilson } from './wilson.js'
export type { ProportionInterval } from './wilson.js'
