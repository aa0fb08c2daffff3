import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { eventRow, type EventRow } from '../../storage/events-store.js'
import { AnswerJudge } from './judge.js'
import type { SurveyLookup } from './stored.js'
import type { SurveyEvent } from './survey-event.js'

const SOURCE = { ip: '192.0.2.1', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36' }
const T = 1_700_000_000_000

const row = (type: 'survey_shown' | 'survey_response', session: string, ts: number): EventRow =>
  eventRow({ id: randomUUID(), ts, received_at: T, site_id: 'demo', type, session, service: 'passport-rf', metric: 'csat', ...(type === 'survey_response' ? { score: 5 } : {}) })

/** A lookup that records the sessions it was asked about and answers from `stored`. */
function recordingLookup(stored: SurveyEvent[] = []) {
  const asked: string[][] = []
  const lookup: SurveyLookup = async (q) => {
    asked.push(q.sessions)
    return stored.filter((e) => q.sessions.includes(e.session))
  }
  return { lookup, asked }
}

describe('the answer judge reads history from memory first', () => {
  it('an answer whose survey_shown came in the same batch is counted without asking ClickHouse', async () => {
    const { lookup, asked } = recordingLookup()
    const session = randomUUID()
    const rows = [row('survey_shown', session, T), row('survey_response', session, T + 5000)]
    await new AnswerJudge(lookup).judge('demo', rows, SOURCE, T)
    expect(rows[1]?.excluded).toBeUndefined()
    expect(asked).toEqual([])
  })

  it('an answer whose survey_shown this process accepted in an earlier batch is counted without asking ClickHouse', async () => {
    const { lookup, asked } = recordingLookup()
    const judge = new AnswerJudge(lookup)
    const session = randomUUID()
    await judge.judge('demo', [row('survey_shown', session, T)], SOURCE, T)
    const answer = row('survey_response', session, T + 5000)
    await judge.judge('demo', [answer], SOURCE, T + 5000)
    expect(answer.excluded).toBeUndefined()
    expect(asked).toEqual([])
  })

  it('an answer whose survey_shown this process never saw is judged from what ClickHouse stored', async () => {
    const session = randomUUID()
    const shown: SurveyEvent = { id: randomUUID(), type: 'survey_shown', session, service: 'passport-rf', metric: 'csat', ts: T }
    const { lookup, asked } = recordingLookup([shown])
    const answer = row('survey_response', session, T + 5000)
    const lonely = row('survey_response', randomUUID(), T + 5000)
    await new AnswerJudge(lookup).judge('demo', [answer, lonely], SOURCE, T + 5000)
    expect(asked).toEqual([[session, lonely.session]])
    expect(answer.excluded).toBeUndefined()
    expect(lonely.excluded).toBe('not_shown')
  })
})
