/**
 * The survey events of recent sessions, in memory: what the server accepted
 * but ClickHouse may not show yet (a block waiting to be committed, or
 * spooled during an outage). Bounded: the oldest sessions go first.
 */
import type { SurveyEvent } from './survey-event.js'

const MAX_SESSIONS = 100_000
const MAX_PER_SESSION = 64

export class RecentSurveys {
  private bySession = new Map<string, SurveyEvent[]>()

  constructor(private readonly maxSessions = MAX_SESSIONS) {}

  get(site: string, session: string): readonly SurveyEvent[] {
    return this.bySession.get(`${site}|${session}`) ?? []
  }

  add(site: string, e: SurveyEvent): void {
    const key = `${site}|${e.session}`
    const list = this.bySession.get(key)
    if (list) {
      // Re-inserted so that Map order stays "least recently used first".
      this.bySession.delete(key)
      if (!list.some((x) => x.id === e.id)) list.push(e)
      if (list.length > MAX_PER_SESSION) list.shift()
      this.bySession.set(key, list)
      return
    }
    this.bySession.set(key, [e])
    if (this.bySession.size > this.maxSessions) {
      const oldest = this.bySession.keys().next().value
      if (oldest !== undefined) this.bySession.delete(oldest)
    }
  }
}
