/**
 * Judges the survey answers of one public web batch (ballot stuffing, see
 * rules.ts): each answer that breaks a rule keeps its row but gets the
 * reason in `excluded`, which every figure, flag, rollup and open data set
 * leaves out. Nothing is rejected: the client is told its events were
 * accepted, so an attacker learns nothing from the answer.
 */
import { isbot } from 'isbot'
import type { EventRow } from '../../storage/events-store.js'
import { BurstMeter } from './burst.js'
import { RecentSurveys } from './recent.js'
import { RULES, type ExclusionReason } from './rules.js'
import type { SurveyLookup } from './stored.js'
import type { SurveyEvent } from './survey-event.js'

const ZERO_UUID = '00000000-0000-0000-0000-000000000000'

export interface Source {
  /** The client IP, used in memory for the burst rule only. */
  ip: string
  userAgent: string | undefined
}

const isSurvey = (r: EventRow) => r.type === 'survey_shown' || r.type === 'survey_response'

export class AnswerJudge {
  private readonly recent = new RecentSurveys()
  private readonly burst = new BurstMeter()

  constructor(private readonly lookup: SurveyLookup) {}

  /** Sets `excluded` on the answers among `rows` that break a rule; `now` is the server's receive time. */
  async judge(site: string, rows: readonly EventRow[], source: Source, now: number): Promise<void> {
    const survey = rows.filter(isSurvey).sort((a, b) => a.ts - b.ts)
    if (survey.length === 0) return
    const known = await this.history(site, survey)
    const bot = !source.userAgent || isbot(source.userAgent)
    const from = this.burst.source(source.ip)
    for (const row of survey) {
      const e = toSurveyEvent(row)
      const history = known.get(e.session) ?? []
      if (row.type === 'survey_response') {
        const earlier = history.filter((h) => h.type === 'survey_response' && h.service === e.service && h.id !== e.id && h.ts >= e.ts - RULES.lookbackMs)
        // Every answer counts towards its source's rate, whatever else is wrong with it.
        const burst = e.session === ZERO_UUID ? false : this.burst.answer(site, from, e.session, now)
        const reason = bot ? 'bot' : judgeAnswer(e, history, earlier.length) ?? (burst ? 'burst' : undefined)
        if (reason) row.excluded = reason
        else if (earlier.length === 0) this.burst.countSession(site, now)
      }
      if (e.session !== ZERO_UUID) {
        if (!history.some((h) => h.id === e.id)) history.push(e)
        known.set(e.session, history)
        this.recent.add(site, e)
      }
    }
  }

  /**
   * The recently accepted and, where needed, stored survey events of the
   * batch's answering sessions. ClickHouse is asked only about sessions with
   * an answer whose survey_shown is neither in the batch nor in this
   * process's memory (sent before a restart, to another instance, or evicted),
   * and about sessions whose events this process dropped from memory:
   * a session seen here since start is judged from memory, with no query on
   * the ingestion path (the query cost one ClickHouse round trip per request).
   */
  private async history(site: string, survey: readonly EventRow[]): Promise<Map<string, SurveyEvent[]>> {
    const answers = survey.filter((r) => r.type === 'survey_response' && r.session !== ZERO_UUID)
    const known = new Map<string, SurveyEvent[]>()
    if (answers.length === 0) return known
    const sessions = [...new Set(answers.map((r) => r.session))]
    for (const s of sessions) known.set(s, [...this.recent.get(site, s)])
    const inBatch = survey.filter((r) => r.type === 'survey_shown').map(toSurveyEvent)
    // Also sessions this process forgot events of: their answers may be in the store only.
    const unshown = answers.filter((a) => this.recent.incomplete(site, a.session) || !wasShown(toSurveyEvent(a), [...(known.get(a.session) ?? []), ...inBatch]))
    if (unshown.length === 0) return known
    // While ClickHouse is unreachable the events still go to the spool,
    // judged by what this process has seen.
    const stored = await this.lookup({
      site,
      sessions: [...new Set(unshown.map((r) => r.session))],
      services: [...new Set(unshown.map((r) => r.service))],
      from: Math.min(...unshown.map((r) => r.ts)) - RULES.lookbackMs,
      to: Math.max(...unshown.map((r) => r.ts)),
    }).catch(() => [])
    for (const e of stored) {
      const list = known.get(e.session)
      if (list && !list.some((x) => x.id === e.id)) list.push(e)
    }
    return known
  }
}

/** The survey_shown events in `history` that `e` may answer: same session, service and metric (any, for a criteria rating), not later. */
function shownFor(e: SurveyEvent, history: readonly SurveyEvent[]): SurveyEvent[] {
  return history.filter(
    (h) => h.type === 'survey_shown' && h.session === e.session && h.service === e.service && (h.metric === e.metric || e.metric === 'rating') && h.ts <= e.ts,
  )
}

const wasShown = (e: SurveyEvent, history: readonly SurveyEvent[]) => shownFor(e, history).length > 0

/** The first rule (after the User-Agent) an answer breaks, judged from its session's history. */
function judgeAnswer(e: SurveyEvent, history: readonly SurveyEvent[], earlierAnswers: number): ExclusionReason | undefined {
  // Criteria ratings belong to the survey whose question was shown (metric csat, nps or ces).
  const shown = shownFor(e, history)
  if (e.session === ZERO_UUID || shown.length === 0) return 'not_shown'
  const latest = Math.max(...shown.map((h) => h.ts))
  if (e.ts - latest < RULES.minAnswerMs) return 'too_fast'
  if (earlierAnswers >= RULES.maxAnswersPerSession) return 'session_cap'
  return undefined
}

function toSurveyEvent(r: EventRow): SurveyEvent {
  return {
    id: r.id,
    type: r.type === 'survey_shown' ? 'survey_shown' : 'survey_response',
    session: r.session,
    service: r.service,
    metric: r.metric,
    ts: r.ts,
  }
}
