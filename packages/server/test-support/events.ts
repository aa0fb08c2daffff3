/** Valid events and batches to start tests from. */
import { randomUUID } from 'node:crypto'
import type { OtklikEvent } from '@otklik/contract/types'

export function event(over: Partial<OtklikEvent> = {}): OtklikEvent {
  return {
    id: randomUUID(),
    type: 'journey_step',
    ts: Date.now() - 1000,
    session: '6b0f7a4e-1c1a-4c8e-9a55-3f1f5b6f0c01',
    journey: '0d4c2f7e-8a33-4a7b-b7a1-2f8c9d0e1a22',
    service: 'passport-rf',
    life_situation: 'birth-of-child',
    step: 'documents',
    channel: 'web',
    segment: 'citizen',
    locale: 'ru',
    path: '/services/passport/step-2',
    ...over,
  }
}

export const answer = (score: number, over: Partial<OtklikEvent> = {}) =>
  event({ type: 'survey_response', metric: 'csat', score, step: undefined, journey: undefined, ...over })

export function batch(events: OtklikEvent[], site = 'demo') {
  return { site, sdk: '1.0.0', sent_at: Date.now(), events }
}

export const CHROME_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'
export const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'

/** A survey_shown or survey_response (score 5 unless given) of one session, for the ballot-stuffing tests. */
export const surveyEvent = (type: 'survey_shown' | 'survey_response', session: string, ts: number, over: Partial<OtklikEvent> = {}): OtklikEvent => ({
  id: randomUUID(),
  type,
  ts,
  session,
  service: 'passport-rf',
  metric: 'csat',
  ...(type === 'survey_response' ? { score: 5 } : {}),
  ...over,
})
