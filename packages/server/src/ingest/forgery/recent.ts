/**
 * The survey events of recent sessions, in memory: what the server accepted
 * but ClickHouse may not show yet (a block waiting to be committed, or
 * spooled during an outage). Bounded: the oldest sessions go first, and in a
 * full session a survey_shown goes before any answer. A session that lost
 * events here is marked forgotten, so that the judge asks the store about it
 * again rather than count its answers from what is left: otherwise a client
 * could push its own answers out (with a flood of survey_shown, or of fresh
 * sessions) and start the per-session cap afresh.
 */
import type { SurveyEvent } from './survey-event.js'

// About 1.8 KB of heap per session: 50,000 sessions (90 MB) cover minutes of
// answering sessions at a national portal's peak; older ones are asked of the store.
const MAX_SESSIONS = 50_000
const MAX_PER_SESSION = 64
/** Forgotten sessions remembered; evicting past this takes a flood far above every rate limit. */
const MAX_FORGOTTEN = 1_000_000

/**
 * A 31-bit FNV-1a hash of a key: a small integer is stored in the Set itself
 * (a million of them take ~20 MB, their strings ~100 MB). Two keys sharing a
 * hash only make the judge ask the store about one session more.
 */
function keyHash(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return h >>> 1
}

export class RecentSurveys {
  private bySession = new Map<string, SurveyEvent[]>()
  private forgotten = new Set<number>()

  constructor(private readonly maxSessions = MAX_SESSIONS) {}

  get(site: string, session: string): readonly SurveyEvent[] {
    return this.bySession.get(`${site}|${session}`) ?? []
  }

  /** True when this process dropped survey events of the session: its memory alone is not the whole story. */
  incomplete(site: string, session: string): boolean {
    return this.forgotten.has(keyHash(`${site}|${session}`))
  }

  add(site: string, e: SurveyEvent): void {
    const key = `${site}|${e.session}`
    const list = this.bySession.get(key)
    if (list) {
      // Re-inserted so that Map order stays "least recently used first".
      this.bySession.delete(key)
      if (!list.some((x) => x.id === e.id)) list.push(e)
      if (list.length > MAX_PER_SESSION) {
        // A shown goes first: the answers are what the per-session cap counts.
        const shown = list.findIndex((x) => x.type === 'survey_shown')
        list.splice(Math.max(shown, 0), 1)
        this.forget(key)
      }
      this.bySession.set(key, list)
      return
    }
    this.bySession.set(key, [e])
    if (this.bySession.size > this.maxSessions) {
      const oldest = this.bySession.keys().next().value
      if (oldest !== undefined) {
        this.bySession.delete(oldest)
        this.forget(oldest)
      }
    }
  }

  private forget(key: string): void {
    this.forgotten.add(keyHash(key))
    if (this.forgotten.size > MAX_FORGOTTEN) this.forgotten.delete(this.forgotten.values().next().value as number)
  }
}
