/**
 * Monthly figures per registered service from the raw events (named
 * `open_data.monthly`): survey answers with their numerators, and journeys
 * started in the month with how many completed. Parametrized; months in UTC.
 */
import { SCALES } from '@otklik/contract/rules'
import { NO_ID } from '../storage/events-store.js'
import { numericFields } from '../storage/int64.js'
import type { Store } from '../storage/store.js'

export interface MonthlyFigures {
  service: string
  name_ru: string
  name_en: string
  agency: string
  month: string
  csat_n: number
  csat_good: number
  nps_n: number
  promoters: number
  detractors: number
  ces_n: number
  ces_sum: number
  journeys: number
  completed: number
}

export interface MonthRange {
  /** First day of the first month, epoch ms (inclusive). */
  from: number
  /** First day after the last month, epoch ms (exclusive). */
  to: number
}

export async function monthlyFigures(store: Store, range: MonthRange): Promise<MonthlyFigures[]> {
  const events = store.table('events')
  const registered = `SELECT id FROM ${store.table('services')} FINAL WHERE deleted = 0`
  const params = { from: range.from, to: range.to, zero: NO_ID }
  const window = `ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({to:Int64}, 'UTC')`
  const [answers, journeys, names] = await Promise.all([
    store.query<Record<string, unknown>>(
      `SELECT service, formatDateTime(toStartOfMonth(ts, 'UTC'), '%Y-%m') AS month,
              countIf(metric = 'csat') AS csat_n, countIf(metric = 'csat' AND score >= ${SCALES.csatSatisfiedFrom}) AS csat_good,
              countIf(metric = 'nps') AS nps_n, countIf(metric = 'nps' AND score >= ${SCALES.npsPromoterFrom}) AS promoters, countIf(metric = 'nps' AND score < ${SCALES.npsPassiveFrom}) AS detractors,
              countIf(metric = 'ces') AS ces_n, sumIf(toInt64(score), metric = 'ces') AS ces_sum
       FROM ${events}
       WHERE type = 'survey_response' AND excluded = '' AND metric IN ('csat', 'nps', 'ces') AND ${window} AND service IN (${registered})
       GROUP BY service, month`,
      params,
    ),
    // A journey belongs to the month it started in; it counts as completed
    // if it completed at all (a journey that completes days later still does).
    store.query<Record<string, unknown>>(
      `SELECT service, month, count() AS journeys, countIf(done) AS completed FROM (
         SELECT service, journey, formatDateTime(toStartOfMonth(minIf(ts, type = 'journey_start'), 'UTC'), '%Y-%m') AS month,
                countIf(type = 'journey_complete') > 0 AS done
         FROM ${events}
         WHERE type IN ('journey_start', 'journey_complete') AND excluded = '' AND journey != toUUID({zero:String})
           AND ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND service IN (${registered})
         GROUP BY service, journey
         HAVING countIf(type = 'journey_start') > 0 AND minIf(ts, type = 'journey_start') < fromUnixTimestamp64Milli({to:Int64}, 'UTC'))
       GROUP BY service, month`,
      params,
    ),
    store.query<{ id: string; name_ru: string; name_en: string; agency: string }>(
      `SELECT id, name_ru, name_en, agency FROM ${store.table('services')} FINAL WHERE deleted = 0 LIMIT 100000`,
    ),
  ])
  const byKey = new Map<string, MonthlyFigures>()
  const nameOf = new Map(names.map((n) => [n.id, n]))
  const entry = (service: string, month: string): MonthlyFigures => {
    const key = `${service}\u0000${month}`
    let e = byKey.get(key)
    if (!e) {
      const n = nameOf.get(service)
      e = {
        service,
        month,
        name_ru: n?.name_ru ?? service,
        name_en: n?.name_en || n?.name_ru || service,
        agency: n?.agency ?? '',
        csat_n: 0,
        csat_good: 0,
        nps_n: 0,
        promoters: 0,
        detractors: 0,
        ces_n: 0,
        ces_sum: 0,
        journeys: 0,
        completed: 0,
      }
      byKey.set(key, e)
    }
    return e
  }
  for (const a of numericFields(answers, ['csat_n', 'csat_good', 'nps_n', 'promoters', 'detractors', 'ces_n', 'ces_sum'])) {
    Object.assign(entry(String(a.service), String(a.month)), {
      csat_n: a.csat_n,
      csat_good: a.csat_good,
      nps_n: a.nps_n,
      promoters: a.promoters,
      detractors: a.detractors,
      ces_n: a.ces_n,
      ces_sum: a.ces_sum,
    })
  }
  for (const j of numericFields(journeys, ['journeys', 'completed'])) {
    Object.assign(entry(String(j.service), String(j.month)), { journeys: j.journeys, completed: j.completed })
  }
  return [...byKey.values()].sort((a, b) => a.service.localeCompare(b.service) || a.month.localeCompare(b.month))
}
