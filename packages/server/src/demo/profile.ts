/**
 * How people answer and how journeys go for a service on a given day and
 * for a given group: healthy by default (comfortably better than the
 * portfolio targets), with the planted problem, if any, layered on top.
 */
import { PLANTED, WINDOW_DAYS, type PlantedProblem } from './planted.js'

/** Weights of scores, lowest score first. */
type Weights = readonly number[]

export interface JourneyProfile {
  csat: Weights // 1..5
  nps: Weights // 0..10
  ces: Weights // 1..7
  /** Chance to leave at each step, by step name (default `dropPerStep`). */
  dropPerStep: number
  stepDrop: Record<string, number>
  /** Chance that a journey hits an error, and then leaves. */
  errorRate: number
  leaveAfterError: number
  /** Median minutes to complete. */
  minutes: number
}

// CSAT: 91 % answer 4-5 (target 80 %).
const CSAT_HEALTHY = [0.02, 0.02, 0.05, 0.29, 0.62]
// 55 % answer 4-5.
const CSAT_LOW = [0.12, 0.13, 0.2, 0.25, 0.3]
// 95 %: the service at its best, before the decline.
const CSAT_PEAK = [0.01, 0.01, 0.03, 0.25, 0.7]
// 82 %: 13 points down from the peak (z ≈ 7 at the demo's volume), still
// above the 80 % target, and more than 3 standard errors from being below it
// with confidence, so the decline and only the decline is found on any date.
const CSAT_DECLINED = [0.04, 0.05, 0.09, 0.3, 0.52]
// 45 %: the group that the service fails.
const CSAT_GROUP = [0.18, 0.17, 0.2, 0.2, 0.25]
// 0-6 detractors, 7-8 passives, 9-10 promoters.
const nps = (detractors: number, passives: number, promoters: number): Weights => [
  ...Array<number>(7).fill(detractors / 7),
  ...Array<number>(2).fill(passives / 2),
  ...Array<number>(2).fill(promoters / 2),
]
const NPS_HEALTHY = nps(0.06, 0.26, 0.68) // +62 (target +30)
const NPS_LOW = nps(0.4, 0.35, 0.25) // -15
// +74: the service at its best, before the decline.
const NPS_PEAK = nps(0.03, 0.2, 0.77)
// +34: down 40 points (z ≈ 10 at the demo's volume), still above target by
// more than 3 standard errors of being below it with confidence.
const NPS_DECLINED = nps(0.16, 0.34, 0.5)
// CES: mean 2.3 (target at most 3).
const CES_HEALTHY = [0.3, 0.35, 0.2, 0.08, 0.04, 0.02, 0.01]
// Mean 4.75.
const CES_HIGH = [0.03, 0.07, 0.12, 0.18, 0.25, 0.2, 0.15]

const HEALTHY: Omit<JourneyProfile, 'minutes'> = {
  csat: CSAT_HEALTHY,
  nps: NPS_HEALTHY,
  ces: CES_HEALTHY,
  dropPerStep: 0.015,
  stepDrop: {},
  errorRate: 0.015,
  leaveAfterError: 0.5,
}

const plantOf = new Map<string, PlantedProblem>(PLANTED.map((p) => [p.service, p]))

export interface JourneyGroup {
  segment: string
  channel: string
  device: string
  locale: string
}

/** `daysAgo` counts from the seeding moment: 0..27 is the flags' current window. */
export function profileFor(service: string, minutes: number, daysAgo: number, group: JourneyGroup): JourneyProfile {
  const p: JourneyProfile = { ...HEALTHY, minutes }
  const plant = plantOf.get(service)
  const recent = daysAgo < WINDOW_DAYS
  switch (plant?.rule) {
    case 'low_csat':
      p.csat = CSAT_LOW
      break
    case 'low_nps':
      p.nps = NPS_LOW
      break
    case 'high_ces':
      p.ces = CES_HIGH
      break
    case 'csat_decline':
      p.csat = recent ? CSAT_DECLINED : CSAT_PEAK
      break
    case 'nps_decline':
      p.nps = recent ? NPS_DECLINED : NPS_PEAK
      break
    case 'low_completion':
      p.dropPerStep = 0.15
      break
    case 'step_dropoff':
      p.stepDrop = { [plant.step ?? '']: 0.22 }
      break
    case 'high_error_rate':
      p.errorRate = 0.16
      p.leaveAfterError = 0.4
      break
    case 'slower_completion':
      if (recent) p.minutes = minutes * 2.2
      break
    case 'group_gap':
      if (plant.dimension && group[plant.dimension] === plant.group) p.csat = CSAT_GROUP
      break
    case undefined:
      break
  }
  return p
}
