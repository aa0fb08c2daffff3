/**
 * Pure statistics behind the analytics API and the flags (DESIGN §7): no
 * I/O, numbers in, numbers out. Every function returns null values rather
 * than a guess when there is no data. This index lists what the analytics
 * use; tests import each module directly.
 */
export { benjaminiHochberg } from './benjamini-hochberg.js'
export { CSAT_SATISFIED_FROM, csat } from './csat.js'
export type { CsatCounts } from './csat.js'
export { fisherExactTest } from './fisher-exact.js'
export { mannWhitney } from './mann-whitney.js'
export { meanInterval } from './mean-interval.js'
export type { Moments } from './mean-interval.js'
export { Z_95, normalCdf, normalSf } from './normal.js'
export { nps, npsDifference } from './nps.js'
export type { NpsCounts } from './nps.js'
export { proportionAboveTarget, proportionBelowTarget } from './proportion-test.js'
export type { SampleProportion } from './proportion-test.js'
export { median } from './quantile.js'
export { studentTCdf } from './student-t.js'
export { wilson } from './wilson.js'
