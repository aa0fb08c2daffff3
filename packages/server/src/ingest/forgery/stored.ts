/**
 * The survey events of given sessions already stored: a `survey_shown` sent
 * in an earlier batch (or to another server process), and earlier answers.
 */
import { toNumber } from '../../storage/int64.js'
import type { Store } from '../../storage/store.js'
import type { SurveyEvent } from './survey-event.js'

export interface SurveyLookup {
  (q: { site: string; sessions: string[]; services: string[]; from: number; to: number }): Promise<SurveyEvent[]>
}

export function storedSurveys(store: Store): SurveyLookup {
  return async ({ site, sessions, services, from, to }) => {
    if (sessions.length === 0) return []
    // service first: it leads the table's sort key.
    const rows = await store.query<Record<string, unknown>>(
      `SELECT toString(id) AS eid, type, toString(session) AS sid, service, metric, toUnixTimestamp64Milli(ts) AS ts_ms
       FROM ${store.table('events')}
       WHERE service IN {services:Array(String)} AND type IN ('survey_shown', 'survey_response')
         AND ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND ts <= fromUnixTimestamp64Milli({to:Int64}, 'UTC')
         AND site_id = {site:String} AND session IN {sessions:Array(UUID)}
       LIMIT 10000`,
      { site, sessions, services, from, to },
    )
    return rows.map((r) => ({
      id: String(r.eid),
      type: r.type === 'survey_shown' ? 'survey_shown' : 'survey_response',
      session: String(r.sid),
      service: String(r.service),
      metric: String(r.metric),
      ts: toNumber(r.ts_ms),
    }))
  }
}
