/**
 * Turns monthly figures into the published table: counts below k
 * suppressed, complementary suppression through the one additive relation
 * in a row (responses = csat_n + nps_n + ces_n), and a share published only
 * when its count is, and when none of its answer groups (satisfied / not,
 * promoters / passives / detractors, completed / not) holds between 1 and
 * k-1 people. No totals across months are published: a total would expose
 * a suppressed month, and totals over chosen ranges would expose months by
 * differencing.
 */
import { OPEN_DATA_MIN_K } from '@otklik/contract/rules'
import type { MonthlyFigures } from './query.js'
import { suppress, type Cell, type Reason } from './suppression.js'

export const MIN_K = OPEN_DATA_MIN_K

const COUNTS = ['responses', 'csat_n', 'nps_n', 'ces_n', 'journeys'] as const
type CountField = (typeof COUNTS)[number]
type ShareField = 'csat' | 'nps' | 'ces' | 'completion_rate'
export type Field = CountField | ShareField
export type SuppressionReason = Reason | 'small_group'

export interface PublishedRow {
  service: string
  name_ru: string
  name_en: string
  agency: string | null
  month: string
  /** False for the running month: its figures still grow. */
  complete: boolean
  responses: number | null
  journeys: number | null
  csat: number | null
  csat_n: number | null
  nps: number | null
  nps_n: number | null
  ces: number | null
  ces_n: number | null
  completion_rate: number | null
  suppressed: Partial<Record<Field, SuppressionReason>>
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits

/** Every group of people a share reveals holds 0 or at least k. */
const groupsSafe = (groups: number[], k: number) => groups.every((g) => g === 0 || g >= k)

export function publish(figures: readonly MonthlyFigures[], k: number, currentMonth: string): PublishedRow[] {
  return figures.map((f) => {
    const values: Record<CountField, number> = {
      responses: f.csat_n + f.nps_n + f.ces_n,
      csat_n: f.csat_n,
      nps_n: f.nps_n,
      ces_n: f.ces_n,
      journeys: f.journeys,
    }
    const cells: Cell[] = COUNTS.map((c) => ({ value: values[c] }))
    // The per-metric counts matter more than their sum: give up the sum first.
    const relation = [{ total: 0, parts: [1, 2, 3], spare: 'total' as const }]
    // The k = MIN_K pattern first, so any larger k only adds to it.
    suppress(cells, relation, MIN_K)
    if (k > MIN_K) suppress(cells, relation, k)
    const suppressed: PublishedRow['suppressed'] = {}
    const count = (field: CountField): number | null => {
      const cell = cells[COUNTS.indexOf(field)] as Cell
      if (cell.suppressed) suppressed[field] = cell.suppressed
      return cell.suppressed ? null : cell.value
    }
    const share = (field: ShareField, n: number | null, groups: number[], value: () => number, digits: number): number | null => {
      if (n === null) {
        suppressed[field] = 'below_k'
        return null
      }
      if (!groupsSafe(groups, k)) {
        suppressed[field] = 'small_group'
        return null
      }
      return round(value(), digits)
    }
    const csatN = count('csat_n')
    const npsN = count('nps_n')
    const cesN = count('ces_n')
    const journeys = count('journeys')
    const passives = f.nps_n - f.promoters - f.detractors
    return {
      service: f.service,
      name_ru: f.name_ru,
      name_en: f.name_en,
      agency: f.agency || null,
      month: f.month,
      complete: f.month < currentMonth,
      responses: count('responses'),
      journeys,
      csat: share('csat', csatN, [f.csat_good, f.csat_n - f.csat_good], () => f.csat_good / f.csat_n, 3),
      csat_n: csatN,
      nps: share('nps', npsN, [f.promoters, passives, f.detractors], () => ((f.promoters - f.detractors) / f.nps_n) * 100, 1),
      nps_n: npsN,
      ces: share('ces', cesN, [], () => f.ces_sum / f.ces_n, 2),
      ces_n: cesN,
      completion_rate: share('completion_rate', journeys, [f.completed, f.journeys - f.completed], () => f.completed / f.journeys, 3),
      suppressed,
    }
  })
}

export function methodOf(k: number) {
  return {
    k,
    min_k: MIN_K,
    unit: 'people answering (responses) or journeys started, per registered service and calendar month (UTC)',
    rules: [
      `A count below k (${k}), zero included, is not published (below_k).`,
      'responses = csat_n + nps_n + ces_n in every row; when one of these is suppressed and the others are published, responses is suppressed too, or else the smallest other one (complementary), so that no suppressed count can be worked out, and the suppressed ones together hold 0 or at least k people.',
      'A share (csat, nps, ces, completion_rate) is published only when its count is, and when each group of people it reveals (satisfied or not; promoters, passives, detractors; completed or not) holds 0 or at least k people (small_group).',
      'No totals across months or services are published, so a suppressed month cannot be recovered from a total.',
      `k can be raised with ?k= (never below ${MIN_K}); a larger k only suppresses more of the same cells.`,
      'The running month (complete: false) is provisional and grows until the month ends.',
    ],
    relations: ['responses = csat_n + nps_n + ces_n'],
    definitions: {
      csat: 'share of CSAT answers of 4 or 5 (of 5)',
      nps: 'promoters (9-10) minus detractors (0-6), in percent of NPS answers',
      ces: 'mean Customer Effort Score, 1 = very easy .. 7 = very difficult',
      completion_rate: 'share of journeys started in the month that were completed',
      responses: 'answers to the CSAT, NPS and CES questions',
      journeys: 'journeys started in the month',
    },
  }
}
